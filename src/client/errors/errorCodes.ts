/*
 * The error codes VikingDB answers with, by name, each with a hint (api doc §2.1, §2.2; knowledge doc §2.2).
 *
 * The vector API sends string codes (`"NotFound.VikingdbCollection"`); the memory and knowledge APIs share one space
 * of integer codes (`1000005`). A condition that exists in several domains has the same name in each, so
 * `isVikingDBError(e, 'CollectionNotExist')` holds for a missing collection whichever API answered. Names follow the
 * official SDKs' exception classes where they agree; each JSDoc names the Python class it corresponds to.
 */

/** String codes of the vector API (`VikingDBError.code` of a vector call). */
export const VectorErrorCode = {
  /** A required parameter is absent (400). */
  MissingParameter: 'MissingParameter',
  /** A parameter has a wrong type or value (400). */
  InvalidParameter: 'InvalidParameter',
  /** The credentials were refused (401; the kit's label when the answer names no code). */
  Unauthorized: 'Unauthorized',
  /** Not allowed by the IAM policy (403). */
  AccessDenied: 'AccessDenied',
  /** The collection does not exist (404). */
  CollectionNotExist: 'NotFound.VikingdbCollection',
  /** The index does not exist (404). */
  IndexNotExist: 'NotFound.VikingdbIndex',
  /** The row does not exist (404). */
  DataNotFound: 'NotFound.VikingdbData',
  /** Rate or quota limit reached (429). */
  TooManyRequests: 'TooManyRequests',
  /** The service failed (500). */
  InternalError: 'InternalError',
  /** The service is overloaded or starting (503). */
  ServiceUnavailable: 'ServiceUnavailable',
} as const;

/**
 * Integer codes of the knowledge API, as `vikingdb.knowledge.exceptions` lists them. The memory API answers from the
 * same code space with the same names (see {@link MemoryErrorCode}).
 */
export const KnowledgeErrorCode = {
  /** 1000001, Python `UnauthorizedException`. */
  Unauthorized: 1000001,
  /** 1000002, `NoPermissionException`. */
  AccessDenied: 1000002,
  /** 1000003, `InvalidRequestException`. */
  InvalidParameter: 1000003,
  /** 1000004, `CollectionExistException`. */
  CollectionExist: 1000004,
  /** 1000005, `CollectionNotExistException`. */
  CollectionNotExist: 1000005,
  /** 1000006, `OperationNotAllowedException`. */
  OperationNotAllowed: 1000006,
  /** 1000007, `IndexExistException`. */
  IndexExist: 1000007,
  /** 1000008, `IndexNotExistException`. */
  IndexNotExist: 1000008,
  /** 1000010, `QueryOpFailedException`. */
  QueryFailed: 1000010,
  /** 1000011, `DataNotFoundException`. */
  DataNotFound: 1000011,
  /** 1000013, `DelOpFailedException`. */
  DeleteFailed: 1000013,
  /** 1000014, `UpsertOpFailedException`. */
  UpsertFailed: 1000014,
  /** 1000015, `TokenMismatchException`. */
  TokenMismatch: 1000015,
  /** 1000016, `InvalidQueryVecException` (memory's `InvalidVector`). */
  InvalidVector: 1000016,
  /** 1000017, `InvalidPrimaryKeyException`. */
  InvalidPrimaryKey: 1000017,
  /** 1000018, `InvalidPartitionException`. */
  InvalidPartition: 1000018,
  /** 1000019, `InvalidScalarCondException` (memory's `InvalidFilter`). */
  InvalidFilter: 1000019,
  /** 1000020, `InvalidProxyServiceException`. */
  InvalidProxyService: 1000020,
  /** 1000021, `IndexRecallException` (memory's `IndexSearchFailed`). */
  IndexSearchFailed: 1000021,
  /** 1000022, `IndexFetchDataException`. */
  IndexFetchFailed: 1000022,
  /** 1000023, `IndexNotReadyException` (memory's `IndexInitializingException`). */
  IndexNotReady: 1000023,
  /** 1000024, `APINotImplementedException`. */
  ApiNotImplemented: 1000024,
  /** 1000025, `CalcEmbeddingFailedException`. */
  EmbeddingFailed: 1000025,
  /** 1000026, `ListEmbeddingModelsException`. */
  ListEmbeddingModelsFailed: 1000026,
  /** 1000028, `InternalServerException` (also the SDK's code for an unreadable answer). */
  InternalError: 1000028,
  /** 1000029, `QuotaLimiterException`: rate limited. */
  TooManyRequests: 1000029,
  /** 1000030, `RerankException`. */
  RerankFailed: 1000030,
  /** 1001001, `DocNotExistException`. */
  DocNotExist: 1001001,
  /** 1001010, `DocIsFullException`: the collection holds as many documents as it may. */
  DocIsFull: 1001010,
  /** 1002001, `PointNotExistException`. */
  PointNotExist: 1002001,
} as const;

/** The codes the memory API documents (`vikingdb.memory.exceptions`). */
type MemoryCodeName =
  | 'Unauthorized'
  | 'InvalidParameter'
  | 'CollectionExist'
  | 'CollectionNotExist'
  | 'IndexExist'
  | 'IndexNotExist'
  | 'DataNotFound'
  | 'DeleteFailed'
  | 'UpsertFailed'
  | 'InvalidVector'
  | 'InvalidPrimaryKey'
  | 'InvalidFilter'
  | 'IndexSearchFailed'
  | 'IndexFetchFailed'
  | 'IndexNotReady'
  | 'EmbeddingFailed'
  | 'InternalError'
  | 'TooManyRequests';

/**
 * Integer codes of the memory API (`VikingDBError.code` of a memory call), e.g. `MemoryErrorCode.CollectionNotExist`
 * (1000005). The memory and knowledge APIs share one code space, so at run time this is the same table as
 * {@link KnowledgeErrorCode}; its type lists the codes the memory API documents. Python's names differ for a few:
 * 1000003 `InvalidRequestException`, 1000013 `DelOpFailedException`, 1000014 `UpsertOpFailedException`, 1000021
 * `IndexSearchException`, 1000022 `IndexFetchException`, 1000023 `IndexInitializingException`, 1000025
 * `EmbeddingException`, 1000028 `InternalServerException`, 1000029 `QuotaLimiterException`.
 */
export const MemoryErrorCode: Readonly<Pick<typeof KnowledgeErrorCode, MemoryCodeName>> = KnowledgeErrorCode;

/** The name of an error code in any domain, e.g. `'CollectionNotExist'`. */
export type VikingDBErrorCodeName = keyof typeof VectorErrorCode | keyof typeof KnowledgeErrorCode;

/** A code the service answers with, as `VikingDBError.code` holds it. */
export type VikingDBErrorCode =
  (typeof VectorErrorCode)[keyof typeof VectorErrorCode] | (typeof KnowledgeErrorCode)[keyof typeof KnowledgeErrorCode];

/** What to do about each condition, in one sentence. Plain literals only, so bundlers drop the table when unused. */
const HINTS: Readonly<Record<VikingDBErrorCodeName, string>> = {
  MissingParameter: 'Add the parameter the message names.',
  InvalidParameter: 'Fix the parameter the message names.',
  Unauthorized: 'Check the API key or AK/SK, the region, the service name and the clock.',
  AccessDenied: 'Check the IAM policy, project_name and the proxy allow list.',
  CollectionNotExist: 'Check collection_name (or resource_id), project_name and the region.',
  CollectionExist: 'Use the existing collection or choose another name.',
  IndexNotExist: 'Check index_name and the collection.',
  IndexExist: 'Use the existing index or choose another name.',
  DataNotFound: 'Check the id; it may have expired or been deleted.',
  TooManyRequests: 'Slow down, or raise the quota.',
  InternalError: 'Retry later; quote the request id to support.',
  ServiceUnavailable: 'Retry later; quote the request id to support.',
  DeleteFailed: 'Retry; deleting by id is idempotent.',
  UpsertFailed: 'Retry; an upsert by primary key is idempotent.',
  InvalidVector: 'Give finite numbers, as many as the index dimension.',
  InvalidPrimaryKey: 'Give an int64 (a digit string beyond 2^53) or a string id.',
  InvalidFilter: 'Filter on scalar-indexed fields with values of their type.',
  IndexSearchFailed: 'Retry; simplify the filter or lower the limit.',
  IndexFetchFailed: 'Retry later.',
  IndexNotReady: 'Wait until the index is built, then retry.',
  EmbeddingFailed: 'Check the model name and the input, then retry.',
  OperationNotAllowed: 'Not allowed on this collection in its current state.',
  QueryFailed: 'Retry; check the query parameters.',
  TokenMismatch: 'Get a fresh token and retry.',
  InvalidPartition: 'Give a value of the partition field.',
  InvalidProxyService: 'Quote the request id to support.',
  ApiNotImplemented: 'Not available in this region or version.',
  ListEmbeddingModelsFailed: 'Retry later.',
  RerankFailed: 'Check the model name and the input, then retry.',
  DocNotExist: 'Check doc_id and the collection.',
  DocIsFull: 'Delete documents or use another collection.',
  PointNotExist: 'Check point_id; reprocessing a document replaces its points.',
};

/** A code's name and what to do about it. */
export interface ErrorCodeInfo {
  name: VikingDBErrorCodeName;
  hint: string;
}

/**
 * The name and hint of a code the service answered with: a vector string code, or a memory/knowledge integer code
 * (a digit string counts as its number). `undefined` for a code the catalog does not know.
 *
 * @example describeErrorCode(1000005) // { name: 'CollectionNotExist', hint: 'Check collection_name …' }
 */
export function describeErrorCode(code: string | number | undefined): ErrorCodeInfo | undefined {
  const numeric = typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code;
  const table: Readonly<Record<string, string | number>> =
    typeof numeric === 'number' ? KnowledgeErrorCode : VectorErrorCode;
  const name = Object.keys(table).find((key) => table[key] === numeric) as VikingDBErrorCodeName | undefined;
  return name && { name, hint: HINTS[name] };
}
