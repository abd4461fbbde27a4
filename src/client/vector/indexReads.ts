import type { VikingCore } from '../createVikingCore';
import { ValidationError } from '../errors/ValidationError';
import { asArray, asId, asNumber, asRecord, asString } from '../shared/read';
import { snakeKeys } from '../shared/snakeKeys';
import { splitOptions } from '../shared/splitOptions';
import { metaOf } from '../shared/withMeta';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues } from '../transport/validate';
import { AGGREGATE, FETCH_IN_INDEX, SORT } from './endpoints';
import { indexFields, type IndexRef } from './indexRef';
import { toIndexFetchResult } from './results';
import { aggregateSchema, idsSchema, sortSchema } from './schemas';
import type { Filter } from './filter';
import { checkSearchParams, searchByRandom, searchByScalar } from './search';
import type {
  AggregateParams,
  AggregateResult,
  AnyFields,
  FetchResult,
  FieldName,
  IndexFetchedRow,
  IndexFetchOptions,
  PrimaryKey,
  SearchItem,
  SortParams,
  SortResult,
} from './types';

/*
 * The index reads other than search (api doc §3.6, §3.13, §3.14) and the paged scan as standalone functions;
 * `client.vector.index(…)` calls these.
 */

/** Options of `scan` / {@link scanIndex}. */
export interface ScanOptions<TFields, K extends FieldName<TFields>> extends RequestOptions {
  filter?: Filter<TFields> | undefined;
  outputFields?: readonly K[] | undefined;
  partition?: string | number | undefined;
  /** Rows per request. Default: 100. */
  pageSize?: number | undefined;
  /**
   * Page in the order of this scalar field (scalar search), which makes paging stable. Default: none — pages come
   * from random search, which the cloud does not promise to keep stable between pages, so rows may be missed;
   * give a unique scalar field for a complete scan.
   */
  orderBy?: { field: FieldName<TFields>; order?: 'asc' | 'desc' | undefined } | undefined;
}

/** `POST /api/vikingdb/data/fetch_in_index`: rows by id, with their vectors. */
export async function fetchInIndex<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  ids: readonly PrimaryKey[],
  options: IndexFetchOptions<TFields, K> & RequestOptions = {},
): Promise<FetchResult<IndexFetchedRow<TFields, K>>> {
  const endpoint = FETCH_IN_INDEX;
  const where = indexFields(index, endpoint.name);
  const { wire, request } = splitOptions(options);
  assertValid(endpoint.name, schemaIssues(idsSchema, ids, ['ids']));
  const body = { ...where, ids, ...snakeKeys(wire) };
  return toIndexFetchResult(await core.transport.call(endpoint, body, request));
}

/** `POST /api/vikingdb/data/agg`: counts rows, optionally grouped by a field (params default `{}`: count all). */
export async function aggregateIndex<TFields = AnyFields>(
  core: VikingCore,
  index: IndexRef<TFields>,
  params: AggregateParams<TFields> = {},
  options?: RequestOptions,
): Promise<AggregateResult> {
  const endpoint = AGGREGATE;
  const where = indexFields(index, endpoint.name);
  checkSearchParams(endpoint.name, aggregateSchema, params);
  // Every parameter passed is sent (snake_case names); `op` defaults to `count`.
  const body = { ...where, op: 'count', ...snakeKeys(params) };
  const response = await core.transport.call(endpoint, body, options);
  const result = asRecord(response.payload);
  const agg: Record<string, number> = {};
  for (const [key, value] of Object.entries(asRecord(result['agg']))) {
    const count = asNumber(value);
    if (count !== undefined) agg[key] = count;
  }
  return {
    ...metaOf(response),
    agg,
    op: asString(result['op']) ?? params.op ?? 'count',
    field: asString(result['field']),
  };
}

/** `POST /api/vikingdb/data/sort`: rescores the given ids against a query vector. */
export async function sortInIndex(
  core: VikingCore,
  index: IndexRef<unknown>,
  params: SortParams,
  options?: RequestOptions,
): Promise<SortResult> {
  const endpoint = SORT;
  const where = indexFields(index, endpoint.name);
  assertValid(endpoint.name, schemaIssues(sortSchema, params));
  const body = { ...where, ...snakeKeys(params) };
  const response = await core.transport.call(endpoint, body, options);
  const result = asRecord(response.payload);
  return {
    ...metaOf(response),
    items: asArray(result['sort']).map((raw) => {
      const item = asRecord(raw);
      return { id: asId(item['id']), score: asNumber(item['score']) ?? 0 };
    }),
    idsNotExist: asArray(result['ids_not_exist']).map(asId),
  };
}

/**
 * Every matching row of an index, page by page (`for await (const row of scanIndex(viking, docsIndex, {…}))`;
 * options default `{}`: pages of 100 from random search). A row seen on an earlier page is not yielded again.
 */
export async function* scanIndex<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  options: ScanOptions<TFields, K> = {},
): AsyncGenerator<SearchItem<TFields, K>, void, undefined> {
  const { filter, outputFields, partition, pageSize = 100, orderBy, ...request } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new ValidationError('vector.scan', [{ path: 'pageSize', message: 'expected a whole number ≥ 1' }]);
  }
  const seen = new Set<PrimaryKey>();
  for (let offset = 0; ; offset += pageSize) {
    request.signal?.throwIfAborted();
    const common = { filter, outputFields, partition, limit: pageSize, offset };
    const page = orderBy
      ? await searchByScalar<TFields, K>(
          core,
          index,
          { ...common, field: orderBy.field, order: orderBy.order },
          request,
        )
      : await searchByRandom<TFields, K>(core, index, common, request);
    for (const item of page.items) {
      request.signal?.throwIfAborted();
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      yield item;
    }
    if (page.items.length < pageSize) return;
  }
}
