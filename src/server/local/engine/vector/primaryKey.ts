/**
 * Primary keys. int64 keys arrive as JSON numbers or numeric strings (Java sends `"1"`); string keys as strings
 * (numbers are accepted and stringified); auto ids (`__AUTO_ID__`) are int64 values the server returns as digit
 * strings, because they exceed JavaScript's safe integers. Internally every key has one canonical string form.
 */
import { invalid } from '../EngineError';
import type { PrimaryKeyKind } from './CollectionSchema';
import { quote } from '../quote';

/** A primary key as it appears in responses. */
export type PrimaryKeyValue = number | string;

/** A key in canonical string form plus the value to answer with. */
export interface ParsedKey {
  key: string;
  id: PrimaryKeyValue;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function canonicalInt64(raw: unknown): bigint | undefined {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || Math.abs(raw) > 9.3e18) return undefined;
    return BigInt(raw);
  }
  if (typeof raw === 'string' && /^-?\d{1,19}$/.test(raw)) {
    const value = BigInt(raw);
    return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
  }
  return undefined;
}

/** Parses a key for lookups; `undefined` when it cannot be a key of this kind (so it simply does not exist). */
export function lookupKey(raw: unknown, kind: PrimaryKeyKind): ParsedKey | undefined {
  if (kind === 'string') {
    if (typeof raw === 'string') return { key: raw, id: raw };
    if (typeof raw === 'number' && Number.isFinite(raw)) return { key: String(raw), id: String(raw) };
    return undefined;
  }
  const value = canonicalInt64(raw);
  if (value === undefined) return undefined;
  const key = value.toString();
  if (kind === 'auto') return { key, id: key };
  const asNumber = Number(value);
  return { key, id: Number.isSafeInteger(asNumber) ? asNumber : key };
}

/**
 * Parses a key given by a client for a write or a lookup that must be well-formed.
 * @throws EngineError (400) naming `path` when the value is not a key of this kind, or is 0 / empty.
 */
export function parsePrimaryKey(raw: unknown, kind: PrimaryKeyKind, path: string): ParsedKey {
  const parsed = lookupKey(raw, kind);
  if (parsed === undefined) {
    const expected = kind === 'string' ? 'a string' : 'an int64 (number or digit string)';
    throw invalid(`${path} must be ${expected}, got ${quote(raw)}`);
  }
  if (kind !== 'string' && parsed.key === '0') throw invalid(`${path}: the primary key must not be 0`);
  if (kind === 'string' && parsed.key === '') throw invalid(`${path}: the primary key must not be empty`);
  if (kind === 'string' && utf8Length(parsed.key) > 128)
    throw invalid(`${path}: a string primary key is at most 128 bytes`);
  return parsed;
}

/** Parses a list of ids for a lookup; `undefined` entries are ids that cannot exist. Non-scalars → 400. */
export function lookupKeys(raw: readonly unknown[], kind: PrimaryKeyKind, path: string): Array<ParsedKey | undefined> {
  return raw.map((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number')
      throw invalid(`${path}[${i}] must be a primary key (number or string)`);
    return lookupKey(item, kind);
  });
}

/** UTF-8 byte length of a string without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
