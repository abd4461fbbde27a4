import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  CollectionSearchParams,
  DocInfo,
  DocInfoParams,
  KnowledgeLocator,
  ListDocsParams,
  ListDocsV2Params,
  ListPointsParams,
  PointInfoParams,
  SearchKnowledgeParams,
  VikingClient,
} from '../../client';
import { vikingKeys } from '../keys';

/** Every knowledge query names its knowledge base. */
type In<T> = { collection: KnowledgeLocator } & T;

/** Default page size of the infinite lists. */
const DEFAULT_PAGE_SIZE = 20;
/** Default poll interval of {@link docOptions} while a document is processing. */
export const DOC_POLL_MS = 2000;

/**
 * Whether a document is still being imported: its `status.process_status` is neither `0` (done) nor `1` (failed),
 * per the service docs (the SDK does not define the values), and no `failed_code` is set. A document without a status
 * counts as done.
 */
export function isDocProcessing(doc: DocInfo | undefined): boolean {
  const state = doc?.status?.processStatus;
  return state !== undefined && state !== 0 && state !== 1 && !doc?.status?.failedCode;
}

/** `collection/search_knowledge`. Idle while the query is empty. */
export function knowledgeSearchOptions(client: VikingClient, input: In<SearchKnowledgeParams>) {
  const { collection, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.knowledge.searchKnowledge(collection, params),
    queryFn: ({ signal }) => client.knowledge.collection(collection).searchKnowledge(params, { signal }),
    enabled: params.query.trim() !== '',
    retry: false,
  });
}

/** `collection/search`. Idle while the query is empty. */
export function collectionSearchOptions(client: VikingClient, input: In<CollectionSearchParams>) {
  const { collection, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.knowledge.collectionSearch(collection, params),
    queryFn: ({ signal }) => client.knowledge.collection(collection).search(params, { signal }),
    enabled: params.query.trim() !== '',
    retry: false,
  });
}

/** A page of documents (`doc/list`, offset pagination). */
export function docsOptions(client: VikingClient, input: In<ListDocsParams>) {
  const { collection, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.knowledge.docList(collection, params),
    queryFn: ({ signal }) => client.knowledge.collection(collection).docs.list(params, { signal }),
    retry: false,
  });
}

/** Every document, page by page over `doc/v2/list`'s cursor: `fetchNextPage()` follows `nextToken`. */
export function infiniteDocsOptions(client: VikingClient, input: In<Omit<ListDocsV2Params, 'nextToken'>>) {
  const { collection, ...params } = input;
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  return infiniteQueryOptions({
    queryKey: vikingKeys.knowledge.infiniteDocs(collection, params),
    queryFn: ({ signal, pageParam }) =>
      client.knowledge.collection(collection).docs.listV2({ ...params, limit, nextToken: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.hasMore ? page.nextToken : undefined),
    retry: false,
  });
}

/**
 * One document. While it is processing (see {@link isDocProcessing}) it is fetched again every `pollMs` (default
 * {@link DOC_POLL_MS}); polling stops when it is done or failed. Disabled without a doc id.
 */
export function docOptions(
  client: VikingClient,
  input: In<{ docId: string; pollMs?: number | undefined } & DocInfoParams>,
) {
  const { collection, docId, pollMs = DOC_POLL_MS, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.knowledge.doc(collection, docId),
    queryFn: ({ signal }) => client.knowledge.collection(collection).docs.info(docId, params, { signal }),
    enabled: docId !== '',
    refetchInterval: (query) => (isDocProcessing(query.state.data) ? pollMs : false),
    retry: false,
  });
}

/** A page of points (`point/list`). */
export function pointsOptions(client: VikingClient, input: In<ListPointsParams>) {
  const { collection, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.knowledge.pointList(collection, params),
    queryFn: ({ signal }) => client.knowledge.collection(collection).points.list(params, { signal }),
    retry: false,
  });
}

/** Every point (of `docIds` when given), `limit` at a time by offset. */
export function infinitePointsOptions(client: VikingClient, input: In<Omit<ListPointsParams, 'offset'>>) {
  const { collection, ...params } = input;
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  return infiniteQueryOptions({
    queryKey: vikingKeys.knowledge.infinitePoints(collection, params),
    queryFn: ({ signal, pageParam }) =>
      client.knowledge.collection(collection).points.list({ ...params, limit, offset: pageParam }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (page, _pages, offset) => {
      const next = offset + page.items.length;
      const more = page.items.length >= limit && (page.totalNum === undefined || next < page.totalNum);
      return more ? next : undefined;
    },
    retry: false,
  });
}

/** One point. Disabled without a point id. */
export function pointOptions(client: VikingClient, input: In<{ pointId: string } & PointInfoParams>) {
  const { collection, pointId, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.knowledge.point(collection, pointId),
    queryFn: ({ signal }) => client.knowledge.collection(collection).points.info(pointId, params, { signal }),
    enabled: pointId !== '',
    retry: false,
  });
}
