// size-limit entry: the knowledge hooks on top of the whole client; its budget is the client's + 4 kB.
export * from 'vikingdb-kit/client';
export {
  useKnowledgeSearch,
  useCollectionSearch,
  useDocs,
  useInfiniteDocs,
  useDoc,
  usePoints,
  useInfinitePoints,
  usePoint,
  useAddDoc,
  useUpdateDoc,
  useUpdateDocMeta,
  useDeleteDoc,
  useAddPoint,
  useUpdatePoint,
  useDeletePoint,
  useKnowledgeRerank,
  useChatCompletion,
  useServiceChat,
  VikingProvider,
} from 'vikingdb-kit/hooks';
