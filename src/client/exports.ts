// The runtime-independent public surface; index.ts and index.node.ts add `aksk` on their crypto backend. Every name is
// listed (no `export *`), so the surface changes only on purpose; test/unit/exports pins it.
export { createVikingClient } from './createClient';
export type { VikingClient, VectorApi, MemoryApi } from './createClient';
export type { KnowledgeApi } from './knowledge/knowledgeApi';
export { createVikingCore } from './createVikingCore';
export type { VikingCore, VikingClientInfo } from './createVikingCore';
export type { VikingClientOptions } from './options';
export { DEFAULT_REGION, DEFAULT_TIMEOUT_MS } from './options';
export { ping } from './ping';
export type { PingResult, PingDomain } from './ping';
export { VERSION } from './version';

export { apiKey } from './auth/apiKey';
export { headerAuth } from './auth/headerAuth';
export { signingProxy } from './auth/signingProxy';
export type { SigningProxyOptions } from './auth/signingProxy';
export type { AkskOptions } from './auth/aksk';
export type { AuthMode, OutgoingRequest } from './auth/AuthMode';
export type { Credentials } from './auth/signV4';

export type { RequestOptions } from './transport/RequestOptions';
export type { RequestLog, RetryNotice } from './transport/RequestLog';
export { exponentialJitter, linear, none, isTransientError, RETRYABLE_STATUSES } from './transport/retryStrategy';
export type {
  RetryStrategy,
  RetryContext,
  RetryOption,
  RetryPolicyOptions,
  ExponentialJitterOptions,
  LinearOptions,
} from './transport/retryStrategy';

export { VikingDBError, isVikingDBError } from './errors/VikingDBError';
export { VectorErrorCode, MemoryErrorCode, KnowledgeErrorCode, describeErrorCode } from './errors/errorCodes';
export type { VikingDBErrorCode, VikingDBErrorCodeName, ErrorCodeInfo } from './errors/errorCodes';
export type { VikingDBErrorDetails } from './errors/VikingDBError';
export { HttpError } from './errors/HttpError';
export { AuthError } from './errors/AuthError';
export { NotFoundError } from './errors/NotFoundError';
export { RateLimitError } from './errors/RateLimitError';
export { ServerError } from './errors/ServerError';
export { TimeoutError } from './errors/TimeoutError';
export { NetworkError } from './errors/NetworkError';
export { ValidationError } from './errors/ValidationError';
export type { ValidationIssue } from './errors/ValidationError';
export { ConfigError } from './errors/ConfigError';
export { BulkWriteError } from './errors/BulkWriteError';
export type { FailedBatch } from './errors/BulkWriteError';

export { f, filterIssues } from './vector/filter';
export type {
  Filter,
  FilterNode,
  FilterScalar,
  RangeBounds,
  MustNode,
  MustNotNode,
  RangeNode,
  RangeOutNode,
  GeoCircleNode,
  AndNode,
  OrNode,
} from './vector/filter';
export type { VectorCollection, CollectionOptions } from './vector/collection';
export type { VectorIndex, IndexSearch } from './vector/vectorIndex';
export { indexRef } from './vector/indexRef';
export type { IndexRef, IndexFields } from './vector/indexRef';
export {
  searchByVector,
  searchByMultiModal,
  searchById,
  searchByScalar,
  searchByKeywords,
  searchByRandom,
  searchVector,
  searchMultiModal,
  searchScalar,
  searchKeywords,
  searchRandom,
} from './vector/search';
export { fetchInIndex, aggregateIndex, sortInIndex, scanIndex } from './vector/indexReads';
export type { ScanOptions } from './vector/indexReads';
export { upsertRows, updateRows, deleteRows, upsertAllRows } from './vector/rowWrites';
export type { AutoIdOption } from './vector/rowWrites';
export { fetchInCollection, fetchManyInCollection } from './vector/rowReads';
export type { FetchManyOptions } from './vector/rowReads';
export { embedding } from './vector/embedding';
export { rerank } from './vector/rerank';
export type { UpsertAllOptions, BulkProgress, BulkWriteResult } from './vector/upsertAll';
export { MAX_ROWS_PER_REQUEST } from './vector/rows';
export type {
  PrimaryKey,
  SparseVector,
  MediaInput,
  FieldValue,
  AnyFields,
  FieldName,
  CollectionLocator,
  TokenUsage,
  ResultMeta,
  UpsertOptions,
  UpdateOptions,
  DeleteTarget,
  DeleteOptions,
  WriteResult,
  FetchedRow,
  IndexFetchedRow,
  FetchResult,
  CollectionFetchOptions,
  IndexFetchOptions,
  SearchAdvance,
  SearchCommon,
  TensorRerank,
  VectorSearchParams,
  SearchRerank,
  MultiModalSearchParams,
  IdSearchParams,
  ScalarSearchParams,
  KeywordsSearchParams,
  SearchItem,
  SearchResult,
  AggregateParams,
  AggregateResult,
  SortParams,
  SortResult,
  MultiModalInput,
  EmbeddingModel,
  EmbeddingParams,
  EmbeddingResult,
  RerankParams,
  RerankResult,
} from './vector/types';

export type { MemoryCollection, MemoryEvents, MemoryProfiles } from './memory/memoryCollection';
export {
  addSession,
  sessionInfo,
  searchMemory,
  searchEvents,
  searchProfiles,
  addEvent,
  updateEvent,
  deleteEvent,
  batchDeleteEvents,
  addProfile,
  updateProfile,
  deleteProfile,
  batchDeleteProfiles,
  triggerProfileUpdate,
} from './memory/memoryOperations';
export type {
  MemoryLocator,
  MessageRole,
  MessageContentPart,
  SessionMessageInput,
  MemoryMessage,
  SessionMetadata,
  AddSessionParams,
  MemoryFilter,
  MemorySearchParams,
  EventSearchParams,
  MemoryItem,
  MemorySearchResult,
  SessionInfo,
  AddEventParams,
  UpdateEventParams,
  EventBatchDeleteParams,
  AddProfileParams,
  UpdateProfileParams,
  ProfileBatchDeleteParams,
  TriggerProfileUpdateParams,
  MemoryWriteResult,
} from './memory/types';

export type { KnowledgeCollection, KnowledgeDocs, KnowledgePoints } from './knowledge/knowledgeCollection';
export {
  addDocV2,
  addDoc,
  docInfo,
  listDocs,
  listDocsV2,
  searchDocsByFilter,
  updateDocMeta,
  updateDoc,
  deleteDoc,
  scanDocs,
} from './knowledge/docs';
export type { KnowledgeScanOptions } from './knowledge/docs';
export { addPoint, pointInfo, listPoints, updatePoint, deletePoint, scanPoints } from './knowledge/points';
export { searchKnowledge, searchKnowledgeCollection, rerankKnowledge } from './knowledge/search';
export { chatCompletion, serviceChat } from './knowledge/chat';
export { KnowledgeStream, collectText, toReadableStream } from './knowledge/KnowledgeStream';
export type {
  KnowledgeLocator,
  MetaItem,
  KnowledgeMessage,
  AddDocV2Params,
  AddDocParams,
  DocInfoParams,
  ListDocsParams,
  ListDocsV2Params,
  SearchDocsByFilterParams,
  AddPointParams,
  UpdatePointParams,
  PointInfoParams,
  ListPointsParams,
  CollectionSearchParams,
  SearchKnowledgeParams,
  KnowledgeRerankItem,
  KnowledgeRerankParams,
  ChatCompletionParams,
  ServiceChatParams,
  DocStatus,
  DocInfo,
  PointDocInfo,
  ChunkAttachment,
  PointInfo,
  ServiceChatReference,
  KnowledgeWriteResult,
  AddDocResult,
  DocList,
  DocListV2,
  AddPointResult,
  PointList,
  CollectionSearchResult,
  SearchKnowledgeResult,
  KnowledgeRerankResult,
  ChatCompletionResult,
  ServiceChatResult,
  StreamChunkBase,
  ChatCompletionChunk,
  ServiceChatChunk,
} from './knowledge/types';
