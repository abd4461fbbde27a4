import { mutationOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { VikingClient } from '../../client/createClient';
import type { KnowledgeCollection } from '../../client/knowledge/knowledgeCollection';
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
import type { MutationVariables } from './mutationVariables';

/*
 * Knowledge writes. Each refetches exactly what it changes: a new doc the doc lists; a renamed or re-tagged doc the
 * lists, that doc, and what shows its name or tags (points, retrieval); a point change the point lists, that point and
 * retrieval. `mutate` takes `{ params, options? }` like every mutation: `params` is the client method's first argument,
 * or, for a method that takes an id and then parameters, both in one object (`{ docId, docName }`,
 * `{ pointId, ...changes }`). The earlier shapes (`{ docId, docName }`, `{ pointId, params }`, …) still work.
 */

/** Request options for one mutation call (default: none). */
export interface WithRequestOptions {
  options?: RequestOptions | undefined;
}

/** Variables of `updateDoc`: `{ params: { docId, docName } }`. */
export type UpdateDocVariables =
  | MutationVariables<{ docId: string; docName: string }>
  | ({
      /** @deprecated Pass `{ params: { docId, docName } }` (the variables of every mutation). */
      docId: string;
      docName: string;
    } & WithRequestOptions);

/** Variables of `updateDocMeta`: `{ params: { docId, meta } }`. */
export type UpdateDocMetaVariables =
  | MutationVariables<{ docId: string; meta: readonly MetaItem[] }>
  | ({
      /** @deprecated Pass `{ params: { docId, meta } }` (the variables of every mutation). */
      docId: string;
      meta: readonly MetaItem[];
    } & WithRequestOptions);

/** Variables of `deleteDoc`: `{ params: docId }`. */
export type DeleteDocVariables =
  | MutationVariables<string>
  | ({
      /** @deprecated Pass `{ params: docId }` (the variables of every mutation). */
      docId: string;
    } & WithRequestOptions);

/** Variables of `updatePoint`: `{ params: { pointId, ...changes } }`. */
export type UpdatePointVariables =
  | MutationVariables<{ pointId: string } & UpdatePointParams>
  | ({
      /** @deprecated Pass `{ params: { pointId, ...changes } }` (the variables of every mutation). */
      pointId: string;
      params: UpdatePointParams;
    } & WithRequestOptions);

/** Variables of `deletePoint`: `{ params: pointId }`. */
export type DeletePointVariables =
  | MutationVariables<string>
  | ({
      /** @deprecated Pass `{ params: pointId }` (the variables of every mutation). */
      pointId: string;
    } & WithRequestOptions);

/** `params` of a document write, from variables of either shape. */
function docParams<T extends { docId: string }>(variables: MutationVariables<T> | (T & WithRequestOptions)): T {
  if ('params' in variables) return variables.params;
  const { options: _options, ...params } = variables;
  return params as unknown as T;
}
const docIdOf = (variables: DeleteDocVariables) => ('params' in variables ? variables.params : variables.docId);
const pointIdOf = (variables: DeletePointVariables) => ('params' in variables ? variables.params : variables.pointId);
function pointParams(variables: UpdatePointVariables): { pointId: string } & UpdatePointParams {
  return 'pointId' in variables ? { ...variables.params, pointId: variables.pointId } : variables.params;
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
    (kb, { params, options }: MutationVariables<AddDocV2Params>) => kb.docs.addV2(params, options),
    () => [keys.docLists(collection)],
  );

/** Renames a document (`doc/update`, `{ params: { docId, docName } }`); the doc lists, that doc, its points and retrieval refetch. */
export const updateDocMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'updateDoc',
    (kb, variables: UpdateDocVariables) => {
      const { docId, ...params } = docParams(variables);
      return kb.docs.update(docId, params, variables.options);
    },
    (variables) => [
      keys.docLists(collection),
      keys.doc(collection, docParams(variables).docId),
      keys.points(collection),
      keys.search(collection),
    ],
  );

/** Replaces a document's tags (`doc/update_meta`, `{ params: { docId, meta } }`); the doc lists, that doc and retrieval refetch. */
export const updateDocMetaMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'updateDocMeta',
    (kb, variables: UpdateDocMetaVariables) => {
      const { docId, meta } = docParams(variables);
      return kb.docs.updateMeta(docId, meta, variables.options);
    },
    (variables) => [
      keys.docLists(collection),
      keys.doc(collection, docParams(variables).docId),
      keys.search(collection),
    ],
  );

/**
 * Deletes a document (`doc/delete`, `{ params: docId }`). It leaves the cached doc lists at once (optimistic) and comes back if the service
 * refuses; afterwards the doc lists, its points and retrieval refetch and its own query is dropped.
 */
export function deleteDocMutationOptions(client: VikingClient, collection: KnowledgeLocator) {
  return mutationOptions({
    mutationKey: [...keys.collection(collection), 'deleteDoc'],
    mutationFn: (variables: DeleteDocVariables) =>
      client.knowledge.collection(collection).docs.delete(docIdOf(variables), variables.options),
    onMutate: (variables, context): Promise<CacheSnapshot> =>
      patchCachedItems(context.client, keys.docLists(collection), (items) =>
        items.filter((item) => (item as DocInfo).docId !== docIdOf(variables)),
      ),
    onError: (_error, _variables, snapshot, context) => restoreCache(context.client, snapshot),
    onSuccess: (_d, variables, _r, context) =>
      context.client.removeQueries({ queryKey: keys.doc(collection, docIdOf(variables)) }),
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
    (kb, { params, options }: MutationVariables<AddPointParams>) => kb.points.add(params, options),
    ({ params }) => [keys.pointLists(collection), keys.doc(collection, params.docId), keys.search(collection)],
  );

/** Changes a point (`point/update`, `{ params: { pointId, ...changes } }`); the point lists, that point and retrieval refetch. */
export const updatePointMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'updatePoint',
    (kb, variables: UpdatePointVariables) => {
      const { pointId, ...params } = pointParams(variables);
      return kb.points.update(pointId, params, variables.options);
    },
    (variables) => [
      keys.pointLists(collection),
      keys.point(collection, pointParams(variables).pointId),
      keys.search(collection),
    ],
  );

/** Deletes a point (`point/delete`, `{ params: pointId }`); the point lists, its own query and retrieval refetch (it is gone: 404). */
export const deletePointMutationOptions = (client: VikingClient, collection: KnowledgeLocator) =>
  knowledgeMutation(
    client,
    collection,
    'deletePoint',
    (kb, variables: DeletePointVariables) => kb.points.delete(pointIdOf(variables), variables.options),
    (variables) => [keys.pointLists(collection), keys.point(collection, pointIdOf(variables)), keys.search(collection)],
  );

/** Scores items with `service/rerank` (a mutation: it is run on demand, nothing cached changes). */
export function knowledgeRerankMutationOptions(client: VikingClient) {
  return mutationOptions({
    mutationKey: [...keys.all(), 'rerank'],
    mutationFn: ({ params, options }: MutationVariables<KnowledgeRerankParams>) =>
      client.knowledge.rerank(params, options),
  });
}
