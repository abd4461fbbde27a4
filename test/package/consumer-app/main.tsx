/**
 * A fresh Vite + React app that uses the kit only through its published subpaths (copied into a temp folder next to
 * the installed tarball by consumer.package.test.ts): both components, each from its own entry with its own
 * stylesheet, against the MSW engine in a service worker; one explorer in Chinese (its strings load on demand).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupWorker } from 'msw/browser';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiKey, createVikingClient, none } from 'vikingdb-kit/client';
import { MemoryViewer } from 'vikingdb-kit/components/memory-viewer';
import 'vikingdb-kit/components/memory-viewer.css';
import { SearchExplorer } from 'vikingdb-kit/components/search-explorer';
import 'vikingdb-kit/components/search-explorer.css';
import { VikingProvider } from 'vikingdb-kit/hooks';
import { createVikingHandlers } from 'vikingdb-kit/msw';

/** Nothing listens here: the service worker answers with the local engine, seeded with the demo data. */
const BASE_URL = 'https://vikingdb.consumer.local';

async function main(): Promise<void> {
  const worker = setupWorker(...createVikingHandlers({ seed: 'demo', baseUrl: BASE_URL }));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });

  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = createVikingClient({ baseUrl: BASE_URL, auth: apiKey('consumer-key'), retry: none() });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <VikingProvider client={client}>
          <section id="explorer" aria-label="Search explorer">
            <SearchExplorer collection="demo_docs" index="demo_docs_index" />
          </section>
          <section id="explorer-zh" aria-label="Search explorer in Chinese">
            <SearchExplorer collection="demo_docs" index="demo_docs_index" locale="zh-CN" />
          </section>
          <section id="memory" aria-label="Memory viewer">
            <MemoryViewer
              collection="demo_memory"
              sessionIds={['demo_session_1']}
              eventTypes={['event_v1']}
              profileTypes={['profile_v1']}
              initialTab="search"
            />
          </section>
        </VikingProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  document.body.dataset['ready'] = 'true';
}

main().catch((error: unknown) => {
  document.body.dataset['error'] = String(error);
  throw error;
});
