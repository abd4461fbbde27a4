import { mutationOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  AddDocV2Params,
  AddPointParams,
  DocInfo,
  KnowledgeCollection,
  KnowledgeLocator,
  KnowledgeRerankParams,
  MetaItem,
  RequestOptions,
  UpdatePointParams,
  VikingClient,
} from '../../client';
import { patchCachedItems, restoreCache, type CacheSnapshot } from '../cachePatch';
import { vikingKeys } from '../keys';

/*
 * Knowledge writes. Each refetches exactly what it changes: a new doc the doc lists; a renamed or re-tagged doc the
 * lists, that doc, and what shows its name or tags (points, retrieval); a point change the point lists, that point and
 * retrieval. `mutate` takes the ids and parameters plus optional request `options`.
 */

/** Request options for one mutation call. */
export interface WithRequestOptions {
  options?: RequestOptions | undefined;
}

const keys = vikingKeys.knowledge;

function invalidate(queryClient: QueryClient, queryKeys: readonly QueryKey[]) {
  return Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Options of one knowledge write on `collection`: runs `run`, then refetches the queries `stale` names. */
function knowledgeMutation<TVariables extends WithRequestOptions, TResult>(
  client: VikingClient,
  collection: KnowledgeLocator,
  name: string,
  run: (kb: KnowledgeCollection, variables: TVariables) => Promise<TResult>,
  stale: (variables: TVariables) => QueryKey[],
) {
  return mutationOptions({
    mutationKey: [...keys.collection(collection), name],
    mutationFn: (variables: TVariables) => run(client.knowledge.collection(collection), variables),
    onSettled: (_d, _e, variables, _r, context) => invalidate(context.client, stale(variables)),
  });
}

/** Adds a document (`doc/v2/add`); the doc lists refetch. */
export const addDocMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'addDoc',
    (kb, { params, options }: { params: AddDocV2Params } & WithRequestOptions) => kb.docs.addV2(params, options),
    () => [keys.docLists(collection)],
  );

/** Renames a document (`doc/update`); the doc lists, that doc, its points and retrieval refetch. */
export const updateDocMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'updateDoc',
    (kb, { docId, docName, options }: { docId: string; docName: string } & WithRequestOptions) =>
      kb.docs.update(docId, { docName }, options),
    ({ docId }) => [
      keys.docLists(collection),
      keys.doc(collection, docId),
      keys.points(collection),
      keys.search(collection),
    ],
  );

/** Replaces a document's tags (`doc/update_meta`); the doc lists, that doc and retrieval refetch. */
export const updateDocMetaMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'updateDocMeta',
    (kb, { docId, meta, options }: { docId: string; meta: readonly MetaItem[] } & WithRequestOptions) =>
      kb.docs.updateMeta(docId, meta, options),
    ({ docId }) => [keys.docLists(collection), keys.doc(collection, docId), keys.search(collection)],
  );

/**
 * Deletes a document (`doc/delete`). It leaves the cached doc lists at once (optimistic) and comes back if the service
 * refuses; afterwards the doc lists, its points and retrieval refetch and its own query is dropped.
 */
export function deleteDocMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.collection(collection), 'deleteDoc'],
    mutationFn: ({ docId, options }: { docId: string } & WithRequestOptions) =>
      client.knowledge.collection(collection).docs.delete(docId, options),
    onMutate: ({ docId }, context): Promise<CacheSnapshot> =>
      patchCachedItems(context.client, keys.docLists(collection), (items) =>
        items.filter((item) => (item as DocInfo).docId !== docId),
      ),
    onError: (_error, _variables, snapshot, context) => restoreCache(context.client, snapshot),
    onSuccess: (_d, { docId }, _r, context) => context.client.removeQueries({ queryKey: keys.doc(collection, docId) }),
    onSettled: (_d, _e, _v, _r, context) =>
      invalidate(context.client, [keys.docLists(collection), keys.points(collection), keys.search(collection)]),
  });
}

/** Adds a point (`point/add`); the point lists, its doc (point count) and retrieval refetch. */
export const addPointMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'addPoint',
    (kb, { params, options }: { params: AddPointParams } & WithRequestOptions) => kb.points.add(params, options),
    ({ params }) => [keys.pointLists(collection), keys.doc(collection, params.docId), keys.search(collection)],
  );

/** Changes a point (`point/update`); the point lists, that point and retrieval refetch. */
export const updatePointMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'updatePoint',
    (kb, { pointId, params, options }: { pointId: string; params: UpdatePointParams } & WithRequestOptions) =>
      kb.points.update(pointId, params, options),
    ({ pointId }) => [keys.pointLists(collection), keys.point(collection, pointId), keys.search(collection)],
  );

/** Deletes a point (`point/delete`); the point lists, its own query and retrieval refetch (it is gone: 404). */
export const deletePointMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'deletePoint',
    (kb, { pointId, options }: { pointId: string } & WithRequestOptions) => kb.points.delete(pointId, options),
    ({ pointId }) => [keys.pointLists(collection), keys.point(collection, pointId), keys.search(collection)],
  );

/** Scores items with `service/rerank` (a mutation: it is run on demand, nothing cached changes). */
export function knowledgeRerankMutationOptions(client: VikingClient) {
  return mutationOptions({
    mutationKey: [...keys.all(), 'rerank'],
    mutationFn: ({ params, options }: { params: KnowledgeRerankParams } & WithRequestOptions) =>
      client.knowledge.rerank(params, options),
  });
}
