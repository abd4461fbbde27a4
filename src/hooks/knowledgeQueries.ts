import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CollectionSearchParams,
  DocInfoParams,
  KnowledgeLocator,
  ListDocsParams,
  ListDocsV2Params,
  ListPointsParams,
  PointInfoParams,
  SearchKnowledgeParams,
} from '../client';
import {
  collectionSearchOptions,
  docOptions,
  docsOptions,
  infiniteDocsOptions,
  infinitePointsOptions,
  knowledgeSearchOptions,
  pointOptions,
  pointsOptions,
} from './options/knowledgeQueries';
import { hookOptions, type QueryHookOptions, type SearchHookOptions } from './queries';
import { useDebouncedValue } from './useDebouncedValue';
import { useVikingClient } from './VikingProvider';

type In<T> = { collection: KnowledgeLocator } & T;

/** `search_knowledge` retrieval. Keeps the previous results while the next load; idle while the query is empty. */
export function useKnowledgeSearch(input: In<SearchKnowledgeParams>, options?: SearchHookOptions) {
  const settled = useDebouncedValue(input, options?.debounceMs ?? 0);
  const base = knowledgeSearchOptions(useVikingClient(), settled);
  return useQuery({ ...base, ...hookOptions(options, base.enabled), placeholderData: keepPreviousData });
}

/** `collection/search` retrieval. Keeps the previous results while the next load; idle while the query is empty. */
export function useCollectionSearch(input: In<CollectionSearchParams>, options?: SearchHookOptions) {
  const settled = useDebouncedValue(input, options?.debounceMs ?? 0);
  const base = collectionSearchOptions(useVikingClient(), settled);
  return useQuery({ ...base, ...hookOptions(options, base.enabled), placeholderData: keepPreviousData });
}

/** A page of documents (offset pagination). */
export function useDocs(input: In<ListDocsParams>, options?: QueryHookOptions) {
  return useQuery({ ...docsOptions(useVikingClient(), input), ...hookOptions(options) });
}

/** Every document over the v2 cursor: `fetchNextPage()` loads the next `limit` (default 20). */
export function useInfiniteDocs(input: In<Omit<ListDocsV2Params, 'nextToken'>>, options?: QueryHookOptions) {
  return useInfiniteQuery({ ...infiniteDocsOptions(useVikingClient(), input), ...hookOptions(options) });
}

/**
 * One document; polls every `pollMs` (default 2000) while it is processing, and stops when it is done or failed.
 * `refetchInterval` in `options` replaces the polling.
 */
export function useDoc(
  input: In<{ docId: string; pollMs?: number | undefined } & DocInfoParams>,
  options?: QueryHookOptions,
) {
  const base = docOptions(useVikingClient(), input);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}

/** A page of points. */
export function usePoints(input: In<ListPointsParams>, options?: QueryHookOptions) {
  return useQuery({ ...pointsOptions(useVikingClient(), input), ...hookOptions(options) });
}

/** Every point (of `docIds` when given), `limit` (default 20) per `fetchNextPage()`. */
export function useInfinitePoints(input: In<Omit<ListPointsParams, 'offset'>>, options?: QueryHookOptions) {
  return useInfiniteQuery({ ...infinitePointsOptions(useVikingClient(), input), ...hookOptions(options) });
}

/** One point. */
export function usePoint(input: In<{ pointId: string } & PointInfoParams>, options?: QueryHookOptions) {
  const base = pointOptions(useVikingClient(), input);
  return useQuery({ ...base, ...hookOptions(options, base.enabled) });
}
