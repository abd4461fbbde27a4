import { mutationOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { VikingClient } from '../../client/createClient';
import type {
  AddDocV2Params,
  AddPointParams,
  DocInfo,
  KnowledgeLocator,
  KnowledgeRerankParams,
  MetaItem,
  UpdatePointParams,
} from '../../client/knowledge/types';
import type { RequestOptions } from '../../client/transport/RequestOptions';
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

/** Adds a document (`doc/v2/add`); the doc lists refetch. */
export function addDocMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.docs(collection), 'add'],
    mutationFn: ({ params, options }: { params: AddDocV2Params } & WithRequestOptions) =>
      client.knowledge.collection(collection).docs.addV2(params, options),
    onSettled: (_d, _e, _v, _r, context) => invalidate(context.client, [keys.docLists(collection)]),
  });
}

/** Renames a document (`doc/update`); the doc lists, that doc, its points and retrieval refetch. */
export function updateDocMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.docs(collection), 'update'],
    mutationFn: ({ docId, docName, options }: { docId: string; docName: string } & WithRequestOptions) =>
      client.knowledge.collection(collection).docs.update(docId, { docName }, options),
    onSettled: (_d, _e, { docId }, _r, context) =>
      invalidate(context.client, [
        keys.docLists(collection),
        keys.doc(collection, docId),
        keys.points(collection),
        keys.search(collection),
      ]),
  });
}

/** Replaces a document's tags (`doc/update_meta`); the doc lists, that doc and retrieval refetch. */
export function updateDocMetaMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.docs(collection), 'updateMeta'],
    mutationFn: ({ docId, meta, options }: { docId: string; meta: readonly MetaItem[] } & WithRequestOptions) =>
      client.knowledge.collection(collection).docs.updateMeta(docId, meta, options),
    onSettled: (_d, _e, { docId }, _r, context) =>
      invalidate(context.client, [keys.docLists(collection), keys.doc(collection, docId), keys.search(collection)]),
  });
}

/**
 * Deletes a document (`doc/delete`). It leaves the cached doc lists at once (optimistic) and comes back if the service
 * refuses; afterwards the doc lists, its points and retrieval refetch and its own query is dropped.
 */
export function deleteDocMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.docs(collection), 'delete'],
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
export function addPointMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.points(collection), 'add'],
    mutationFn: ({ params, options }: { params: AddPointParams } & WithRequestOptions) =>
      client.knowledge.collection(collection).points.add(params, options),
    onSettled: (_d, _e, { params }, _r, context) =>
      invalidate(context.client, [
        keys.pointLists(collection),
        keys.doc(collection, params.docId),
        keys.search(collection),
      ]),
  });
}

/** Changes a point (`point/update`); the point lists, that point and retrieval refetch. */
export function updatePointMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.points(collection), 'update'],
    mutationFn: ({ pointId, params, options }: { pointId: string; params: UpdatePointParams } & WithRequestOptions) =>
      client.knowledge.collection(collection).points.update(pointId, params, options),
    onSettled: (_d, _e, { pointId }, _r, context) =>
      invalidate(context.client, [
        keys.pointLists(collection),
        keys.point(collection, pointId),
        keys.search(collection),
      ]),
  });
}

/** Deletes a point (`point/delete`); the point lists and retrieval refetch and its own query is dropped. */
export function deletePointMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.points(collection), 'delete'],
    mutationFn: ({ pointId, options }: { pointId: string } & WithRequestOptions) =>
      client.knowledge.collection(collection).points.delete(pointId, options),
    onSuccess: (_d, { pointId }, _r, context) =>
      context.client.removeQueries({ queryKey: keys.point(collection, pointId) }),
    onSettled: (_d, _e, _v, _r, context) =>
      invalidate(context.client, [keys.pointLists(collection), keys.search(collection)]),
  });
}

/** Scores items with `service/rerank` (a mutation: it is run on demand, nothing cached changes). */
export function knowledgeRerankMutationOptions(client: VikingClient) {
  return mutationOptions({
    mutationKey: [...keys.all(), 'rerank'],
    mutationFn: ({ params, options }: { params: KnowledgeRerankParams } & WithRequestOptions) =>
      client.knowledge.rerank(params, options),
  });
}
