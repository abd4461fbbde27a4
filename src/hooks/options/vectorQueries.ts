import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  AggregateParams,
  AnyFields,
  CollectionFetchOptions,
  CollectionLocator,
  EmbeddingParams,
  FetchManyOptions,
  FieldName,
  Filter,
  IndexFetchOptions,
  IndexRef,
  PrimaryKey,
  RerankParams,
  SearchResult,
  SortParams,
  VectorIndex,
  VikingClient,
} from '../../client';
import { vikingKeys } from '../keys';
import { isEmptySearch, runSearch, splitSearchInput, type VectorSearchInput } from '../searchRequest';

/*
 * queryOptions factories, usable without React: `queryClient.prefetchQuery(vectorSearchOptions(client, {...}))` on a
 * server, `ensureQueryData` in a loader, or spread into `useQuery`. Each passes React Query's `signal` to the client,
 * and sets `retry: false` because the client already retries transient failures (and never 4xx).
 */

/** A search in any mode. Disabled while the search is empty (no vector, blank text, …). */
export function vectorSearchOptions<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  client: VikingClient,
  input: VectorSearchInput<TFields, K>,
) {
  const { collection, index, request } = splitSearchInput(input);
  return queryOptions({
    queryKey: vikingKeys.vector.search(collection, index, request.mode, request),
    queryFn: ({ signal }): Promise<SearchResult<TFields, K>> => runSearch(client, input, { signal }),
    enabled: !isEmptySearch(request),
    retry: false,
  });
}

/** Rows by id from the collection. Disabled while `ids` is empty. */
export function fetchRowsOptions<TFields = AnyFields>(
  client: VikingClient,
  input: { collection: CollectionLocator; ids: readonly PrimaryKey[] } & CollectionFetchOptions,
) {
  const { collection, ids, ...options } = input;
  return queryOptions({
    queryKey: vikingKeys.vector.fetch(collection, ids, options),
    queryFn: ({ signal }) => client.vector.collection<TFields>(collection).fetch(ids, { ...options, signal }),
    enabled: ids.length > 0,
    retry: false,
  });
}

/** What {@link fetchManyOptions} fetches: any number of ids, in batches. */
export type FetchManyInput = { collection: CollectionLocator; ids: readonly PrimaryKey[] } & CollectionFetchOptions &
  Pick<FetchManyOptions, 'batchSize' | 'concurrency'>;

/**
 * Any number of rows by id from the collection, fetched in batches (`batchSize` ids per request, default 100;
 * `concurrency` requests at once, default 4) and merged in order. Disabled while `ids` is empty.
 */
export function fetchManyOptions<TFields = AnyFields>(client: VikingClient, input: FetchManyInput) {
  const { collection, ids, ...options } = input;
  return queryOptions({
    queryKey: vikingKeys.vector.fetchMany(collection, ids, options),
    queryFn: ({ signal }) => client.vector.collection<TFields>(collection).fetchMany(ids, { ...options, signal }),
    enabled: ids.length > 0,
    retry: false,
  });
}

/** Rows by id through an index, with their vectors. Disabled while `ids` is empty. */
export function fetchIndexRowsOptions<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  client: VikingClient,
  input: IndexRef<TFields> & { ids: readonly PrimaryKey[] } & IndexFetchOptions<TFields, K>,
) {
  const { collection, index, ids, __fields: _fields, ...options } = input;
  return queryOptions({
    queryKey: vikingKeys.vector.indexFetch(collection, index, ids, options),
    queryFn: ({ signal }) => client.vector.index<TFields>(collection, index).fetch<K>(ids, { ...options, signal }),
    enabled: ids.length > 0,
    retry: false,
  });
}

/** Counts (optionally grouped) on an index. */
export function aggregateOptions<TFields = AnyFields>(
  client: VikingClient,
  input: IndexRef<TFields> & AggregateParams<TFields>,
) {
  const { collection, index, __fields: _fields, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.vector.aggregate(collection, index, params),
    queryFn: ({ signal }) => client.vector.index<TFields>(collection, index).aggregate(params, { signal }),
    retry: false,
  });
}

/** Given ids rescored against a query vector (`sort`). Disabled while `ids` or `queryVector` is empty. */
export function sortOptions<TFields = AnyFields>(client: VikingClient, input: IndexRef<TFields> & SortParams) {
  const { collection, index, __fields: _fields, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.vector.sort(collection, index, params),
    queryFn: ({ signal }) => client.vector.index<TFields>(collection, index).sort(params, { signal }),
    enabled: params.ids.length > 0 && params.queryVector.length > 0,
    retry: false,
  });
}

/** Embeddings of some inputs. Disabled while there is no input. */
export function embeddingOptions(client: VikingClient, params: EmbeddingParams) {
  return queryOptions({
    queryKey: vikingKeys.models.embedding(params),
    queryFn: ({ signal }) => client.vector.embedding(params, { signal }),
    enabled: params.data.length > 0,
    retry: false,
    staleTime: Infinity,
  });
}

/** Rerank scores of candidates. Disabled while there are none. */
export function rerankOptions(client: VikingClient, params: RerankParams) {
  return queryOptions({
    queryKey: vikingKeys.models.rerank(params),
    queryFn: ({ signal }) => client.vector.rerank(params, { signal }),
    enabled: params.data.length > 0,
    retry: false,
    staleTime: Infinity,
  });
}

/** What `useInfiniteScan` pages through. */
export interface InfiniteScanInput<TFields, K extends FieldName<TFields>> extends IndexRef<TFields> {
  filter?: Filter<TFields> | undefined;
  outputFields?: readonly K[] | undefined;
  partition?: string | number | undefined;
  /** Rows per page. Default: 100. */
  pageSize?: number | undefined;
  /** Stable paging by a scalar field; without it pages come from random search. */
  orderBy?: { field: FieldName<TFields>; order?: 'asc' | 'desc' | undefined } | undefined;
}

/** Pages through a collection by offset (scalar search with `orderBy`, else random search). */
export function infiniteScanOptions<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  client: VikingClient,
  input: InfiniteScanInput<TFields, K>,
) {
  const { collection, index, pageSize = 100, orderBy, __fields: _fields, ...common } = input;
  const target: VectorIndex<TFields> = client.vector.index<TFields>(collection, index);
  return infiniteQueryOptions({
    queryKey: vikingKeys.vector.scan(collection, index, { ...common, pageSize, orderBy }),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }): Promise<SearchResult<TFields, K>> => {
      const page = { ...common, limit: pageSize, offset: pageParam };
      return orderBy
        ? target.search.scalar<K>({ ...page, field: orderBy.field, order: orderBy.order }, { signal })
        : target.search.random<K>(page, { signal });
    },
    getNextPageParam: (last, _all, lastOffset) => (last.items.length < pageSize ? undefined : lastOffset + pageSize),
    retry: false,
  });
}

/** Reachability and latency of the vector or memory host. */
export function pingOptions(client: VikingClient, domain: 'vector' | 'memory' = 'vector') {
  return queryOptions({
    queryKey: vikingKeys.ping(domain),
    queryFn: ({ signal }) => client[domain].ping({ signal }),
    retry: false,
  });
}
