import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import { KnowledgeBase, type KnowledgeBaseProps } from '../../../src/components/knowledge-base/index';
import '../../../src/components/primitives/base.css';
import '../../../src/components/knowledge-base/knowledge-base.css';
import { VikingProvider } from '../../../src/hooks/index';
import { createVikingHandlers } from '../../../src/msw/index';
import { handlersFetch } from '../../support/handlersFetch';

/**
 * Renders `<KnowledgeBase>` over a client whose `fetch` answers from MSW handlers directly (no service worker):
 * by default the local engine with the demo knowledge base `demo_kb`.
 */
export function renderKnowledgeBase(
  props: Partial<KnowledgeBaseProps> = {},
  handlers: RequestHandler[] = createVikingHandlers({ seed: 'demo' }),
) {
  const requests: Array<{ path: string; body: Record<string, unknown> }> = [];
  const client = createVikingClient({
    baseUrl: 'http://engine.test',
    auth: headerAuth({}),
    retry: { maxRetries: 0 },
    fetch: handlersFetch(handlers, async (request) => {
      requests.push({
        path: new URL(request.url).pathname,
        body: (await request
          .clone()
          .json()
          .catch(() => ({}))) as Record<string, unknown>,
      });
    }),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <VikingProvider client={client}>
        <KnowledgeBase collection="demo_kb" timeZone="UTC" pollMs={100} undoMs={60_000} {...props} />
      </VikingProvider>
    </QueryClientProvider>,
  );
  return { ...view, client, queryClient, requests };
}
