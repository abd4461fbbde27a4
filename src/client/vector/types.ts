import type { Filter } from './filter';

/** A primary key: int64 (as a number up to 2^53, a digit string beyond) or string. */
export type PrimaryKey = string | number;

/** A sparse vector: token id (or token) → weight, e.g. `{ "1": 0.1, "10": 0.5 }`. */
export type SparseVector = Readonly<Record<string, number>>;

/**
 * A media value as the API takes it: a URL, `tos://bucket/key` or base64 data URL string, or an object form such as
 * a video's `{ value, fps }` (members checked by the service).
 */
export type MediaInput =
  | string
  | { value?: string | undefined; fps?: number | undefined; [key: string]: unknown }
  | Readonly<Record<string, unknown>>;

/**
 * Any value a VikingDB field can hold: scalars, lists, a sparse vector, or another object form the service defines
 * (e.g. a media field's `{ value, fps }`).
 */
export type FieldValue =
  | string
  | number
  | boolean
  | readonly string[]
  | readonly number[]
  | SparseVector
  | Readonly<Record<string, unknown>>
  | null;

/** The default row type when you do not give one: any field name, any field value. */
export type AnyFields = Record<string, FieldValue>;

/** Field names of a row type, as strings. */
export type FieldName<TFields> = Extract<keyof TFields, string>;

/**
 * Addresses a vector collection: its name, or `{ collection_name | resource_id, project_name? }` as on the wire.
 */
export type CollectionLocator =
  | string
  | { collection_name: string; resource_id?: string | undefined; project_name?: string | undefined }
  | { collection_name?: string | undefined; resource_id: string; project_name?: string | undefined };

/** Token counts by model, as the service reports them (shape not fixed by the API). */
export type TokenUsage = Readonly<Record<string, unknown>>;

/** Request id, timing and raw payload of the call that produced a result. */
export interface ResultMeta {
  /** The service's request id (body `request_id` or `X-Tt-Logid`). */
  requestId: string | undefined;
  /** Round trip in ms, retries included. */
  latencyMs: number;
  /**
   * The payload (`result` of the vector API, `data` of the memory API) exactly as the service sent it, snake_case keys
   * and fields the kit does not type yet included; `{}` when the answer had none.
   */
  raw: Readonly<Record<string, unknown>>;
}

/** Options of `upsert`. */
export interface UpsertOptions {
  /** Seconds until the rows expire. Default: never (0). */
  ttl?: number | undefined;
  /** Drop fields the collection does not declare instead of failing. Default: false. */
  ignoreUnknownFields?: boolean | undefined;
  /** Return before the write is applied. Default: false. */
  async?: boolean | undefined;
}

/** Options of `update`. */
export type UpdateOptions = Omit<UpsertOptions, 'async'>;

/** What to delete: some ids, or every row. */
export type DeleteTarget = { ids: readonly PrimaryKey[] } | { all: true };

/** Options of `delete`. */
export interface DeleteOptions {
  /** Return before the delete is applied. Default: false. */
  async?: boolean | undefined;
}

/** Result of upsert and update. */
export interface WriteResult extends ResultMeta {
  tokenUsage: TokenUsage | undefined;
}

/** A fetched row. */
export interface FetchedRow<TFields, K extends keyof TFields = keyof TFields> {
  id: PrimaryKey;
  fields: Pick<TFields, K>;
  /** The row exactly as the service sent it. Set on every row the client returns; optional for rows an app builds. */
  raw?: Readonly<Record<string, unknown>> | undefined;
}

/** A row fetched through an index, with its vectors. */
export interface IndexFetchedRow<TFields, K extends keyof TFields = keyof TFields> extends FetchedRow<TFields, K> {
  denseVector: number[] | undefined;
  denseDim: number | undefined;
  sparseVector: SparseVector | undefined;
}

/** Result of a fetch: the rows found and the ids that do not exist. */
export interface FetchResult<TRow> extends ResultMeta {
  items: TRow[];
  idsNotExist: PrimaryKey[];
}

/** Options of a collection fetch. */
export interface CollectionFetchOptions {
  /** Return download URLs for media fields. Default: false. */
  returnDownloadUrl?: boolean | undefined;
  /** Return the analysed (tokenised) text. Default: false. */
  returnAnalyzedResult?: boolean | undefined;
}

/** Options of an index fetch. */
export interface IndexFetchOptions<TFields, K extends FieldName<TFields>> {
  /** Fields to return. Default: all scalar fields. `[]` returns none. */
  outputFields?: readonly K[] | undefined;
  /** Only rows of this partition. Default: all. */
  partition?: string | number | undefined;
}

/** Fine-tuning shared by every search (`advance` on the wire). */
export interface SearchAdvance {
  /** Weight of the dense score in hybrid search, in [0.2, 1]. Default: 0.5 (service side). */
  denseWeight?: number | undefined;
  /** Only these ids. */
  idsIn?: readonly PrimaryKey[] | undefined;
  /** Never these ids. */
  idsNotIn?: readonly PrimaryKey[] | undefined;
  /** Post-processing operators, applied in order. */
  postProcessOps?: ReadonlyArray<Readonly<Record<string, unknown>>> | undefined;
  /** Candidates handed to post-processing. Default: limit × 3. */
  postProcessInputLimit?: number | undefined;
  /** Score scaling, in [0.1, 100]. Default: 1. */
  scaleK?: number | undefined;
  /** Most candidates when the filter runs first. */
  filterPreAnnLimit?: number | undefined;
  /** Candidate ratio when the filter runs first. */
  filterPreAnnRatio?: number | undefined;
}

/** Parameters every search mode accepts. */
export interface SearchCommon<TFields, K extends FieldName<TFields>> {
  /** Filter DSL, raw or built with `f`. Default: none. */
  filter?: Filter<TFields> | undefined;
  /** Only rows of this partition. Default: all. */
  partition?: string | number | undefined;
  /** Fields to return. Default: all scalar fields. `[]` returns none. */
  outputFields?: readonly K[] | undefined;
  /** Rows to return, ≥ 1. Default: 10 (service side). */
  limit?: number | undefined;
  /** Rows to skip, ≥ 0. Default: 0. */
  offset?: number | undefined;
  advance?: SearchAdvance | undefined;
  /** Include the collection schema in the result. Default: false. */
  returnSchema?: boolean | undefined;
  /** Return download URLs for media fields. Default: false. */
  returnDownloadUrl?: boolean | undefined;
  /** Return analysed text. Default: false. */
  returnAnalyzedResult?: boolean | undefined;
  /** Return per-stage details. Default: false. */
  returnDetailInfo?: boolean | undefined;
}

/** Late-interaction rerank on multi-vector tensors. */
export interface TensorRerank {
  tensor: ReadonlyArray<readonly number[]>;
  inputLimit?: number | undefined;
  maxSimilarityAlgo?: string | undefined;
}

/** Search by a dense (and optionally sparse) query vector. */
export interface VectorSearchParams<TFields, K extends FieldName<TFields>> extends SearchCommon<TFields, K> {
  denseVector: readonly number[];
  sparseVector?: SparseVector | undefined;
  tensorRerank?: TensorRerank | undefined;
}

/** A model rerank step after a multi-modal search. */
export interface SearchRerank {
  modelName?: string | undefined;
  modelVersion?: string | undefined;
  instruction?: string | undefined;
  inputLimit?: number | undefined;
  scoreThreshold?: number | undefined;
  failStrategy?: string | undefined;
  timeoutMs?: number | undefined;
}

/** Search with text, image or video that the service embeds with the collection's model. */
export interface MultiModalSearchParams<TFields, K extends FieldName<TFields>> extends SearchCommon<TFields, K> {
  text?: string | undefined;
  /** Image: URL, `tos://bucket/key`, base64 data URL, or an object form. */
  image?: MediaInput | undefined;
  /** Video: URL, or `{ value, fps }`, or another object form. */
  video?: MediaInput | undefined;
  /** Prefix the query with the model's instruction. Default: false. */
  needInstruction?: boolean | undefined;
  instruction?: { autoFill?: boolean | undefined } | undefined;
  rerank?: SearchRerank | undefined;
  tensorRerank?: TensorRerank | undefined;
}

/** Search with a stored row's vector as the query. */
export interface IdSearchParams<TFields, K extends FieldName<TFields>> extends SearchCommon<TFields, K> {
  id: PrimaryKey;
}

/** Order rows by a scalar field. */
export interface ScalarSearchParams<TFields, K extends FieldName<TFields>> extends SearchCommon<TFields, K> {
  field: FieldName<TFields>;
  /** Default: `'desc'`. */
  order?: 'asc' | 'desc' | undefined;
}

/** Full-text (BM25) search. Keywords affect ranking only: hits need not contain them. */
export interface KeywordsSearchParams<TFields, K extends FieldName<TFields>> extends SearchCommon<TFields, K> {
  keywords?: readonly string[] | undefined;
  query?: string | undefined;
  /** Default: false. */
  caseSensitive?: boolean | undefined;
  /** Text fields to match. Default: all text fields. */
  fields?: ReadonlyArray<FieldName<TFields>> | undefined;
  bm25K1?: number | undefined;
  bm25B?: number | undefined;
  mode?: string | undefined;
}

/** A search hit. `fields` holds the requested output fields. */
export interface SearchItem<TFields, K extends keyof TFields = keyof TFields> {
  id: PrimaryKey;
  fields: Pick<TFields, K>;
  score: number;
  annScore: number | undefined;
  originScore: number | undefined;
  additionScore: number | undefined;
  /**
   * The hit exactly as the service sent it, fields the kit does not type yet included. Set on every hit the client
   * returns; optional so that an app can build items of its own.
   */
  raw?: Readonly<Record<string, unknown>> | undefined;
}

/** The result of every search mode. */
export interface SearchResult<TFields, K extends keyof TFields = keyof TFields> extends ResultMeta {
  items: Array<SearchItem<TFields, K>>;
  totalReturnCount: number;
  filterMatchedCount: number | undefined;
  realTextQuery: string | undefined;
  tokenUsage: TokenUsage | undefined;
  schema: Readonly<Record<string, unknown>> | undefined;
  rerankError: string | undefined;
  instructionForDense: string | undefined;
  instructionForSparse: string | undefined;
  instructionForTensor: string | undefined;
  embeddingTimeCostMs: number | undefined;
  recallTimeCostMs: number | undefined;
  rerankTimeCostMs: number | undefined;
}

/** Count rows, optionally grouped by a field. */
export interface AggregateParams<TFields> {
  /** The aggregation; the service documents `count` only, other names are sent as given. Default: `'count'`. */
  op?: 'count' | (string & {}) | undefined;
  /** Group by this field. Default: no grouping. */
  field?: FieldName<TFields> | undefined;
  /** HAVING-like condition on the count, e.g. `{ gt: 1 }`; other operators are sent as given. */
  cond?: { gt?: number | undefined; gte?: number | undefined; [operator: string]: unknown } | undefined;
  order?: 'asc' | 'desc' | undefined;
  filter?: Filter<TFields> | undefined;
  partition?: string | number | undefined;
}

/** Counts by group value (or a single total, see the local server's docs). */
export interface AggregateResult extends ResultMeta {
  agg: Record<string, number>;
  op: string;
  field: string | undefined;
}

/** Rescore given ids against a query vector. */
export interface SortParams {
  ids: readonly PrimaryKey[];
  queryVector: readonly number[];
}

export interface SortResult extends ResultMeta {
  items: Array<{ id: PrimaryKey; score: number }>;
  idsNotExist: PrimaryKey[];
}

/** Text, image and video parts of one embedding input. */
export interface MultiModalInput {
  text?: string | undefined;
  /** URL, `tos://bucket/key`, base64 data URL, or an object form. */
  image?: MediaInput | undefined;
  /** URL, or `{ value, fps }`, or another object form. */
  video?: MediaInput | undefined;
}

/** An embedding model choice. */
export interface EmbeddingModel {
  name: string;
  version?: string | undefined;
  dim?: number | undefined;
  ndim?: number | undefined;
  shape?: readonly number[] | undefined;
  instruction?: { content: string } | undefined;
}

/** Parameters of `embedding` (`/api/vikingdb/embedding`): the inputs and the dense/sparse/tensor models to run. */
export interface EmbeddingParams {
  data: ReadonlyArray<MultiModalInput & { fullModalSeq?: readonly MultiModalInput[] | undefined }>;
  denseModel?: EmbeddingModel | undefined;
  sparseModel?: EmbeddingModel | undefined;
  tensorModel?: EmbeddingModel | undefined;
  projectName?: string | undefined;
  maxRetryTime?: number | undefined;
}

export interface EmbeddingResult extends ResultMeta {
  /** One entry per input, in order. */
  items: Array<{ dense: number[] | undefined; sparse: SparseVector | undefined; tensor: number[][] | undefined }>;
  tokenUsage: TokenUsage | undefined;
}

/** Parameters of `rerank` (`/api/vikingdb/rerank`): a query and the candidates a rerank model scores. */
export interface RerankParams {
  modelName: string;
  modelVersion?: string | undefined;
  /** The query, as multi-modal parts. A string is taken as `[{ text }]`. */
  query: string | readonly MultiModalInput[];
  /** Candidates; each a string or multi-modal parts. */
  data: ReadonlyArray<string | readonly MultiModalInput[]>;
  instruction?: string | undefined;
  /** Echo each candidate in the result. Default: false. */
  returnOriginData?: boolean | undefined;
  projectName?: string | undefined;
  maxRetryTime?: number | undefined;
}

export interface RerankResult extends ResultMeta {
  /** Candidates by index into `data`, as the service orders them. */
  items: Array<{ index: number; score: number; originData: MultiModalInput[] | undefined }>;
  tokenUsage: TokenUsage | undefined;
}
