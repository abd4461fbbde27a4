import type { Meta } from '../shared/withMeta';

/*
 * Parameters and results of the knowledge API (knowledge contract §3–4). Parameters are camelCase and go on the wire
 * in snake_case, each key only when the caller set it; keys the kit does not know are sent too (converted the same
 * way; for typed code `RequestOptions.extraBody` adds raw wire keys). Results are camelCase views of the wire objects, each with `raw`, the object exactly as the service sent it.
 */

/**
 * Addresses a knowledge base: its name (in the service's default project), `{ collection_name, project_name? }` or
 * `{ resource_id }`. `project_name` goes on the wire as `project`, only when given (the service defaults it).
 */
export type KnowledgeLocator =
  | string
  | { collection_name: string; project_name?: string | undefined; resource_id?: string | undefined }
  | { resource_id: string; project_name?: string | undefined; collection_name?: string | undefined };

/** A tag of a document (`tag_list`, `meta`): `{ field_name, field_type, field_value }` on the wire. */
export interface MetaItem {
  fieldName: string;
  /** E.g. `string`, `int64`, `bool`. */
  fieldType?: string | undefined;
  fieldValue?: unknown;
}

/** A chat message; `content` is text or the model's multimodal parts. */
export interface KnowledgeMessage {
  role: string;
  content: unknown;
}

/** `doc/v2/add`: every field optional. */
export interface AddDocV2Params {
  docId?: string | undefined;
  docName?: string | undefined;
  /** File type, e.g. `pdf`, `txt`, `md`. */
  docType?: string | undefined;
  description?: string | undefined;
  tagList?: readonly MetaItem[] | undefined;
  /** An `http(s)://` URL or a `tos://bucket/path` object. */
  uri?: string | undefined;
  pathSegments?: readonly string[] | undefined;
  strategyResourceId?: string | undefined;
}

/** `doc/add` (v1, deprecated by the service in favour of `doc/v2/add`). */
export interface AddDocParams {
  /** Import source: `url`, `tos` or `lark_file`. */
  addType: string;
  docId?: string | undefined;
  docName?: string | undefined;
  docType?: string | undefined;
  description?: string | undefined;
  tosPath?: string | undefined;
  url?: string | undefined;
  larkFile?: { url?: string; objType?: string; objToken?: string; includeChild?: boolean } | undefined;
  meta?: readonly MetaItem[] | undefined;
  dedup?: { contentDedup?: boolean; docNameDedup?: boolean; autoSkip?: boolean } | undefined;
}

/** Parameters of `doc/info` (`knowledge.collection(…).docs.get`). */
export interface DocInfoParams {
  /** Also return token usage. Default: not sent (false). */
  returnTokenUsage?: boolean | undefined;
}

/** `doc/list`: offset pagination. */
export interface ListDocsParams {
  /** Default: the service's (0). */
  offset?: number | undefined;
  /** `-1` = all. Default: the service's. */
  limit?: number | undefined;
  docType?: string | undefined;
  filter?: { docIdList?: readonly string[] | undefined; [key: string]: unknown } | undefined;
  returnTokenUsage?: boolean | undefined;
}

/** `doc/v2/list`: cursor pagination. */
export interface ListDocsV2Params {
  limit?: number | undefined;
  /** The `nextToken` of the previous page. Default: the first page. */
  nextToken?: string | undefined;
}

/** `doc/v2/search_by_filter`. */
export interface SearchDocsByFilterParams {
  /** Filter DSL over tag fields (`{ op: 'must', field, conds }`), sent untouched. */
  filter: Record<string, unknown>;
  limit?: number | undefined;
}

/** Parameters of `point/add`: a chunk added by hand to a document. */
export interface AddPointParams {
  docId: string;
  /** E.g. `text`. */
  chunkType: string;
  chunkTitle?: string | undefined;
  content?: string | undefined;
  question?: string | undefined;
  /** Structured (table) chunk fields: `{ fieldName, fieldType, fieldValue }`. */
  fields?: readonly MetaItem[] | undefined;
}

/** Parameters of `point/update`: the chunk fields to change; the ones left out stay as they are. */
export interface UpdatePointParams {
  chunkTitle?: string | undefined;
  content?: string | undefined;
  question?: string | undefined;
  fields?: readonly MetaItem[] | undefined;
}

/** Parameters of `point/info`. */
export interface PointInfoParams {
  /** Also return attachment download links. Default: not sent (false). */
  getAttachmentLink?: boolean | undefined;
}

/** Parameters of `point/list`: offset pagination, optionally limited to some documents or points. */
export interface ListPointsParams {
  offset?: number | undefined;
  /** `-1` = all. Default: the service's. */
  limit?: number | undefined;
  docIds?: readonly string[] | undefined;
  pointIds?: readonly string[] | undefined;
  getAttachmentLink?: boolean | undefined;
}

/** `collection/search`. Only what is set is sent (the service picks its defaults: limit 10, dense weight 0.5 …). */
export interface CollectionSearchParams {
  query: string;
  limit?: number | undefined;
  denseWeight?: number | undefined;
  rerankSwitch?: boolean | undefined;
  /** Keys converted to snake_case; `docFilter` (filter DSL) sent untouched. */
  queryParam?: { docFilter?: Record<string, unknown> | undefined; [key: string]: unknown } | undefined;
  retrieveCount?: number | undefined;
  endpointId?: string | undefined;
  rerankModel?: string | undefined;
  rerankOnlyChunk?: boolean | undefined;
  getAttachmentLink?: boolean | undefined;
}

/** `collection/search_knowledge`. */
export interface SearchKnowledgeParams {
  query: string;
  imageQuery?: string | undefined;
  /** Keys converted to snake_case (`needInstruction`, `returnTokenUsage`, `rewrite`, `messages` …). */
  preProcessing?:
    | {
        needInstruction?: boolean | undefined;
        returnTokenUsage?: boolean | undefined;
        rewrite?: boolean | undefined;
        messages?: readonly KnowledgeMessage[] | undefined;
        [key: string]: unknown;
      }
    | undefined;
  /** Keys converted to snake_case (`rerankSwitch`, `retrieveCount`, `chunkGroup`, `rerankModel` …). */
  postProcessing?:
    | {
        rerankSwitch?: boolean | undefined;
        retrieveCount?: number | undefined;
        chunkDiffusionCount?: number | undefined;
        chunkGroup?: boolean | undefined;
        rerankModel?: string | undefined;
        rerankThreshold?: number | undefined;
        rerankInstruction?: string | undefined;
        rerankOnlyChunk?: boolean | undefined;
        getAttachmentLink?: boolean | undefined;
        [key: string]: unknown;
      }
    | undefined;
  queryParam?: { docFilter?: Record<string, unknown> | undefined; [key: string]: unknown } | undefined;
  limit?: number | undefined;
  denseWeight?: number | undefined;
}

/** One candidate of a rerank; each repeats the query. */
export interface KnowledgeRerankItem {
  query: unknown;
  content?: string | undefined;
  title?: string | undefined;
  image?: string | readonly string[] | undefined;
}

/** `service/rerank`: at most 50 items. */
export interface KnowledgeRerankParams {
  datas: readonly KnowledgeRerankItem[];
  /** Default: the service's (the contract notes the SDK's retired default is remapped server-side). */
  rerankModel?: string | undefined;
  rerankInstruction?: string | undefined;
  endpointId?: string | undefined;
}

/** `chat/completions`. `stream: true` returns a {@link KnowledgeStream} of {@link ChatCompletionChunk}. */
export interface ChatCompletionParams {
  /** A model name (`Doubao-1-5-pro-32k`) or a private endpoint id. */
  model: string;
  messages: readonly KnowledgeMessage[];
  modelVersion?: string | undefined;
  /** Deep-thinking switch, sent as given (e.g. `{ type: 'disabled' }`). */
  thinking?: unknown;
  maxTokens?: number | undefined;
  temperature?: number | undefined;
  returnTokenUsage?: boolean | undefined;
  /** The model endpoint's key (not the auth key). */
  apiKey?: string | undefined;
  /** Stream the answer as server-sent events. Default: false. */
  stream?: boolean | undefined;
}

/** `service/chat` of a published knowledge service. */
export interface ServiceChatParams {
  serviceResourceId: string;
  /** The last one is the user's question. */
  messages: readonly KnowledgeMessage[];
  /** Keys converted to snake_case; `docFilter` sent untouched. */
  queryParam?: { docFilter?: Record<string, unknown> | undefined; [key: string]: unknown } | undefined;
  /** Stream the answer as server-sent events. Default: false. */
  stream?: boolean | undefined;
}

/** Processing state of a document. */
export interface DocStatus {
  /** `0` done, `1` failed; other values mean queued or processing (service docs). */
  processStatus: number | undefined;
  failedCode: number | undefined;
  failedMsg: string | undefined;
  raw: Record<string, unknown>;
}

/** A document of a knowledge base (DocInfo). */
export interface DocInfo {
  collectionName: string | undefined;
  docId: string | undefined;
  docName: string | undefined;
  docType: string | undefined;
  docHash: string | undefined;
  addType: string | undefined;
  description: string | undefined;
  addedBy: string | undefined;
  /** Epoch ms. */
  createTime: number | undefined;
  /** Epoch ms. */
  updateTime: number | undefined;
  url: string | undefined;
  tosPath: string | undefined;
  pointNum: number | undefined;
  docSize: number | undefined;
  status: DocStatus | undefined;
  title: string | undefined;
  source: string | undefined;
  docSummary: string | undefined;
  briefSummary: string | undefined;
  totalTokens: unknown;
  docSummaryTokens: number | undefined;
  /** The tags, parsed from `meta` (which the service sends as a JSON string); `[]` when there are none. */
  meta: MetaItem[];
  /** `meta` exactly as sent (a JSON string). */
  metaText: string | undefined;
  labels: Record<string, string> | undefined;
  project: string | undefined;
  resourceId: string | undefined;
  raw: Record<string, unknown>;
}

/** The document a point belongs to (`doc_info` of a point or a reference). */
export interface PointDocInfo {
  docId: string | undefined;
  docName: string | undefined;
  docType: string | undefined;
  createTime: number | undefined;
  title: string | undefined;
  source: string | undefined;
  /** Tags parsed from `doc_meta` (a JSON string). */
  docMeta: MetaItem[];
  docMetaText: string | undefined;
  status: DocStatus | undefined;
  raw: Record<string, unknown>;
}

/** An attachment (image, table) of a chunk. */
export interface ChunkAttachment {
  uuid: string | undefined;
  caption: string | undefined;
  type: string | undefined;
  link: string | undefined;
  infoLink: string | undefined;
  columnName: string | undefined;
}

/** A chunk of a document (PointInfo); also the items of search results. */
export interface PointInfo {
  collectionName: string | undefined;
  pointId: string | undefined;
  /** Numeric strings are read as numbers. */
  chunkId: number | undefined;
  chunkTitle: string | undefined;
  chunkType: string | undefined;
  content: string | undefined;
  mdContent: string | undefined;
  htmlContent: string | undefined;
  originText: string | undefined;
  originalQuestion: string | undefined;
  chunkSource: string | undefined;
  chunkStatus: string | undefined;
  description: string | undefined;
  score: number | undefined;
  rerankScore: number | undefined;
  processTime: number | undefined;
  updateTime: number | undefined;
  docInfo: PointDocInfo | undefined;
  chunkAttachment: ChunkAttachment[];
  tableChunkFields: Array<{ fieldName: string | undefined; fieldValue: unknown }>;
  project: string | undefined;
  resourceId: string | undefined;
  raw: Record<string, unknown>;
}

/** A reference of a service chat (an item of its `result_list`). */
export interface ServiceChatReference extends PointInfo {
  id: string | undefined;
  recallPosition: number | undefined;
  rerankPosition: number | undefined;
  originalCoordinate: Record<string, unknown> | undefined;
}

/** What a write answered; `data` is the envelope's `data` (untyped by the service). */
export interface KnowledgeWriteResult extends Meta {
  data: unknown;
}

/** Result of `doc/add`: the new document id and the processing task; `dedupInfo` when deduplication was asked for. */
export interface AddDocResult extends Meta {
  docId: string | undefined;
  taskId: number | string | undefined;
  dedupInfo: { skip: boolean | undefined; sameDocIds: string[] } | undefined;
  moreInfo: string | undefined;
  collectionName: string | undefined;
  project: string | undefined;
  resourceId: string | undefined;
  raw: Record<string, unknown>;
}

/** A page of documents. `count` and `totalNum` are read from `data`, else from the envelope. */
export interface DocList extends Meta {
  items: DocInfo[];
  count: number | undefined;
  totalNum: number | undefined;
  raw: Record<string, unknown>;
}

/** A page of `doc/v2/list`. */
export interface DocListV2 extends DocList {
  hasMore: boolean;
  /** Pass as `nextToken` for the next page; `undefined` on the last. */
  nextToken: string | undefined;
}

/** Result of `point/add`: the new point (chunk) id. */
export interface AddPointResult extends Meta {
  pointId: string | undefined;
  chunkId: number | undefined;
  docId: string | undefined;
  collectionName: string | undefined;
  project: string | undefined;
  resourceId: string | undefined;
  raw: Record<string, unknown>;
}

/** A page of points. `count` and `totalNum` are read from `data`, else from the envelope. */
export interface PointList extends Meta {
  items: PointInfo[];
  count: number | undefined;
  totalNum: number | undefined;
  raw: Record<string, unknown>;
}

/** `collection/search`. */
export interface CollectionSearchResult extends Meta {
  items: PointInfo[];
  raw: Record<string, unknown>;
}

/** `collection/search_knowledge`. */
export interface SearchKnowledgeResult extends Meta {
  items: PointInfo[];
  count: number | undefined;
  rewriteQuery: string | undefined;
  tokenUsage: Record<string, unknown>;
  raw: Record<string, unknown>;
}

/** Result of the knowledge `rerank`: one score per item, in the order sent. */
export interface KnowledgeRerankResult extends Meta {
  /** One per item, in the order sent. */
  scores: number[];
  tokenUsage: number | undefined;
  raw: Record<string, unknown>;
}

/** The answer of a non-streamed chat completion. */
export interface ChatCompletionResult extends Meta {
  generatedAnswer: string;
  reasoningContent: string | undefined;
  /** `usage` parsed (the service sends it as a JSON string). */
  usage: Record<string, unknown> | undefined;
  /** `usage` exactly as sent. */
  usageText: string | undefined;
  prompt: string | undefined;
  model: string | undefined;
  finishReason: string | undefined;
  totalTokens: unknown;
  raw: Record<string, unknown>;
}

/** The answer of a non-streamed service chat: references (retrieval services) and/or a generated answer. */
export interface ServiceChatResult extends Meta {
  generatedAnswer: string;
  reasoningContent: string | undefined;
  prompt: string | undefined;
  references: ServiceChatReference[];
  count: number | undefined;
  rewriteQuery: string | undefined;
  tokenUsage: unknown;
  end: boolean | undefined;
  raw: Record<string, unknown>;
}

/** What every streamed chunk has. */
export interface StreamChunkBase {
  /** The text delta of this chunk (`generated_answer`); `''` when it carries none. */
  generatedAnswer: string;
  /** The reasoning delta (`reasoning_content`); `''` when none. */
  reasoningContent: string;
  /** True on the chunk whose `data` has the `end` key (whatever its value): the stream ends after it. */
  isLast: boolean;
  /** The chunk's `data` exactly as sent (`{}` when it had none). */
  raw: Record<string, unknown>;
  /** The whole envelope exactly as sent (what `toReadableStream` re-sends). */
  envelope: Record<string, unknown>;
}

/** One chunk of a streamed chat completion. */
export interface ChatCompletionChunk extends StreamChunkBase {
  /** Usually on the last chunk, parsed from its JSON string. */
  usage: Record<string, unknown> | undefined;
  finishReason: string | undefined;
  model: string | undefined;
  prompt: string | undefined;
}

/** One chunk of a streamed service chat. */
export interface ServiceChatChunk extends StreamChunkBase {
  /** The references (`result_list`), on the chunk that carries them (usually the first); else `undefined`. */
  references: ServiceChatReference[] | undefined;
  prompt: string | undefined;
  count: number | undefined;
  rewriteQuery: string | undefined;
  tokenUsage: unknown;
  /** The value of `data.end` when it is a boolean. */
  end: boolean | undefined;
}
