/**
 * Request ids, carried in the `X-Tt-Logid` header both ways (api doc §2.1), for the local server, the engine, the
 * MSW handlers and the signing proxy: the caller's id is kept when it is sane, otherwise one is generated in
 * VikingDB's shape — `021`, the epoch milliseconds, then 24 hex digits. Pure (WebCrypto, no Node built-ins), so the
 * engine, MSW in a browser and edge runtimes use it too.
 */

/** The request id header of VikingDB and its SDKs. */
export const REQUEST_ID_HEADER = 'X-Tt-Logid';

/** Longest caller-supplied id that is kept (longer ones are replaced). */
export const MAX_REQUEST_ID_LENGTH = 128;

/** 1–128 visible ASCII characters: safe in a log line and a header unchanged. */
const SANE_ID = /^[\x21-\x7e]{1,128}$/;

function randomBytes(random: (() => number) | undefined): Uint8Array {
  if (!random) return globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Uint8Array.from({ length: 12 }, () => Math.floor(random() * 256));
}

/**
 * A new id such as `0211735689600000` followed by 24 hex digits. `now` defaults to `Date.now()`; `random` (a source
 * of numbers in [0, 1), e.g. a seeded one for reproducible ids) defaults to WebCrypto.
 */
export function generateRequestId(now: number = Date.now(), random?: () => number): string {
  let hex = '';
  for (const byte of randomBytes(random)) hex += byte.toString(16).padStart(2, '0');
  return `021${now}${hex}`;
}

/** The caller's id when it is 1–128 visible ASCII characters, else a generated one. */
export function resolveRequestId(header: string | null | undefined, now?: number): string {
  return header && SANE_ID.test(header) ? header : generateRequestId(now);
}
