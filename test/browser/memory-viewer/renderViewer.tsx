import type { RequestHandler } from 'msw';
import { MemoryViewer, type MemoryViewerProps } from '../../../src/components/memory-viewer/index';
import '../../../src/components/styles.css';
import { createVikingHandlers } from '../../../src/msw/index';
import { renderOnEngine } from '../../support/renderOnEngine';

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
  return renderOnEngine(
    <MemoryViewer collection="demo_memory" sessionIds={DEMO_SESSIONS} timeZone="UTC" undoMs={60_000} {...props} />,
    handlers,
  );
}
