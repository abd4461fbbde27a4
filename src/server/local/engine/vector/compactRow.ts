/**
 * Rows in memory keep each dense vector once, as float32 (which is what VikingDB stores too): as a `Float32Array`
 * (4 bytes a component instead of the 8 of a number array, plus its per-element bookkeeping) or, when an index that
 * applies writes at once holds the field in its contiguous matrix, as an {@link IndexedVector} that reads it from
 * there. Answers give the components back as the shortest decimal that reads back as the same float32 (`0.1` stays
 * `0.1`, `0.123456789` becomes `0.12345679`), and storage receives plain number arrays.
 */
import type { CollectionSchema } from './CollectionSchema';
import type { StoredRow } from './StoredRow';
import type { VectorIndex } from './VectorIndex';

/**
 * A row's dense vector kept only in `index`'s matrix, under `key`. Valid while the row is the index's current row of
 * that key, which holds for every row the collection or the index hands out: writes replace the row object, and are
 * applied to the collection and to its synchronous indexes in the same step.
 */
export class IndexedVector {
  constructor(
    private readonly index: VectorIndex,
    private readonly key: string,
  ) {}

  /** The vector (a view: copy it before keeping it). */
  read(): Float32Array {
    const slot = this.index.slotOf(this.key);
    if (slot === undefined) throw new Error(`index ${this.index.schema.name} lost the vector of ${this.key}`);
    const dim = this.index.schema.dim;
    return this.index.matrix.data.subarray(slot * dim, (slot + 1) * dim);
  }
}

/** A dense vector field's value as a `Float32Array` (a view for an {@link IndexedVector}), else the value itself. */
export function denseValue(value: unknown): unknown {
  return value instanceof IndexedVector ? value.read() : value;
}

/**
 * A row whose dense vector fields are `Float32Array`s: a new row and fields object when a vector was a number array
 * (the given one is unchanged), else the row itself.
 */
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

/**
 * Once `indexes` (synchronous, by dense field) hold `row`'s vectors, replaces them in the row by
 * {@link IndexedVector}s, so each vector is kept once.
 */
export function detachIndexedVectors(row: StoredRow, key: string, indexes: ReadonlyMap<string, VectorIndex>): void {
  for (const [field, index] of indexes)
    if (row.fields[field] instanceof Float32Array) row.fields[field] = new IndexedVector(index, key);
}

/**
 * Gives each of `rows` its vector of `field` from a packed block (a snapshot's): `present` has one byte a row (1 = the
 * row has a vector), `vectors` those vectors back to back. A row gets an {@link IndexedVector} of `holder` (which holds
 * its vector under `keys[i]`) when there is one, else a copy; a row without a vector loses the field's placeholder.
 */
export function attachPackedVectors(
  rows: readonly StoredRow[],
  keys: readonly string[],
  field: string,
  block: { present: Uint8Array; vectors: Float32Array; dim: number },
  holder?: VectorIndex,
): void {
  const { present, vectors, dim } = block;
  let at = 0;
  present.forEach((flag, i) => {
    if (flag === 0) {
      Reflect.deleteProperty(rows[i]!.fields, field);
      return;
    }
    rows[i]!.fields[field] = holder ? new IndexedVector(holder, keys[i]!) : vectors.slice(at * dim, (at + 1) * dim);
    at++;
  });
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
 * A row as storage receives it: dense vectors as `Float32Array`s of their float32 values (which storage keeps as number
 * arrays, and the lmdb codec copies as 4 bytes a component), so a restart holds exactly what memory held. A vector
 * read from an index's matrix is copied, so later writes to the matrix cannot reach it.
 */
export function persistableRow(schema: CollectionSchema, row: StoredRow): StoredRow {
  let fields: Record<string, unknown> | undefined;
  for (const name of schema.denseFieldNames) {
    const stored = row.fields[name];
    let value: Float32Array;
    if (stored instanceof IndexedVector) value = stored.read().slice();
    else if (Array.isArray(stored)) value = Float32Array.from(stored as number[]);
    else continue;
    fields ??= { ...row.fields };
    fields[name] = value;
  }
  return fields ? { ...row, fields } : row;
}
