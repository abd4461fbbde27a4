/**
 * The parameters every search endpoint shares (api doc §3.0 SearchBase) and the steps they share: candidate
 * selection (filter bitmap, partition, `advance.ids_in`/`ids_not_in`, expiry), ranking with a bounded heap, and
 * hit formatting.
 *
 * Defaults: `limit` 10 (integer 1..100000), `offset` 0 (integer ≥ 0), `output_fields` absent → every scalar field
 * (not dense/sparse vectors), `[]` → none, an unknown name → 400. `advance.dense_weight` 0.5 in [0.2, 1]; other
 * `advance` keys (post_process_ops, scale_k, filter_pre_ann_*) are accepted and ignored: search is exact (unless the
 * index has `ann`, see `denseSearch.ts`).
 * `return_schema: true` adds `schema` (see `describeSchema.ts`) to the result; the other `return_*` flags are
 * accepted and ignored.
 */
import { BodyReader, isJsonObject } from '../BodyReader';
import { invalid } from '../EngineError';
import { FINITE_FLOAT32, isFiniteFloat32 } from '../float32';
import type { CollectionSchema } from './CollectionSchema';
import { scalarFieldType } from './CollectionSchema';
import { denseValue, float32Numbers } from './compactRow';
import { describeSchema } from './describeSchema';
import { evaluateFilter } from './filter/evaluateFilter';
import type { FilterNode } from './filter/FilterNode';
import { parseFilter } from './filter/parseFilter';
import { lookupKey, lookupKeys, type PrimaryKeyValue } from './primaryKey';
import type { StoredRow } from './StoredRow';
import { TopK } from './TopK';
import type { VectorIndex } from './VectorIndex';
import { quote } from '../quote';

/** Largest accepted `limit`. */
export const MAX_LIMIT = 100_000;
/** `limit` when absent. */
export const DEFAULT_LIMIT = 10;

/** The shared parameters, validated. */
export interface SearchBase {
  limit: number;
  offset: number;
  outputFields: readonly string[];
  filter: FilterNode | undefined;
  partition: string | undefined;
  idsIn: readonly string[] | undefined;
  idsNotIn: ReadonlySet<string> | undefined;
  denseWeight: number;
  /** `return_schema`: add the collection and index description to the result. */
  returnSchema: boolean;
}

/** One hit as answered. */
export interface SearchHit {
  id: PrimaryKeyValue;
  fields: Record<string, unknown>;
  score: number;
  ann_score: number;
}

/** Validates `output_fields` (absent → the collection's default output fields). */
export function readOutputFields(body: BodyReader, collection: CollectionSchema): readonly string[] {
  const names = body.optionalStringArray('output_fields');
  if (names === undefined) return collection.defaultOutputFields;
  names.forEach((name, i) => {
    const field = collection.fields.get(name);
    if (name === collection.primaryKey.name || (field && !field.hidden)) return;
    throw invalid(`output_fields[${i}]: unknown field ${quote(name)} in collection '${collection.name}'`);
  });
  return names;
}

/** Validates `filter` against the index's scalar fields. */
export function readFilter(body: BodyReader, index: VectorIndex): FilterNode | undefined {
  const raw = body.raw('filter');
  if (raw === undefined) return undefined;
  if (isJsonObject(raw) && Object.keys(raw).length === 0) return undefined;
  return parseFilter(raw, {
    fieldType: (name) => scalarFieldType(index.collection, index.schema, name),
    primaryKey: index.collection.primaryKey,
    scalarFields: [...index.schema.scalarFields],
    indexName: index.schema.name,
  });
}

/** Validates `partition` ("" or absent → none; `default` is a no-op on an index without a partition field). */
export function readPartition(body: BodyReader, index: VectorIndex): string | undefined {
  const raw = body.raw('partition');
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') throw invalid('partition must be a string or an integer');
  if (index.schema.partitionField === undefined) {
    if (raw === 'default') return undefined;
    throw invalid(`partition: index '${index.schema.name}' has no partition field`);
  }
  return String(raw);
}

function readKeyList(advance: BodyReader, key: string, index: VectorIndex): string[] | undefined {
  const raw = advance.optionalArray(key);
  if (raw === undefined) return undefined;
  return lookupKeys(raw, index.collection.primaryKey.kind, advance.at(key)).flatMap((parsed) =>
    parsed ? [parsed.key] : [],
  );
}

/** Reads and validates every SearchBase parameter. */
export function readSearchBase(body: BodyReader, index: VectorIndex): SearchBase {
  const advance = body.optionalObject('advance') ?? new BodyReader({}, 'advance');
  const idsNotIn = readKeyList(advance, 'ids_not_in', index);
  return {
    limit: body.optionalInteger('limit', { min: 1, max: MAX_LIMIT }) ?? DEFAULT_LIMIT,
    offset: body.optionalInteger('offset', { min: 0 }) ?? 0,
    outputFields: readOutputFields(body, index.collection),
    filter: readFilter(body, index),
    partition: readPartition(body, index),
    idsIn: readKeyList(advance, 'ids_in', index),
    idsNotIn: idsNotIn && new Set(idsNotIn),
    denseWeight: advance.optionalNumber('dense_weight', { min: 0.2, max: 1 }) ?? 0.5,
    returnSchema: body.optionalBoolean('return_schema') ?? false,
  };
}

/** Slots that pass filter, partition, ids_in/ids_not_in and are not expired, in slot order. */
export function candidateSlots(
  index: VectorIndex,
  options: {
    filter: FilterNode | undefined;
    partition: string | undefined;
    idsIn?: readonly string[] | undefined;
    idsNotIn?: ReadonlySet<string> | undefined;
  },
  now: number,
): number[] {
  const bitmap = options.filter ? evaluateFilter(options.filter, index) : undefined;
  const partitionColumn =
    options.partition !== undefined && index.schema.partitionField !== undefined
      ? index.column(index.schema.partitionField)
      : undefined;
  const accept = (slot: number): boolean =>
    index.expiresAt[slot]! > now &&
    (bitmap === undefined || bitmap[slot] === 1) &&
    (partitionColumn === undefined || String(partitionColumn[slot]) === options.partition) &&
    (options.idsNotIn === undefined || !options.idsNotIn.has(index.keys[slot]!));
  if (options.idsIn !== undefined) {
    const slots = new Set<number>();
    for (const key of options.idsIn) {
      const slot = index.slotOf(key);
      if (slot !== undefined && accept(slot)) slots.add(slot);
    }
    return [...slots].sort((a, b) => a - b);
  }
  const slots: number[] = [];
  for (let slot = 0; slot < index.size; slot++) if (accept(slot)) slots.push(slot);
  return slots;
}

/** Copies a value out of storage so callers cannot mutate stored rows. */
export function copyValue(stored: unknown): unknown {
  const value = denseValue(stored);
  if (value instanceof Float32Array) return float32Numbers(value);
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (typeof value === 'object' && value !== null) return { ...value };
  return value;
}

/** The `fields` object of a row for the given output fields (always an object). */
export function projectFields(
  collection: CollectionSchema,
  row: StoredRow,
  outputFields: readonly string[],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of outputFields) {
    fields[name] = name === collection.primaryKey.name ? row.id : copyValue(row.fields[name]);
  }
  return fields;
}

/** Ranks candidates by `score` (best first), keeping only `offset + limit` with a bounded heap; then pages. */
export function rank(
  candidates: readonly number[],
  base: { limit: number; offset: number },
  higherIsBetter: boolean,
  score: (slot: number) => number,
): Array<{ slot: number; score: number }> {
  const heap = new TopK(Math.min(base.offset + base.limit, candidates.length), higherIsBetter);
  for (const slot of candidates) heap.push(slot, score(slot));
  return heap.sorted().slice(base.offset);
}

/** The SearchResult object (`data` is never null; `fields` always an object; `schema` when asked for). */
export function searchResult(
  index: VectorIndex,
  ranked: ReadonlyArray<{ slot: number; score: number }>,
  base: SearchBase,
  filterMatchedCount: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const data: SearchHit[] = ranked.map(({ slot, score }) => {
    const row = index.rows[slot]!;
    return { id: row.id, fields: projectFields(index.collection, row, base.outputFields), score, ann_score: score };
  });
  const result: Record<string, unknown> = {
    data,
    total_return_count: data.length,
    filter_matched_count: filterMatchedCount,
    ...extra,
  };
  if (base.returnSchema) result['schema'] = describeSchema(index.collection, index.schema);
  return result;
}

/** Reads a dense query vector of exactly `dim` finite numbers at `path`. */
export function readDenseVector(raw: unknown, dim: number, path: string): Float32Array {
  if (!Array.isArray(raw)) throw invalid(`${path} must be an array of ${dim} numbers`);
  if (raw.length !== dim) throw invalid(`${path} has ${raw.length} dimensions; the index needs exactly ${dim}`);
  const vector = new Float32Array(dim);
  raw.forEach((value, i) => {
    if (!isFiniteFloat32(value)) throw invalid(`${path}[${i}] ${FINITE_FLOAT32}`);
    vector[i] = value;
  });
  return vector;
}

/** Parses one pk for a lookup that must name a row (`search/id`), or `undefined` when it cannot exist. */
export function lookupOne(raw: unknown, index: VectorIndex, path: string): string | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') throw invalid(`${path} must be a primary key`);
  return lookupKey(raw, index.collection.primaryKey.kind)?.key;
}
