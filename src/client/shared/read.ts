import { toCamelCase } from './snakeKeys';

/*
 * Lenient readers for response payloads: a missing or mistyped field reads as undefined (or an empty list),
 * never as a crash, so a service that adds or omits fields does not break the client.
 */

export type JsonRecord = Record<string, unknown>;

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number that is not NaN or ±Infinity. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function asRecord(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asRecordOrUndefined(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

/** A primary key as the service sent it (string or number); anything else reads as its string form. */
export function asId(value: unknown): string | number {
  return typeof value === 'number' || typeof value === 'string' ? value : String(value);
}

/**
 * Reads the space-separated snake_case `keys` of `source` with `read`, into `target` under their camelCase names
 * (`'rerank_error'` → `rerankError`). Every key is set, to `undefined` when missing or mistyped.
 */
export function readKeys(
  target: JsonRecord,
  source: JsonRecord,
  keys: string,
  read: (value: unknown) => unknown,
): void {
  for (const key of keys.split(' ')) target[toCamelCase(key)] = read(source[key]);
}
