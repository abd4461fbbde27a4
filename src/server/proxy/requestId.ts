/**
 * Request ids for the proxy, carried in `X-Tt-Logid` (api doc §2.1): the caller's id is kept when it is 1–128
 * visible ASCII characters, otherwise one is generated in VikingDB's shape (`021`, epoch ms, 24 hex digits).
 * WebCrypto only, so the handler runs on edge runtimes too.
 */

/** The request id header of VikingDB and its SDKs. */
export const REQUEST_ID_HEADER = 'X-Tt-Logid';

const SANE_ID = /^[\x21-\x7e]{1,128}$/;

/** A new id such as `0211735689600000` followed by 24 hex digits. */
export function generateRequestId(now: number = Date.now()): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `021${now}${hex}`;
}

/** The caller's `X-Tt-Logid` when it is sane, else a generated id. */
export function resolveRequestId(header: string | null): string {
  return header !== null && SANE_ID.test(header) ? header : generateRequestId();
}
