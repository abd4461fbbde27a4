import type {
  ChatCompletionParams,
  KnowledgeLocator,
  PointInfo,
  SearchKnowledgeParams,
  ServiceChatParams,
} from '../../client/index';

/** A retrieved chunk an answer may cite, numbered as the answer cites it (`[1]` is `number` 1). */
export interface KnowledgeChatCitation {
  /** 1-based, in the order the chunks were retrieved (the order the prompt lists them); never changes. */
  number: number;
  /** The chunk, its document (`docInfo`) and its scores. */
  reference: PointInfo;
}

/** Token counts of an answer, as the service reported them. */
export interface KnowledgeChatUsage {
  promptTokens: number | undefined;
  completionTokens: number | undefined;
  totalTokens: number | undefined;
}

/**
 * Where a turn is: `retrieving` before the first chunk (the search, or the service's retrieval), `streaming` while the
 * answer arrives, `done`, `stopped` (by `stop()`; what arrived is kept) or `error` (see `error`).
 */
export type KnowledgeChatTurnStatus = 'retrieving' | 'streaming' | 'done' | 'stopped' | 'error';

/** One question and its answer. */
export interface KnowledgeChatTurn {
  /** Stable while the turn lives (a regenerated answer keeps it). */
  id: string;
  question: string;
  /** Markdown, growing while `status` is `streaming`. */
  answer: string;
  /** The model's reasoning (`reasoning_content`), `''` when it sent none. */
  reasoning: string;
  /** The chunks the answer may cite, numbered; set before the answer's first word and never renumbered. */
  citations: KnowledgeChatCitation[];
  usage: KnowledgeChatUsage | undefined;
  status: KnowledgeChatTurnStatus;
  /** Why the turn failed (`status` `error`): the client's typed error. */
  error: unknown;
  /** Milliseconds from sending to the first chunk of text or reasoning. */
  firstChunkMs: number | undefined;
  /** Milliseconds from sending to the end of the answer. */
  totalMs: number | undefined;
}

/** Options of {@link useKnowledgeChat} (and props of `KnowledgeChat`). */
export interface UseKnowledgeChatOptions {
  /**
   * A published knowledge service (`service_resource_id`): questions go to `service/chat`, which retrieves and
   * answers. Takes precedence over `collection` + `model`. Default: none.
   */
  service?: string | undefined;
  /** The knowledge base to search (with `model`): `search_knowledge`, then `chat/completions`. Default: none. */
  collection?: KnowledgeLocator | undefined;
  /** The chat model of `chat/completions` (a model name or endpoint id), with `collection`. Default: none. */
  model?: string | undefined;
  /** Extra `search_knowledge` parameters (collection mode). Default: `{ limit: 5 }`. */
  retrieval?: Omit<SearchKnowledgeParams, 'query'> | undefined;
  /** Extra `chat/completions` parameters (collection mode), e.g. `temperature`, `thinking`. Default: none. */
  chatParams?: Omit<ChatCompletionParams, 'model' | 'messages' | 'stream'> | undefined;
  /** `query_param` of `service/chat` (e.g. a `docFilter`). Default: none. */
  queryParam?: ServiceChatParams['queryParam'];
  /**
   * The instructions put before the retrieved chunks (collection mode). Default: answer only from the numbered
   * references and cite them as `[n]`.
   */
  systemPrompt?: string | undefined;
  /** Questions offered while the conversation is empty. Default: none. */
  suggestedQuestions?: readonly string[] | undefined;
  /** Called by a citation's "open in knowledge base" action; without it the action is not shown. Default: none. */
  onOpenDocument?: ((docId: string, pointId: string | undefined) => void) | undefined;
}
