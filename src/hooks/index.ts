/**
 * `vikingdb-kit/hooks`: TanStack Query v5 bindings for the VikingDB client. Every public name is listed here (no
 * `export *`), so the surface changes only on purpose; test/unit/exports pins it.
 */
export { VikingProvider, useVikingClient } from './VikingProvider';
export type { VikingProviderProps } from './VikingProvider';
export { vikingKeys } from './keys';
export { isEmptySearch } from './searchRequest';
export type { VectorSearchInput, VectorSearchMode, VectorSearchRequest } from './searchRequest';
// Also exported by `vikingdb-kit/client`; here too, because every vector hook takes one.
export { indexRef } from '../client/vector/indexRef';
export type { IndexRef } from '../client/vector/indexRef';

export {
  vectorSearchOptions,
  fetchRowsOptions,
  fetchManyOptions,
  fetchIndexRowsOptions,
  aggregateOptions,
  sortOptions,
  embeddingOptions,
  rerankOptions,
  infiniteScanOptions,
  pingOptions,
} from './options/vectorQueries';
export type { InfiniteScanInput, FetchManyInput } from './options/vectorQueries';
export {
  memorySearchOptions,
  eventSearchOptions,
  profileSearchOptions,
  sessionInfoOptions,
} from './options/memoryQueries';
export { upsertMutationOptions, updateMutationOptions, deleteMutationOptions } from './options/vectorMutations';
export type {
  CollectionTarget,
  UpsertVariables,
  UpdateVariables,
  DeleteVariables,
  RowsVariables,
  TargetVariables,
} from './options/vectorMutations';
export type { MutationVariables } from './options/mutationVariables';
export {
  addSessionMutationOptions,
  addEventMutationOptions,
  updateEventMutationOptions,
  deleteEventMutationOptions,
  batchDeleteEventsMutationOptions,
  addProfileMutationOptions,
  updateProfileMutationOptions,
  deleteProfileMutationOptions,
  batchDeleteProfilesMutationOptions,
  triggerProfileUpdateMutationOptions,
} from './options/memoryMutations';
export type { MemoryVariables } from './options/memoryMutations';

export {
  useVectorSearch,
  useSuspenseVectorSearch,
  useFetchRows,
  useFetchMany,
  useFetchIndexRows,
  useAggregate,
  useSort,
  useEmbedding,
  useRerank,
  useInfiniteScan,
  useMemorySearch,
  useSuspenseMemorySearch,
  useEventSearch,
  useProfileSearch,
  useSessionInfo,
  usePing,
} from './queries';
export type { QueryHookOptions, SearchHookOptions } from './queries';
export {
  useUpsert,
  useUpdate,
  useDelete,
  useAddSession,
  useAddEvent,
  useUpdateEvent,
  useDeleteEvent,
  useBatchDeleteEvents,
  useAddProfile,
  useUpdateProfile,
  useDeleteProfile,
  useBatchDeleteProfiles,
  useTriggerProfileUpdate,
} from './mutations';
export { useBulkUpsert } from './useBulkUpsert';
export type { BulkUpsertState } from './useBulkUpsert';

export {
  knowledgeSearchOptions,
  collectionSearchOptions,
  docsOptions,
  infiniteDocsOptions,
  docOptions,
  pointsOptions,
  infinitePointsOptions,
  pointOptions,
  isDocProcessing,
  DOC_POLL_MS,
} from './options/knowledgeQueries';
export {
  addDocMutationOptions,
  updateDocMutationOptions,
  updateDocMetaMutationOptions,
  deleteDocMutationOptions,
  addPointMutationOptions,
  updatePointMutationOptions,
  deletePointMutationOptions,
  knowledgeRerankMutationOptions,
} from './options/knowledgeMutations';
export type {
  WithRequestOptions,
  UpdateDocVariables,
  UpdateDocMetaVariables,
  DeleteDocVariables,
  UpdatePointVariables,
  DeletePointVariables,
} from './options/knowledgeMutations';
export {
  useKnowledgeSearch,
  useCollectionSearch,
  useDocs,
  useInfiniteDocs,
  useDoc,
  usePoints,
  useInfinitePoints,
  usePoint,
} from './knowledgeQueries';
export {
  useAddDoc,
  useUpdateDoc,
  useUpdateDocMeta,
  useDeleteDoc,
  useAddPoint,
  useUpdatePoint,
  useDeletePoint,
  useKnowledgeRerank,
} from './knowledgeMutations';
export { useChatCompletion } from './useChatCompletion';
export type { ChatCompletionInput } from './useChatCompletion';
export { useServiceChat } from './useServiceChat';
export type { ServiceChatInput } from './useServiceChat';
export type { StreamingChat, ChatMessage, ChatStatus } from './useStreamingChat';
