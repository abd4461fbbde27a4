import type { VikingCore } from '../createVikingCore';
import { snakeKeys } from '../shared/snakeKeys';
import { splitOptions } from '../shared/splitOptions';
import { metaOf } from '../shared/withMeta';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues } from '../transport/validate';
import { DELETE, UPDATE, UPSERT, UPSERT_AUTO_ID } from './endpoints';
import { locatorFields } from './locator';
import { tokenUsageOf } from './results';
import { rowIssues } from './rows';
import { idsSchema, writeOptionsSchema } from './schemas';
import type {
  AnyFields,
  CollectionLocator,
  DeleteOptions,
  DeleteTarget,
  ResultMeta,
  UpdateOptions,
  UpsertOptions,
  WriteResult,
} from './types';
import { upsertAll, type BulkWriteResult, type UpsertAllOptions } from './upsertAll';

/*
 * The writes of a collection (api doc §3.2–3.4) as standalone functions; `client.vector.collection(…)` calls these.
 */

/** Options of {@link upsertRows} and {@link upsertAllRows} about the collection itself. */
export interface AutoIdOption {
  /**
   * The collection generates its primary keys (`__AUTO_ID__`). An upsert then creates new rows on every attempt, so it
   * is not retried unless the call opts in. Default: false.
   */
  autoId?: boolean | undefined;
}

async function write<TFields>(
  core: VikingCore,
  collection: CollectionLocator,
  kind: 'upsert' | 'update',
  rows: ReadonlyArray<Partial<TFields>>,
  options: UpsertOptions & RequestOptions & AutoIdOption,
): Promise<WriteResult> {
  const name = `vector.${kind}`;
  const { autoId, ...rest } = options;
  const where = locatorFields(collection, name);
  // `ttl`, `ignoreUnknownFields`, `async` and any other option that is not a request option go to the body.
  const { wire, request } = splitOptions(rest);
  assertValid(name, [...rowIssues(rows), ...schemaIssues(writeOptionsSchema, wire)]);
  const endpoint = kind === 'update' ? UPDATE : autoId ? UPSERT_AUTO_ID : UPSERT;
  const body = { ...where, data: rows, ...snakeKeys(wire) };
  const response = await core.transport.call(endpoint, body, request);
  return {
    ...metaOf(response),
    tokenUsage: tokenUsageOf((response.payload as { token_usage?: unknown } | undefined)?.token_usage),
  };
}

/**
 * `POST /api/vikingdb/data/upsert`: inserts or replaces 1–100 rows (options default `{}`).
 *
 * @example
 * await upsertRows(viking, 'docs', [{ id: 1, title: 'Intro' }], { ttl: 3600 });
 */
export function upsertRows<TFields = AnyFields>(
  core: VikingCore,
  collection: CollectionLocator,
  rows: ReadonlyArray<Partial<TFields>>,
  options: UpsertOptions & RequestOptions & AutoIdOption = {},
): Promise<WriteResult> {
  return write(core, collection, 'upsert', rows, options);
}

/** `POST /api/vikingdb/data/update`: changes the given fields of 1–100 rows, each with its primary key (options default `{}`). */
export function updateRows<TFields = AnyFields>(
  core: VikingCore,
  collection: CollectionLocator,
  rows: ReadonlyArray<Partial<TFields>>,
  options: UpdateOptions & RequestOptions = {},
): Promise<WriteResult> {
  return write(core, collection, 'update', rows, options);
}

/**
 * `POST /api/vikingdb/data/delete`: deletes rows by id, or every row with `{ all: true }` (options default `{}`).
 * Missing ids are not an error.
 */
export async function deleteRows(
  core: VikingCore,
  collection: CollectionLocator,
  target: DeleteTarget,
  options: DeleteOptions & RequestOptions = {},
): Promise<ResultMeta> {
  const where = locatorFields(collection, 'vector.delete');
  const { wire, request } = splitOptions(options);
  const all = 'all' in target && target.all === true;
  const ids = 'ids' in target ? target.ids : undefined;
  if (!all) assertValid('vector.delete', schemaIssues(idsSchema, ids, ['ids']));
  const body = { ...where, ...(all ? { del_all: true } : { ids }), ...snakeKeys(wire) };
  return metaOf(await core.transport.call(DELETE, body, request));
}

/**
 * Writes any number of rows in batches of ≤ 100 (`upsert`) with bounded concurrency and progress (options default
 * `{}`: batches of 100, 4 at once, stop at the first failure).
 */
export function upsertAllRows<TFields = AnyFields>(
  core: VikingCore,
  collection: CollectionLocator,
  rows: ReadonlyArray<Partial<TFields>>,
  options: UpsertAllOptions & AutoIdOption = {},
): Promise<BulkWriteResult> {
  const { autoId, ...rest } = options;
  locatorFields(collection, 'vector.upsertAll');
  return upsertAll(rows, rest, (batch, batchOptions) =>
    write(core, collection, 'upsert', batch, { ...batchOptions, autoId }),
  );
}
