/**
 * The seam between the knowledge engine and whatever writes answers: the built-in extractive model (offline,
 * deterministic, quotes retrieved chunks) or an OpenAI-compatible chat server given by config/flags. The engine's
 * `chat/completions`, `service/chat` and query rewrite call only this interface.
 */

/** One chat message as the model sees it. */
export interface ChatModelMessage {
  role: 'system' | 'user' | 'assistant' | (string & {});
  content: string;
}

/** A retrieved chunk the engine put into the prompt, numbered as the answer should cite it (`[1]`, `[2]`, …). */
export interface ChatContextChunk {
  /** 1-based reference number. */
  index: number;
  title?: string | undefined;
  content: string;
}

/** One call to the model. */
export interface ChatModelRequest {
  /** Model name as requested by the caller; a backend may use its own configured model instead. */
  model?: string | undefined;
  messages: readonly ChatModelMessage[];
  /** Retrieved chunks, when the engine did the retrieval (service chat). LLM backends ignore it: the chunks are already in `messages` through the prompt template. Default: none. */
  context?: readonly ChatContextChunk[] | undefined;
  maxTokens?: number | undefined;
  temperature?: number | undefined;
  /** Aborted when the caller goes away; the backend must stop and abort its upstream request. */
  signal?: AbortSignal | undefined;
}

/** Token counts of one answer. */
export interface ChatModelUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** What a model streams: text deltas, reasoning deltas, and (once, last) the usage. */
export type ChatModelEvent =
  | { type: 'content'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; usage: ChatModelUsage };

/** A chat model. */
export interface ChatModel {
  /** `extractive` for the built-in offline model, `llm` for a real language model (enables query rewrite). */
  readonly kind: 'extractive' | 'llm';
  /** The name answers report in `model` (the extractive model says that it is the local extractive model). */
  readonly name: string;
  /** Streams one answer. Throws (or the iterator throws) on a backend failure; stops when `request.signal` aborts. */
  stream(request: ChatModelRequest): AsyncIterable<ChatModelEvent>;
}
