/**
 * Rows in memory keep each dense vector as a `Float32Array` (4 bytes a component instead of the 8 of a number array,
 * plus its per-element bookkeeping), which is what VikingDB stores too. Answers give those components back as the
 * shortest decimal that reads back as the same float32 (`0.1` stays `0.1`, `0.123456789` becomes `0.12345679`), and
 * storage receives plain number arrays.
 */
import type { CollectionSchema } from './CollectionSchema';
import type { StoredRow } from './StoredRow';

/** A row whose dense vector fields are `Float32Array`s (a new row object; the given one is not changed). */
export function compactRow(schema: CollectionSchema, row: StoredRow): StoredRow {
  let fields: Record<string, unknown> | undefined;
  for (const name of schema.denseFieldNames) {
    const value = row.fields[name];
    if (!Array.isArray(value)) continue;
    fields ??= { ...row.fields };
    fields[name] = Float32Array.from(value as number[]);
  }
  return fields ? { ...row, fields } : row;
}

/** The shortest decimal (at most 9 significant digits) that rounds to the float32 `value`. */
function shortestFloat32(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value === 0 ? 0 : value;
  let low = 1;
  let high = 9;
  let best = Number(value.toPrecision(9));
  while (low <= high) {
    const digits = (low + high) >> 1;
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) {
      best = candidate;
      high = digits - 1;
    } else low = digits + 1;
  }
  return best;
}

/** The components of a float32 vector as JSON numbers. */
export function float32Numbers(vector: Float32Array): number[] {
  const out = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = shortestFloat32(vector[i]!);
  return out;
}

/**
 * A row as storage receives it: dense vectors as number arrays of their float32 values (which the storage codec
 * packs as 4 bytes a component), so a restart holds exactly what memory held.
 */
export function persistableRow(schema: CollectionSchema, row: StoredRow): StoredRow {
  let fields: Record<string, unknown> | undefined;
  for (const name of schema.denseFieldNames) {
    const value = row.fields[name];
    if (!(value instanceof Float32Array) && !Array.isArray(value)) continue;
    fields ??= { ...row.fields };
    fields[name] = Array.from(value instanceof Float32Array ? value : Float32Array.from(value as number[]));
  }
  return fields ? { ...row, fields } : row;
}
