import type { RequestHandler } from 'msw';
import { SearchExplorer, type SearchExplorerProps } from '../../../src/components/search-explorer/index';
import '../../../src/components/styles.css';
import { createVikingHandlers } from '../../../src/msw/index';
import { renderOnEngine } from '../../support/renderOnEngine';

/**
 * Renders `<SearchExplorer>` on the demo collection over a client whose `fetch` answers from MSW handlers directly
 * (no service worker): by default the local engine seeded with the demo dataset.
 */
export function renderExplorer(
  props: Partial<SearchExplorerProps> = {},
  handlers: RequestHandler[] = createVikingHandlers({ seed: 'demo' }),
  baseUrl = 'http://engine.test',
) {
  return renderOnEngine(
    <SearchExplorer collection="demo_docs" index="demo_docs_index" undoMs={60_000} {...props} />,
    handlers,
    { baseUrl },
  );
}
