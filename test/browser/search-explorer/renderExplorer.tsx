import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import { SearchExplorer, type SearchExplorerProps } from '../../../src/components/search-explorer/index';
import '../../../src/components/styles.css';
import { VikingProvider } from '../../../src/hooks/index';
import { createVikingHandlers } from '../../../src/msw/index';
import { handlersFetch } from '../../support/handlersFetch';

/**
 * Renders `<SearchExplorer>` on the demo collection over a client whose `fetch` answers from MSW handlers directly
 * (no service worker): by default the local engine seeded with the demo dataset.
 */
export function renderExplorer(
  props: Partial<SearchExplorerProps> = {},
  handlers: RequestHandler[] = createVikingHandlers({ seed: 'demo' }),
  baseUrl = 'http://engine.test',
) {
  const client = createVikingClient({
    baseUrl,
    auth: headerAuth({}),
    retry: { maxRetries: 0 },
    fetch: handlersFetch(handlers),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <VikingProvider client={client}>
        <SearchExplorer collection="demo_docs" index="demo_docs_index" undoMs={60_000} {...props} />
      </VikingProvider>
    </QueryClientProvider>,
  );
  return { ...view, client, queryClient };
}
