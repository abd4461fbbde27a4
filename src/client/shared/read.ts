/*
 * Lenient readers for response payloads: a missing or mistyped field reads as undefined (or an empty list),
 * never as a crash, so a service that adds or omits fields does not break the client.
 */

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : {};
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
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** A primary key as the service sent it (string or number); anything else reads as its string form. */
export function asId(value: unknown): string | number {
  return typeof value === 'number' || typeof value === 'string' ? value : String(value);
}
