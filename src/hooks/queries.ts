import { keepPreviousData, useInfiniteQuery, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { EventSearchParams, MemoryLocator, MemorySearchParams } from '../client/memory/types';
import type {
  AggregateParams,
  AnyFields,
  CollectionFetchOptions,
  CollectionLocator,
  EmbeddingParams,
  FieldName,
  IndexFetchOptions,
  PrimaryKey,
  RerankParams,
  SortParams,
} from '../client/vector/types';
import { useDebouncedValue } from './useDebouncedValue';
import { useVikingClient } from './VikingProvider';
import {
  eventSearchOptions,
  memorySearchOptions,
  profileSearchOptions,
  sessionInfoOptions,
} from './options/memoryQueries';
import {
  aggregateOptions,
  embeddingOptions,
  fetchIndexRowsOptions,
  fetchManyOptions,
  fetchRowsOptions,
  infiniteScanOptions,
  pingOptions,
  rerankOptions,
  sortOptions,
  vectorSearchOptions,
  type FetchManyInput,
  type InfiniteScanInput,
} from './options/vectorQueries';
import type { IndexRef } from '../client/vector/indexRef';
import type { VectorSearchInput } from './searchRequest';
import type { VikingClient } from '../client/createClient';

/** Options every query hook takes. */
export interface QueryHookOptions {
  /** Set false to hold the query. Default: true (search hooks also hold while the search is empty). */
  enabled?: boolean | undefined;
  /** Milliseconds the result stays fresh. Default: React Query's (0). */
  staleTime?: number | undefined;
  /** Refetch every n ms. Default: never. */
  refetchInterval?: number | false | undefined;
}

/** Options of the search hooks. */
export interface SearchHookOptions extends QueryHookOptions {
  /** Wait until the parameters stop changing for this long before searching (debounces the key, not the render). Default: 0. */
  debounceMs?: number | undefined;
}

/** The caller's options over a factory's: `enabled` only narrows (an empty search stays idle). Internal. */
export function hookOptions(options: QueryHookOptions | undefined, factoryEnabled: unknown = true) {
  return {
    enabled: factoryEnabled !== false && (options?.enabled ?? true),
    ...(options?.staleTime === undefined ? {} : { staleTime: options.staleTime }),
    ...(options?.refetchInterval === undefined ? {} : { refetchInterval: options.refetchInterval }),
  };
}

/**
 * Searches an index in any mode: `useVectorSearch({ collection, index, mode: 'multiModal', text, limit })`.
 * Keeps the previous results while the next load (`isFetching` true, `isPending` false); a changed search aborts the
 * request in flight. Idle while the search is empty.
 */
export function useVectorSearch<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  input: VectorSearchInput<TFields, K>,
  options?: SearchHookOptions,
) {
  const client = useVikingClient();
  const settled = useDebouncedValue(input, options?.debounceMs ?? 0);
  const base = vectorSearchOptions<TFields, K>(client, settled);
  return useQuery({ ...base, ...hookOptions(options, base.enabled), placeholderData: keepPreviousData });
}

/** {@link useVectorSearch} for Suspense: suspends until the first result. The search must not be empty. */
export function useSuspenseVectorSearch<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  input: VectorSearchInput<TFields, K>,
) {
  const client = useVikingClient();
  const { enabled: _enabled, ...base } = vectorSearchOptions<TFields, K>(client, input);
  return useSuspenseQuery(base);
}

/** Rows by id from a collection. */
export function useFetchRows<TFields = AnyFields>(
  input: { collection: CollectionLocator; ids: readonly PrimaryKey[] } & CollectionFetchOptions,
  options?: QueryHookOptions,
) {
  const base = fetchRowsOptions<TFields>(useVikingClient(), input);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}

/** Any number of rows by id from a collection, fetched in batches and merged in order. */
export function useFetchMany<TFields = AnyFields>(input: FetchManyInput, options?: QueryHookOptions) {
  const base = fetchManyOptions<TFields>(useVikingClient(), input);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}

/** Rows by id through an index, with their vectors. */
export function useFetchIndexRows<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  input: IndexRef<TFields> & { ids: readonly PrimaryKey[] } & IndexFetchOptions<TFields, K>,
  options?: QueryHookOptions,
) {
  const base = fetchIndexRowsOptions<TFields, K>(useVikingClient(), input);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}

/** Counts on an index, optionally grouped by a field. */
export function useAggregate<TFields = AnyFields>(
  input: IndexRef<TFields> & AggregateParams<TFields>,
  options?: QueryHookOptions,
) {
  return useQuery({ ...aggregateOptions<TFields>(useVikingClient(), input), ...hookOptions(options) });
}

/** Given ids rescored against a query vector; idle while `ids` or `queryVector` is empty. */
export function useSort<TFields = AnyFields>(input: IndexRef<TFields> & SortParams, options?: QueryHookOptions) {
  const base = sortOptions<TFields>(useVikingClient(), input);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}

/** Embeddings of inputs (cached forever: the same input gives the same vectors). */
export function useEmbedding(params: EmbeddingParams, options?: QueryHookOptions) {
  const base = embeddingOptions(useVikingClient(), params);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}

/** Rerank scores of candidates against a query. */
export function useRerank(params: RerankParams, options?: QueryHookOptions) {
  const base = rerankOptions(useVikingClient(), params);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}

/** Pages through a collection: `fetchNextPage()` loads the next `pageSize` rows; `hasNextPage` turns false at the end. */
export function useInfiniteScan<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  input: InfiniteScanInput<TFields, K>,
  options?: QueryHookOptions,
) {
  return useInfiniteQuery({ ...infiniteScanOptions<TFields, K>(useVikingClient(), input), ...hookOptions(options) });
}

/** A memory search hook: debounced input, previous results kept while the next load. */
function useDebouncedMemorySearch<TInput>(
  factory: (client: VikingClient, input: TInput) => ReturnType<typeof memorySearchOptions>,
  input: TInput,
  options: SearchHookOptions | undefined,
) {
  const client = useVikingClient();
  const settled = useDebouncedValue(input, options?.debounceMs ?? 0);
  return useQuery({ ...factory(client, settled), ...hookOptions(options), placeholderData: keepPreviousData });
}

/** Memory search (events and profiles). Keeps previous results while the next load. */
export function useMemorySearch(
  input: { collection: MemoryLocator } & MemorySearchParams,
  options?: SearchHookOptions,
) {
  return useDebouncedMemorySearch(memorySearchOptions, input, options);
}

/** {@link useMemorySearch} for Suspense. */
export function useSuspenseMemorySearch(input: { collection: MemoryLocator } & MemorySearchParams) {
  return useSuspenseQuery(memorySearchOptions(useVikingClient(), input));
}

/** Event search, with optional time decay. */
export function useEventSearch(input: { collection: MemoryLocator } & EventSearchParams, options?: SearchHookOptions) {
  return useDebouncedMemorySearch(eventSearchOptions, input, options);
}

/** Profile search. */
export function useProfileSearch(
  input: { collection: MemoryLocator } & MemorySearchParams,
  options?: SearchHookOptions,
) {
  return useDebouncedMemorySearch(profileSearchOptions, input, options);
}

/** One session with its messages. */
export function useSessionInfo(input: { collection: MemoryLocator; sessionId: string }, options?: QueryHookOptions) {
  const base = sessionInfoOptions(useVikingClient(), input);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}

/**
 * Connection status: `data.latencyMs` when the host answers, `error` (with `hint`) when it does not.
 * Pass `refetchInterval` to keep checking.
 */
export function usePing(domain: 'vector' | 'memory' = 'vector', options?: QueryHookOptions) {
  return useQuery({ ...pingOptions(useVikingClient(), domain), ...hookOptions(options) });
}
