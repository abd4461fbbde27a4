import { useMutation } from '@tanstack/react-query';
import type { KnowledgeLocator } from '../client/knowledge/types';
import {
  addDocMutationOptions,
  addPointMutationOptions,
  deleteDocMutationOptions,
  deletePointMutationOptions,
  knowledgeRerankMutationOptions,
  updateDocMetaMutationOptions,
  updateDocMutationOptions,
  updatePointMutationOptions,
} from './options/knowledgeMutations';
import { useVikingClient } from './VikingProvider';

/** Adds a document: `mutate({ params: { docName, uri, tagList } })`. The doc lists refetch. */
export const useAddDoc = (collection: KnowledgeLocator) =>
  useMutation(addDocMutationOptions(useVikingClient(), collection));
/** Renames a document: `mutate({ params: { docId, docName } })`. */
export const useUpdateDoc = (collection: KnowledgeLocator) =>
  useMutation(updateDocMutationOptions(useVikingClient(), collection));
/** Replaces a document's tags: `mutate({ params: { docId, meta } })`. */
export const useUpdateDocMeta = (collection: KnowledgeLocator) =>
  useMutation(updateDocMetaMutationOptions(useVikingClient(), collection));
/** Deletes a document: `mutate({ params: docId })`. It leaves cached doc lists at once and comes back on error. */
export const useDeleteDoc = (collection: KnowledgeLocator) =>
  useMutation(deleteDocMutationOptions(useVikingClient(), collection));
/** Adds a point: `mutate({ params: { docId, chunkType, content } })`. */
export const useAddPoint = (collection: KnowledgeLocator) =>
  useMutation(addPointMutationOptions(useVikingClient(), collection));
/** Changes a point: `mutate({ params: { pointId, content } })`. */
export const useUpdatePoint = (collection: KnowledgeLocator) =>
  useMutation(updatePointMutationOptions(useVikingClient(), collection));
/** Deletes a point: `mutate({ params: pointId })`. */
export const useDeletePoint = (collection: KnowledgeLocator) =>
  useMutation(deletePointMutationOptions(useVikingClient(), collection));
/** Scores items with the knowledge rerank: `mutate({ params: { datas } })`. */
export const useKnowledgeRerank = () => useMutation(knowledgeRerankMutationOptions(useVikingClient()));
