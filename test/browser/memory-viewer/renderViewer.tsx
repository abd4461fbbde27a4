import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import { MemoryViewer, type MemoryViewerProps } from '../../../src/components/memory-viewer/index';
import '../../../src/components/styles.css';
import { VikingProvider } from '../../../src/hooks/index';
import { createVikingHandlers } from '../../../src/msw/index';
import { handlersFetch } from '../../support/handlersFetch';

/** The demo sessions the seed adds (the API cannot list them). */
export const DEMO_SESSIONS = ['demo_session_3', 'demo_session_2', 'demo_session_1'];

/**
 * Renders `<MemoryViewer>` over a client whose `fetch` answers from MSW handlers directly (no service worker):
 * by default the local engine seeded with the demo dataset.
 */
export function renderViewer(
  props: Partial<MemoryViewerProps> = {},
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
        <MemoryViewer collection="demo_memory" sessionIds={DEMO_SESSIONS} timeZone="UTC" undoMs={60_000} {...props} />
      </VikingProvider>
    </QueryClientProvider>,
  );
  return { ...view, client, queryClient };
}
