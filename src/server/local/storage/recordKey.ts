/**
 * Binary record keys for the lmdb storage: `utf8(space) 0x00 utf8(key)`. LMDB orders keys by bytes, so every
 * record of a space sits in the contiguous range `[space 0x00, space 0x01)` and spaces can be listed by skipping
 * from one prefix to the next.
 */
import { Buffer } from 'node:buffer';

/** LMDB's compiled-in key limit in bytes (lmdb-js reports it in its error message). */
export const MAX_KEY_BYTES = 1978;

/** A lone UTF-16 surrogate cannot be encoded as UTF-8 without being replaced, which would merge keys. */
const LONE_SURROGATE = /\p{Cs}/u;

function checkText(what: string, value: string): void {
  if (typeof value !== 'string') throw new TypeError(`storage ${what} must be a string, got ${typeof value}`);
  if (LONE_SURROGATE.test(value)) throw new TypeError(`storage ${what} ${JSON.stringify(value)} has a lone surrogate`);
}

/**
 * Encodes `(space, key)`.
 * @throws TypeError when the space is empty or contains U+0000, when either part is not well-formed UTF-16, or when
 *   the key is longer than {@link MAX_KEY_BYTES} bytes.
 */
export function encodeRecordKey(space: string, key: string): Buffer {
  checkText('space', space);
  checkText('key', key);
  if (space.length === 0) throw new TypeError('storage space must not be empty');
  if (space.includes('\u0000')) throw new TypeError(`storage space ${JSON.stringify(space)} contains U+0000`);
  const bytes = Buffer.from(`${space}\u0000${key}`, 'utf8');
  if (bytes.length > MAX_KEY_BYTES) {
    throw new TypeError(
      `storage key in space ${JSON.stringify(space)} is ${bytes.length} bytes; the limit is ${MAX_KEY_BYTES} (space + key + 1)`,
    );
  }
  return bytes;
}

/** Splits a stored key back into `[space, key]` at its first 0x00 byte. */
export function decodeRecordKey(bytes: Uint8Array): [space: string, key: string] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const split = buffer.indexOf(0);
  if (split < 0) return [buffer.toString('utf8'), ''];
  return [buffer.toString('utf8', 0, split), buffer.toString('utf8', split + 1)];
}

/** The range `[start, end)` holding every key of `space` (validated as in {@link encodeRecordKey}). */
export function spaceRange(space: string): { start: Buffer; end: Buffer } {
  const start = encodeRecordKey(space, '');
  const end = Buffer.from(start);
  end[end.length - 1] = 1;
  return { start, end };
}

/** The first key after every key of `space`: where the next space starts. */
export function afterSpace(space: string): Buffer {
  return spaceRange(space).end;
}
