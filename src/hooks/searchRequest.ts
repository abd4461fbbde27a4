import type { VikingClient } from '../client/createClient';
import type { IndexRef } from '../client/vector/indexRef';
import type { RequestOptions } from '../client/transport/RequestOptions';
import type {
  AnyFields,
  FieldName,
  IdSearchParams,
  KeywordsSearchParams,
  MultiModalSearchParams,
  ScalarSearchParams,
  SearchCommon,
  SearchResult,
  VectorSearchParams,
} from '../client/vector/types';

/** The six search modes of an index. */
export type VectorSearchMode = 'vector' | 'multiModal' | 'id' | 'scalar' | 'keywords' | 'random';

/** One search: its `mode` picks the endpoint, the other fields are that mode's parameters. */
export type VectorSearchRequest<TFields = AnyFields, K extends FieldName<TFields> = FieldName<TFields>> =
  | ({ mode: 'vector' } & VectorSearchParams<TFields, K>)
  | ({ mode: 'multiModal' } & MultiModalSearchParams<TFields, K>)
  | ({ mode: 'id' } & IdSearchParams<TFields, K>)
  | ({ mode: 'scalar' } & ScalarSearchParams<TFields, K>)
  | ({ mode: 'keywords' } & KeywordsSearchParams<TFields, K>)
  | ({ mode: 'random' } & SearchCommon<TFields, K>);

/** Where to search and what: `{ collection, index, mode, ...params }` (or `{ ...indexRef, mode, ...params }`). */
export type VectorSearchInput<
  TFields = AnyFields,
  K extends FieldName<TFields> = FieldName<TFields>,
> = IndexRef<TFields> & VectorSearchRequest<TFields, K>;

/**
 * True while a search has nothing to search with — no vector, blank text, no keywords, no id, no field —
 * so hooks stay idle instead of sending a request that can only fail.
 */
export function isEmptySearch(request: VectorSearchRequest<never, never> | VectorSearchRequest): boolean {
  switch (request.mode) {
    case 'vector':
      return !request.denseVector || request.denseVector.length === 0;
    case 'multiModal':
      return !(request.text ?? '').trim() && !request.image && !request.video;
    case 'keywords':
      return !(request.keywords ?? []).some((k) => k.trim()) && !(request.query ?? '').trim();
    case 'id':
      return request.id === undefined || request.id === '';
    case 'scalar':
      return !request.field;
    case 'random':
      return false;
  }
}

/** Splits an input into its target and the mode's parameters (what goes into the query key). */
export function splitSearchInput<TFields, K extends FieldName<TFields>>(input: VectorSearchInput<TFields, K>) {
  const { collection, index, __fields: _fields, ...request } = input;
  return { collection, index, request: request as VectorSearchRequest<TFields, K> };
}

/** Runs a search request with the client. */
export function runSearch<TFields, K extends FieldName<TFields>>(
  client: VikingClient,
  input: VectorSearchInput<TFields, K>,
  options: RequestOptions,
): Promise<SearchResult<TFields, K>> {
  const { collection, index, request } = splitSearchInput(input);
  const search = client.vector.index<TFields>(collection, index).search;
  const { mode, ...params } = request;
  switch (mode) {
    case 'vector':
      return search.vector<K>(params as VectorSearchParams<TFields, K>, options);
    case 'multiModal':
      return search.multiModal<K>(params as MultiModalSearchParams<TFields, K>, options);
    case 'id':
      return search.id<K>(params as IdSearchParams<TFields, K>, options);
    case 'scalar':
      return search.scalar<K>(params as ScalarSearchParams<TFields, K>, options);
    case 'keywords':
      return search.keywords<K>(params as KeywordsSearchParams<TFields, K>, options);
    case 'random':
      return search.random<K>(params as SearchCommon<TFields, K>, options);
  }
}
