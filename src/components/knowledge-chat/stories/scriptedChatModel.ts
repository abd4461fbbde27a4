import type { ChatModel, ChatModelEvent } from '../../../msw/index';

/** Options of {@link scriptedChatModel}. */
export interface ScriptedChatModelOptions {
  /** Milliseconds before each delta. Default 0. */
  delayMs?: number | undefined;
  /** Reasoning deltas streamed before the answer. Default none. */
  reasoning?: readonly string[] | undefined;
}

/** What a scripted model recorded of one request. */
export interface ScriptedRequest {
  messages: Parameters<ChatModel['stream']>[0]['messages'];
  /** Whether the request's signal has aborted (the chat stopped it). */
  aborted(): boolean;
}

/**
 * A chat model for stories, tests and benches on the MSW engine: streams `deltas` (after any `reasoning`), one every
 * `delayMs`, then a usage event; stops as soon as its request's signal aborts. Records every request.
 */
export function scriptedChatModel(
  deltas: readonly string[],
  options: ScriptedChatModelOptions = {},
): ChatModel & { requests: ScriptedRequest[] } {
  const requests: ScriptedRequest[] = [];
  const delayMs = options.delayMs ?? 0;
  const wait = () => new Promise<void>((resolve) => setTimeout(resolve, delayMs));
  return {
    kind: 'llm',
    name: 'scripted',
    requests,
    async *stream(request): AsyncIterable<ChatModelEvent> {
      requests.push({ messages: request.messages, aborted: () => request.signal?.aborted === true });
      for (const [type, list] of [
        ['reasoning', options.reasoning ?? []],
        ['content', deltas],
      ] as const) {
        for (const text of list) {
          if (delayMs > 0) await wait();
          if (request.signal?.aborted) return;
          yield { type, text };
        }
      }
      const completionTokens = deltas.length;
      yield { type: 'usage', usage: { promptTokens: 420, completionTokens, totalTokens: 420 + completionTokens } };
    },
  };
}
