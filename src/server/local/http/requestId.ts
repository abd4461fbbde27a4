/**
 * Request ids, carried in the `X-Tt-Logid` header both ways (api doc §2.1): the caller's id is echoed when it is
 * sane, otherwise one is generated in VikingDB's shape — `021`, the epoch milliseconds, then random hex.
 */
import { randomBytes } from 'node:crypto';

/** The request id header VikingDB and its SDKs use. */
export const REQUEST_ID_HEADER = 'X-Tt-Logid';

/** Longest caller-supplied id that is echoed (longer ones are replaced). */
export const MAX_REQUEST_ID_LENGTH = 128;

const SANE_ID = /^[\x21-\x7e]+$/;

/** A new id such as `0211735689600000` + 24 hex digits. `now` defaults to `Date.now()`. */
export function generateRequestId(now: number = Date.now()): string {
  return `021${now}${randomBytes(12).toString('hex')}`;
}

/**
 * The id to answer with: the caller's `X-Tt-Logid` when it is 1–128 visible ASCII characters (so it can go into
 * a log line and a header unchanged), else a generated one.
 */
export function resolveRequestId(header: string | null | undefined, now?: number): string {
  if (header && header.length <= MAX_REQUEST_ID_LENGTH && SANE_ID.test(header)) return header;
  return generateRequestId(now);
}
