import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import type { ReactElement } from 'react';
import { createVikingClient, headerAuth } from '../../src/client/index';
import { VikingProvider } from '../../src/hooks/index';
import { handlersFetch } from './handlersFetch';

/** Options of {@link renderOnEngine}. */
export interface RenderOnEngineOptions {
  /** The client's base URL. Default `http://engine.test`. */
  baseUrl?: string;
  /** Sees every request the client sends (see {@link handlersFetch}). Default: none. */
  onRequest?: (request: Request) => void | Promise<void>;
}

/**
 * Renders `element` inside a `VikingProvider` and a `QueryClientProvider` (no query retries) over a client whose
 * `fetch` answers from `handlers` directly (no service worker), as every component's browser tests do.
 */
export function renderOnEngine(
  element: ReactElement,
  handlers: readonly RequestHandler[],
  options: RenderOnEngineOptions = {},
) {
  const client = createVikingClient({
    baseUrl: options.baseUrl ?? 'http://engine.test',
    auth: headerAuth({}),
    retry: { maxRetries: 0 },
    fetch: handlersFetch(handlers, options.onRequest),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <VikingProvider client={client}>{element}</VikingProvider>
    </QueryClientProvider>,
  );
  return { ...view, client, queryClient };
}
