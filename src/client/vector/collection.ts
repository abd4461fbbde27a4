import type { VikingCore } from '../createVikingCore';
import type { RequestOptions } from '../transport/RequestOptions';
import { locatorFields, type LocatorFields } from './locator';
import { fetchInCollection, fetchManyInCollection, type FetchManyOptions } from './rowReads';
import { deleteRows, updateRows, upsertAllRows, upsertRows, type AutoIdOption } from './rowWrites';
import type {
  AnyFields,
  CollectionFetchOptions,
  CollectionLocator,
  DeleteOptions,
  DeleteTarget,
  FetchedRow,
  FetchResult,
  PrimaryKey,
  ResultMeta,
  UpdateOptions,
  UpsertOptions,
  WriteResult,
} from './types';
import type { BulkWriteResult, UpsertAllOptions } from './upsertAll';

export type { FetchManyOptions } from './rowReads';

/** Options of `client.vector.collection()`: `autoId` (default false) for collections that generate their keys. */
export type CollectionOptions = AutoIdOption;

/** Data operations on one collection (api doc §3.2–3.5). `TFields` types a row. */
export interface VectorCollection<TFields = AnyFields> {
  /** The wire fields that address this collection. */
  readonly locator: Readonly<LocatorFields>;
  /** Inserts or replaces 1–100 rows (`POST /api/vikingdb/data/upsert`). */
  upsert(rows: ReadonlyArray<Partial<TFields>>, options?: UpsertOptions & RequestOptions): Promise<WriteResult>;
  /** Changes the given fields of 1–100 existing rows; each row carries its primary key (`…/data/update`). */
  update(rows: ReadonlyArray<Partial<TFields>>, options?: UpdateOptions & RequestOptions): Promise<WriteResult>;
  /** Deletes rows by id, or every row with `{ all: true }` (`…/data/delete`). Missing ids are not an error. */
  delete(target: DeleteTarget, options?: DeleteOptions & RequestOptions): Promise<ResultMeta>;
  /** Fetches rows by id (`…/data/fetch_in_collection`). */
  fetch(
    ids: readonly PrimaryKey[],
    options?: CollectionFetchOptions & RequestOptions,
  ): Promise<FetchResult<FetchedRow<TFields>>>;
  /** Fetches any number of ids in batches, merged in order. */
  fetchMany(ids: readonly PrimaryKey[], options?: FetchManyOptions): Promise<FetchResult<FetchedRow<TFields>>>;
  /** Writes any number of rows in batches of ≤ 100 with bounded concurrency and progress. */
  upsertAll(rows: ReadonlyArray<Partial<TFields>>, options?: UpsertAllOptions): Promise<BulkWriteResult>;
}

/** The object form of a collection's operations: each method calls its standalone function (rowWrites, rowReads). */
export function createCollection<TFields>(
  core: VikingCore,
  collection: CollectionLocator,
  collectionOptions: CollectionOptions = {},
): VectorCollection<TFields> {
  // Checked now, so a bad locator fails where the collection is named rather than at its first call.
  const locator = locatorFields(collection, 'vector.collection');
  const { autoId } = collectionOptions;
  return {
    locator,
    upsert: (rows, options) => upsertRows(core, collection, rows, { ...options, autoId }),
    update: (rows, options) => updateRows(core, collection, rows, options),
    delete: (target, options) => deleteRows(core, collection, target, options),
    fetch: (ids, options) => fetchInCollection<TFields>(core, collection, ids, options),
    fetchMany: (ids, options) => fetchManyInCollection<TFields>(core, collection, ids, options),
    upsertAll: (rows, options) => upsertAllRows(core, collection, rows, { ...options, autoId }),
  };
}
