import type { RequestHandler } from 'msw';
import { KnowledgeChat, type KnowledgeChatProps } from '../../../src/components/knowledge-chat/index';
import '../../../src/components/primitives/base.css';
import '../../../src/components/knowledge-chat/knowledge-chat.css';
import { createVikingHandlers } from '../../../src/msw/index';
import { renderOnEngine } from '../../support/renderOnEngine';

/**
 * Renders `<KnowledgeChat>` (default: the demo knowledge service) over a client whose `fetch` answers from MSW
 * handlers directly (no service worker): the local engine seeded with the demo dataset.
 */
export function renderChat(
  props: Partial<KnowledgeChatProps> = {},
  handlers: RequestHandler[] = createVikingHandlers({ seed: 'demo' }),
) {
  return renderOnEngine(<KnowledgeChat service="demo_kb_service" {...props} />, handlers);
}
