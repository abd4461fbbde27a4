// The runtime-independent public surface; index.ts and index.node.ts add `aksk` on their crypto backend.
export { createVikingClient } from './createClient';
export type { VikingClient, VectorApi, MemoryApi } from './createClient';
export type { KnowledgeApi } from './knowledge/knowledgeApi';
export { createVikingCore } from './createVikingCore';
export type { VikingCore, VikingClientInfo } from './createVikingCore';
export type { VikingClientOptions } from './options';
export { DEFAULT_REGION, DEFAULT_TIMEOUT_MS } from './options';
export type { PingResult } from './ping';
export { VERSION } from './version';

export { apiKey } from './auth/apiKey';
export { headerAuth } from './auth/headerAuth';
export { signingProxy } from './auth/signingProxy';
export type { SigningProxyOptions } from './auth/signingProxy';
export type { AkskOptions } from './auth/aksk';
export type { AuthMode, OutgoingRequest } from './auth/AuthMode';
export type { Credentials } from './auth/signV4';

export type { RequestOptions } from './transport/RequestOptions';
export type { KyHooks } from './transport/KyHooks';
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
export type { VectorCollection, CollectionOptions, FetchManyOptions } from './vector/collection';
export type { VectorIndex, IndexSearch, ScanOptions } from './vector/vectorIndex';
export { indexRef } from './vector/indexRef';
export type { IndexRef, IndexFields } from './vector/indexRef';
export {
  searchVector,
  searchMultiModal,
  searchById,
  searchScalar,
  searchKeywords,
  searchRandom,
} from './vector/search';
export { fetchInIndex, aggregateIndex, sortInIndex } from './vector/indexReads';
export type { UpsertAllOptions, BulkProgress, BulkWriteResult } from './vector/upsertAll';
export { MAX_ROWS_PER_REQUEST } from './vector/rows';
export type * from './vector/types';

export type { MemoryCollection, MemoryEvents, MemoryProfiles } from './memory/memoryCollection';
export type * from './memory/types';
export type {
  KnowledgeCollection,
  KnowledgeDocs,
  KnowledgePoints,
  KnowledgeScanOptions,
} from './knowledge/knowledgeCollection';
export { searchKnowledge, searchKnowledgeCollection, rerankKnowledge } from './knowledge/search';
export { chatCompletion, serviceChat } from './knowledge/chat';
export { KnowledgeStream, collectText, toReadableStream } from './knowledge/KnowledgeStream';
export type * from './knowledge/types';
export type { Endpoint } from './transport/Endpoint';
export type { ApiResponse, Transport } from './transport/transport';
