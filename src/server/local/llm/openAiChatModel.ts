/**
 * A {@link ChatModel} backed by an OpenAI-compatible `/v1/chat/completions` server (Ollama, vLLM, LM Studio,
 * Volcengine Ark…), always streamed (`stream: true`, `stream_options.include_usage`), its server-sent events parsed
 * with `eventsource-parser`:
 *
 * - `choices[0].delta.content` → `content` events; `delta.reasoning_content` (DeepSeek, Ark, vLLM) and
 *   `delta.reasoning` (Ollama, OpenRouter) → `reasoning` events;
 * - the `usage` object (on the last chunk, or any chunk) → one `usage` event, last, when the server sent one;
 * - `data: [DONE]` (or EOF after a `finish_reason`) ends the answer; EOF before either, an `error` event or a
 *   non-JSON chunk throw an error naming the URL.
 *
 * The configured model is always the one asked for (the caller's `model`, e.g. a Doubao name, means nothing to a
 * local server). When `request.signal` aborts, or the consumer stops iterating, the upstream request is aborted (its
 * connection closed) and the iterator ends without an error. `timeoutMs` bounds the wait for the answer and then each
 * gap between two chunks, so a long but steady answer is never cut.
 */
import { createParser } from 'eventsource-parser';
import {
  backendUnavailable,
  fetchFailureText,
  openAiEndpointUrl,
  openAiHeaders,
  quote,
  upstreamErrorText,
} from '../openai/openAiEndpoint';
import type { ChatModel, ChatModelEvent, ChatModelRequest, ChatModelUsage } from './ChatModel';

/** Milliseconds to wait for the answer, then for each next chunk: 120 000 (reasoning models think before writing). */
export const DEFAULT_CHAT_TIMEOUT_MS = 120_000;

/** Options of {@link createOpenAiChatModel}. */
export interface OpenAiChatModelOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:11434/v1` (a bare host gets `/v1`; see `openAiEndpointUrl`). */
  url: string;
  /** Model name the server knows, e.g. `qwen3:4b`. Also the `name` answers report. */
  model: string;
  /** Sent as `Authorization: Bearer`. Default: none. */
  apiKey?: string | undefined;
  /** See the module comment. Default: 120000 (`DEFAULT_CHAT_TIMEOUT_MS`). */
  timeoutMs?: number | undefined;
  /** The `fetch` to use. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** The chat model plus where it sends requests. */
export interface OpenAiChatModel extends ChatModel {
  readonly kind: 'llm';
  /** The resolved `/chat/completions` URL. */
  readonly url: string;
}

interface StreamChunk {
  choices?: Array<{
    delta?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown };
    finish_reason?: unknown;
  }>;
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown } | null;
  error?: unknown;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function readUsage(usage: NonNullable<StreamChunk['usage']>): ChatModelUsage {
  const promptTokens = count(usage.prompt_tokens);
  const completionTokens = count(usage.completion_tokens);
  const total = count(usage.total_tokens);
  return { promptTokens, completionTokens, totalTokens: total || promptTokens + completionTokens };
}

/** Creates the chat model (no request is sent until the first answer). @throws Error on a bad URL or empty model. */
export function createOpenAiChatModel(options: OpenAiChatModelOptions): OpenAiChatModel {
  const url = openAiEndpointUrl(options.url, 'chat/completions', 'llm url');
  const model = options.model;
  if (!model) throw new Error('an llm model name is required (e.g. qwen3:4b)');
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHAT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? fetch;
  const headers = openAiHeaders(options.apiKey, 'text/event-stream');
  const what = `chat server (model ${model})`;

  async function* stream(request: ChatModelRequest): AsyncGenerator<ChatModelEvent> {
    const callerSignal = request.signal;
    if (callerSignal?.aborted) return;
    const upstream = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        upstream.abort();
      }, timeoutMs);
    };
    const onAbort = () => upstream.abort();
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    // Settles every wait on the upstream once it is aborted: a body read after an abort may otherwise never settle.
    const aborted = new Promise<never>((_, reject) =>
      upstream.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
    );
    aborted.catch(() => undefined);
    const untilAborted = <T>(promise: Promise<T>) => Promise.race([promise, aborted]);
    const stopped = () => callerSignal?.aborted === true && !timedOut;
    const failed = (detail: string) => backendUnavailable(what, url, detail);
    let reader: ReadableStreamDefaultReader<string> | undefined;
    try {
      arm();
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            model,
            messages: request.messages.map(({ role, content }) => ({ role, content })),
            stream: true,
            stream_options: { include_usage: true },
            ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
            ...(request.temperature !== undefined && { temperature: request.temperature }),
          }),
          signal: upstream.signal,
        });
      } catch (error) {
        if (stopped()) return;
        throw failed(timedOut ? `no answer within ${timeoutMs} ms` : fetchFailureText(error, timeoutMs));
      }
      if (!response.ok || !response.body) {
        const text = await untilAborted(response.text()).catch(() => '');
        if (stopped()) return;
        throw failed(`HTTP ${response.status}: ${upstreamErrorText(text)}`);
      }

      const datas: string[] = [];
      const parser = createParser({ onEvent: (event) => datas.push(event.data) });
      reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let usage: ChatModelUsage | undefined;
      let finished = false;
      for (;;) {
        let chunk: ReadableStreamReadResult<string>;
        arm();
        try {
          chunk = await untilAborted(reader.read());
        } catch (error) {
          if (stopped()) return;
          throw failed(
            timedOut
              ? `no chunk within ${timeoutMs} ms (the stream stalled)`
              : `the stream broke: ${fetchFailureText(error, timeoutMs)}`,
          );
        }
        // The consumer's time between two pulls is not the server's: no clock while the events are handed over.
        clearTimeout(timer);
        if (chunk.done) break;
        parser.feed(chunk.value);
        let done = false;
        for (const data of datas.splice(0)) {
          if (data.trim() === '[DONE]') {
            done = true;
            break;
          }
          let parsed: StreamChunk;
          try {
            parsed = JSON.parse(data) as StreamChunk;
          } catch {
            throw failed(`a stream chunk is not JSON: ${quote(data)}`);
          }
          if (parsed.error !== undefined && parsed.error !== null)
            throw failed(`error in the stream: ${upstreamErrorText(JSON.stringify({ error: parsed.error }))}`);
          if (parsed.usage) usage = readUsage(parsed.usage);
          const choice = parsed.choices?.[0];
          if (!choice) continue;
          const delta = choice.delta ?? {};
          const reasoning = delta.reasoning_content ?? delta.reasoning;
          if (stopped()) return;
          if (typeof reasoning === 'string' && reasoning !== '') yield { type: 'reasoning', text: reasoning };
          if (stopped()) return;
          if (typeof delta.content === 'string' && delta.content !== '') yield { type: 'content', text: delta.content };
          if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') finished = true;
        }
        if (done) {
          finished = true;
          break;
        }
      }
      if (!finished) throw failed('the stream ended before the answer was finished (no finish_reason, no [DONE])');
      if (usage && !stopped()) yield { type: 'usage', usage };
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
      // Ends the upstream request when the answer is cut short (abort, error, or the consumer stopped iterating).
      upstream.abort();
      reader?.cancel().catch(() => undefined);
    }
  }

  return { kind: 'llm', name: model, url, stream };
}
