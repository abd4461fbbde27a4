import type { VikingCore } from '../createVikingCore';
import { asArray, asId, asNumber, asRecord, asString } from '../shared/read';
import { snakeKeys } from '../shared/snakeKeys';
import { splitOptions } from '../shared/splitOptions';
import { metaOf } from '../shared/withMeta';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues } from '../transport/validate';
import { VECTOR_AGGREGATE, VECTOR_FETCH_IN_INDEX, VECTOR_SORT } from '../endpoints';
import { indexFields, type IndexRef } from './indexRef';
import { toIndexFetchResult } from './results';
import { aggregateSchema, idsSchema, sortSchema } from './schemas';
import { checkSearchParams } from './search';
import type {
  AggregateParams,
  AggregateResult,
  AnyFields,
  FetchResult,
  FieldName,
  IndexFetchedRow,
  IndexFetchOptions,
  PrimaryKey,
  SortParams,
  SortResult,
} from './types';

/*
 * The index reads other than search (api doc §3.6, §3.13, §3.14) as standalone functions; `client.vector.index(…)`
 * calls these.
 */

/** `POST /api/vikingdb/data/fetch_in_index`: rows by id, with their vectors. */
export async function fetchInIndex<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  ids: readonly PrimaryKey[],
  options: IndexFetchOptions<TFields, K> & RequestOptions = {},
): Promise<FetchResult<IndexFetchedRow<TFields, K>>> {
  const endpoint = VECTOR_FETCH_IN_INDEX;
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
  const endpoint = VECTOR_AGGREGATE;
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
  const endpoint = VECTOR_SORT;
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
