import type { RequestHandler } from 'msw';
import { KnowledgeBase, type KnowledgeBaseProps } from '../../../src/components/knowledge-base/index';
import '../../../src/components/primitives/base.css';
import '../../../src/components/knowledge-base/knowledge-base.css';
import { createVikingHandlers } from '../../../src/msw/index';
import { renderOnEngine } from '../../support/renderOnEngine';

/**
 * Renders `<KnowledgeBase>` over a client whose `fetch` answers from MSW handlers directly (no service worker):
 * by default the local engine with the demo knowledge base `demo_kb`.
 */
export function renderKnowledgeBase(
  props: Partial<KnowledgeBaseProps> = {},
  handlers: RequestHandler[] = createVikingHandlers({ seed: 'demo' }),
) {
  const requests: Array<{ path: string; body: Record<string, unknown> }> = [];
  const view = renderOnEngine(
    <KnowledgeBase collection="demo_kb" timeZone="UTC" pollMs={100} undoMs={60_000} {...props} />,
    handlers,
    {
      async onRequest(request) {
        requests.push({
          path: new URL(request.url).pathname,
          body: (await request
            .clone()
            .json()
            .catch(() => ({}))) as Record<string, unknown>,
        });
      },
    },
  );
  return { ...view, requests };
}
