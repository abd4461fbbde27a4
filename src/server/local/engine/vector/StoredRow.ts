/** A row as stored (JSON-compatible) and held in memory. */
import { isJsonObject } from '../BodyReader';
import type { PrimaryKeyValue } from './primaryKey';

export interface StoredRow {
  /** The primary key as answered (`number` for safe int64 keys, else string). */
  id: PrimaryKeyValue;
  /**
   * Every field value, including dense vectors and computed embeddings: number arrays as written and stored,
   * `Float32Array`s once held in memory (see `compactRow.ts`).
   */
  fields: Record<string, unknown>;
  /** Epoch ms after which the row is invisible and may be purged; absent = never. */
  expiresAt?: number;
}

/** True when the row has expired at `now`. */
export function isExpired(row: StoredRow, now: number): boolean {
  return row.expiresAt !== undefined && row.expiresAt <= now;
}

/** True for a value shaped like a {@link StoredRow} (as read back from storage or a snapshot). */
export function isStoredRow(value: unknown): value is StoredRow {
  return (
    isJsonObject(value) &&
    (typeof value['id'] === 'number' || typeof value['id'] === 'string') &&
    isJsonObject(value['fields'])
  );
}
