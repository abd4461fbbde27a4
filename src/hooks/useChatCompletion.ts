import type { ChatCompletionParams } from '../client';
import { useStreamingChat, type ChatMessage, type StreamingChat } from './useStreamingChat';
import { useVikingClient } from './VikingProvider';

/** The chat-completion parameters besides the conversation (which the hook keeps), plus its first messages. */
export type ChatCompletionInput = Omit<ChatCompletionParams, 'messages' | 'stream'> & {
  /** The conversation to start from (e.g. a system prompt). Default: `[]`. */
  initialMessages?: readonly ChatMessage[] | undefined;
};

/**
 * A streamed chat with `chat/completions`: `send(text)` adds a user turn and streams the model's answer into
 * `answer` (and `reasoning`), batched per animation frame; `stop()`, `regenerate()`, `setMessages()`. The request
 * aborts on `stop()` and on unmount. Parameters are read when a turn starts.
 *
 * @example
 * const chat = useChatCompletion({ model: 'Doubao-1-5-pro-32k' });
 * chat.send('What changed in Q3?');
 */
export function useChatCompletion(input: ChatCompletionInput): StreamingChat {
  const client = useVikingClient();
  const { initialMessages, ...params } = input;
  return useStreamingChat(
    (messages, signal) => client.knowledge.chatCompletion({ ...params, messages, stream: true }, { signal }),
    initialMessages,
  );
}
