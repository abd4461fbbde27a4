import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { getResponse, type RequestHandler } from 'msw';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import { KnowledgeChat, type KnowledgeChatProps } from '../../../src/components/knowledge-chat/index';
import '../../../src/components/primitives/base.css';
import '../../../src/components/knowledge-chat/knowledge-chat.css';
import { VikingProvider } from '../../../src/hooks/index';
import type { ChatModel, ChatModelEvent } from '../../../src/server/local/llm/ChatModel';
import { createVikingHandlers } from '../../../src/msw/index';

/**
 * A chat model that streams `deltas` one every `delayMs` (then usage), stopping when its request is aborted; records
 * each request and whether it was aborted.
 */
export function scriptedModel(
  deltas: readonly string[],
  options: { delayMs?: number; reasoning?: readonly string[] } = {},
): ChatModel & { requests: Array<{ aborted: () => boolean; messages: unknown }> } {
  const requests: Array<{ aborted: () => boolean; messages: unknown }> = [];
  return {
    kind: 'llm',
    name: 'scripted',
    requests,
    async *stream(request): AsyncIterable<ChatModelEvent> {
      requests.push({ aborted: () => request.signal?.aborted === true, messages: request.messages });
      const wait = () => new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      for (const text of options.reasoning ?? []) {
        if (request.signal?.aborted) return;
        await wait();
        yield { type: 'reasoning', text };
      }
      for (const text of deltas) {
        if (request.signal?.aborted) return;
        await wait();
        yield { type: 'content', text };
      }
      yield {
        type: 'usage',
        usage: { promptTokens: 100, completionTokens: deltas.length, totalTokens: 100 + deltas.length },
      };
    },
  };
}

/**
 * Renders `<KnowledgeChat>` (default: the demo knowledge service) over a client whose `fetch` answers from MSW
 * handlers directly (no service worker): the local engine seeded with the demo dataset.
 */
export function renderChat(
  props: Partial<KnowledgeChatProps> = {},
  handlers: RequestHandler[] = createVikingHandlers({ seed: 'demo' }),
) {
  const client = createVikingClient({
    baseUrl: 'http://engine.test',
    auth: headerAuth({}),
    retry: { maxRetries: 0 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const response = await getResponse(handlers, request);
      if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
      return response;
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <VikingProvider client={client}>
        <KnowledgeChat service="demo_kb_service" {...props} />
      </VikingProvider>
    </QueryClientProvider>,
  );
  return { ...view, client };
}
