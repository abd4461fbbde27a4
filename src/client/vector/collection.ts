import { chunk } from '../shared/chunk';
import { asArray } from '../shared/read';
import { snakeKeys } from '../shared/snakeKeys';
import { splitOptions } from '../shared/splitOptions';
import { runPool } from '../shared/runPool';
import { metaOf } from '../shared/withMeta';
import type { RequestOptions } from '../transport/RequestOptions';
import type { Transport } from '../transport/transport';
import { assertValid, schemaIssues } from '../transport/validate';
import {
  VECTOR_DELETE,
  VECTOR_FETCH_IN_COLLECTION,
  VECTOR_UPDATE,
  VECTOR_UPSERT,
  VECTOR_UPSERT_AUTO_ID,
} from '../endpoints';
import { locatorFields, type LocatorFields } from './locator';
import { toFetchResult, tokenUsageOf } from './results';
import { rowIssues } from './rows';
import { idsSchema, writeOptionsSchema } from './schemas';
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
import { upsertAll, type BulkWriteResult, type UpsertAllOptions } from './upsertAll';

/** Options of `client.vector.collection()`. */
export interface CollectionOptions {
  /**
   * The collection generates its primary keys (`__AUTO_ID__`). An upsert then creates new rows on every
   * attempt, so it is not retried unless the call opts in. Default: false.
   */
  autoId?: boolean | undefined;
}

/** Options of `fetchMany`. */
export interface FetchManyOptions extends CollectionFetchOptions, RequestOptions {
  /** Ids per request. Default: 100. */
  batchSize?: number | undefined;
  /** Requests in flight at once. Default: 4. */
  concurrency?: number | undefined;
}

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

export function createCollection<TFields>(
  transport: Transport,
  locator: CollectionLocator,
  collectionOptions: CollectionOptions = {},
): VectorCollection<TFields> {
  const where = locatorFields(locator, 'vector.collection');

  async function write(
    kind: 'upsert' | 'update',
    rows: ReadonlyArray<Partial<TFields>>,
    options: UpsertOptions & RequestOptions,
  ): Promise<WriteResult> {
    // `ttl`, `ignoreUnknownFields`, `async` and any other option that is not a request option go to the body.
    const { wire, request } = splitOptions(options);
    const name = `vector.${kind}`;
    assertValid(name, [...rowIssues(rows), ...schemaIssues(writeOptionsSchema, wire)]);
    const endpoint =
      kind === 'update' ? VECTOR_UPDATE : collectionOptions.autoId ? VECTOR_UPSERT_AUTO_ID : VECTOR_UPSERT;
    const body = { ...where, data: rows, ...snakeKeys(wire) };
    const response = await transport.call(endpoint, body, request);
    return {
      ...metaOf(response),
      tokenUsage: tokenUsageOf((response.payload as { token_usage?: unknown } | undefined)?.token_usage),
    };
  }

  async function fetch(ids: readonly PrimaryKey[], options: CollectionFetchOptions & RequestOptions = {}) {
    const { wire, request } = splitOptions(options);
    assertValid('vector.fetch', schemaIssues(idsSchema, ids, ['ids']));
    const body = { ...where, ids, ...snakeKeys(wire) };
    return toFetchResult<TFields, keyof TFields>(await transport.call(VECTOR_FETCH_IN_COLLECTION, body, request));
  }

  return {
    locator: where,
    upsert: (rows, options = {}) => write('upsert', rows, options),
    update: (rows, options = {}) => write('update', rows, options),
    async delete(target, options = {}) {
      const { wire, request } = splitOptions(options);
      const all = 'all' in target && target.all === true;
      const ids = 'ids' in target ? target.ids : undefined;
      if (!all) assertValid('vector.delete', schemaIssues(idsSchema, ids, ['ids']));
      const body = { ...where, ...(all ? { del_all: true } : { ids }), ...snakeKeys(wire) };
      return metaOf(await transport.call(VECTOR_DELETE, body, request));
    },
    fetch,
    async fetchMany(ids, options = {}) {
      const { batchSize = 100, concurrency = 4, ...rest } = options;
      assertValid('vector.fetchMany', schemaIssues(idsSchema, ids, ['ids']));
      const parts = chunk(ids, batchSize);
      const results: Array<FetchResult<FetchedRow<TFields>>> = new Array(parts.length);
      let failure: unknown;
      await runPool(
        parts.length,
        concurrency,
        async (i) => {
          try {
            results[i] = await fetch(parts[i]!, rest);
          } catch (error) {
            failure ??= error;
          }
        },
        () => failure !== undefined,
      );
      if (failure !== undefined) throw failure;
      const rawOf = (key: string) => results.flatMap((r) => asArray(r.raw[key]));
      return {
        items: results.flatMap((r) => r.items),
        idsNotExist: results.flatMap((r) => r.idsNotExist),
        requestId: results[results.length - 1]?.requestId,
        latencyMs: results.reduce((max, r) => Math.max(max, r.latencyMs), 0),
        // The batches' payloads as one: every row and every missing id as sent, in order.
        raw: { fetch: rawOf('fetch'), ids_not_exist: rawOf('ids_not_exist') },
      };
    },
    upsertAll: (rows, options = {}) =>
      upsertAll(rows, options, (batch, batchOptions) => write('upsert', batch, batchOptions)),
  };
}
