import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import { KnowledgeChat, type KnowledgeChatProps } from '../../../src/components/knowledge-chat/index';
import '../../../src/components/primitives/base.css';
import '../../../src/components/knowledge-chat/knowledge-chat.css';
import { VikingProvider } from '../../../src/hooks/index';
import { createVikingHandlers } from '../../../src/msw/index';
import { handlersFetch } from '../../support/handlersFetch';

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
    fetch: handlersFetch(handlers),
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
