/** A page that renders the MemoryViewer over the demo engine (no service worker), for screenshots. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { getResponse } from 'msw';
import { createRoot } from 'react-dom/client';
import { createVikingClient, headerAuth } from '../../../../src/client/index';
import '../../../../src/components/styles.css';
import { MemoryViewer, type MemoryViewerTab } from '../../../../src/components/memory-viewer/index';
import { VikingProvider } from '../../../../src/hooks/index';
import { createVikingHandlers } from '../../../../src/msw/index';

const params = new URLSearchParams(location.search);
const handlers = createVikingHandlers({ seed: 'demo' });
const client = createVikingClient({
  baseUrl: 'http://engine.test',
  auth: headerAuth({}),
  fetch: async (input, init) => (await getResponse(handlers, new Request(input, init))) ?? Response.error(),
});
if (params.get('theme') === 'dark') document.body.dataset['theme'] = 'dark';

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <VikingProvider client={client}>
      <MemoryViewer
        collection="demo_memory"
        sessionIds={['demo_session_3', 'demo_session_2', 'demo_session_1']}
        eventTypes={['event_v1', 'meeting_summary']}
        locale={params.get('locale') === 'zh-CN' ? 'zh-CN' : 'en'}
        initialTab={(params.get('tab') ?? 'sessions') as MemoryViewerTab}
        timeZone="UTC"
      />
    </VikingProvider>
  </QueryClientProvider>,
);
