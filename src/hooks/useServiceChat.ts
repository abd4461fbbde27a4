import type { ServiceChatParams } from '../client';
import { useStreamingChat, type ChatMessage, type StreamingChat } from './useStreamingChat';
import { useVikingClient } from './VikingProvider';

/** The service-chat parameters besides the conversation (which the hook keeps), plus its first messages. */
export type ServiceChatInput = Omit<ServiceChatParams, 'messages' | 'stream'> & {
  /** The conversation to start from. Default: `[]`. */
  initialMessages?: readonly ChatMessage[] | undefined;
};

/**
 * A streamed chat with a published knowledge service (`service/chat`): like {@link useChatCompletion}, plus the
 * turn's `references` (the retrieved chunks, for citations).
 *
 * @example
 * const chat = useServiceChat({ serviceResourceId: 'kb-service-…' });
 * chat.send('What changed in Q3?'); // chat.answer grows; chat.references lists the sources
 */
export function useServiceChat(input: ServiceChatInput): StreamingChat {
  const client = useVikingClient();
  const { initialMessages, ...params } = input;
  return useStreamingChat(
    (messages, signal) => client.knowledge.serviceChat({ ...params, messages, stream: true }, { signal }),
    initialMessages,
  );
}
