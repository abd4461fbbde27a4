import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import type { ReactNode } from 'react';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import '../../../src/components/styles.css';
import { createVikingHandlers } from '../../../src/msw/index';
import '../../../playground/src/playground.css';
import { createActivityLog } from '../../../playground/src/activity/activityLog';
import type { Backend, BackendKind } from '../../../playground/src/connection/backend';
import { BackendProvider } from '../../../playground/src/connection/BackendContext';
import { handlersFetch } from '../../support/handlersFetch';

/**
 * Renders a playground page over a client whose `fetch` answers from MSW handlers directly (no service worker, no
 * server): by default the local engine seeded with the demo dataset. Every request is recorded in `activity`.
 */
export function renderPage(
  page: ReactNode,
  {
    handlers = createVikingHandlers({ seed: 'demo' }),
    kind = 'local',
    baseUrl = 'http://127.0.0.1:8329',
  }: { handlers?: RequestHandler[]; kind?: BackendKind; baseUrl?: string } = {},
) {
  // As playground/index.html: the chrome takes the kit's tokens from class vdb-theme on <html>.
  document.documentElement.classList.add('vdb-theme');
  const activity = createActivityLog();
  const client = createVikingClient({
    baseUrl,
    auth: headerAuth({}),
    retry: { maxRetries: 0 },
    onRequestEnd: activity.record,
    fetch: handlersFetch(handlers),
  });
  const backend: Backend = { kind, client, host: baseUrl, region: 'local' };
  const view = render(
    <BackendProvider kind={kind} activity={activity} backend={backend}>
      {page}
    </BackendProvider>,
  );
  return { ...view, activity, client };
}
