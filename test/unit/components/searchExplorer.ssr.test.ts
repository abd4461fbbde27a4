import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { apiKey, createVikingClient } from '../../../src/client/index.node';
import { loadSearchExplorerMessages, SearchExplorer } from '../../../src/components';
import { VikingProvider } from '../../../src/hooks';

describe('SearchExplorer on a server', () => {
  it('renders to a string with no window (idle state, every mode switch, labelled)', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const client = createVikingClient({ baseUrl: 'http://127.0.0.1:1', auth: apiKey('k') });
    const render = () =>
      renderToString(
        createElement(
          QueryClientProvider,
          { client: new QueryClient() },
          createElement(
            VikingProvider,
            { client },
            createElement(SearchExplorer, { collection: 'demo_docs', index: 'demo_docs_index', locale: 'zh-CN' }),
          ),
        ),
      );
    // Before zh-CN has loaded: the skeleton, and no English string in its place.
    const loading = render();
    expect(loading).toContain('vdb-skeleton');
    expect(loading).not.toContain('Search explorer');
    expect(loading).not.toContain('Loading');
    // Loaded once (as a server would before rendering): the Chinese strings at once.
    await loadSearchExplorerMessages('zh-CN');
    const html = render();
    expect(html).not.toContain('vdb-skeleton');
    expect(html).toContain('aria-label="检索浏览器"');
    expect(html).toContain('尚未检索');
    expect(html).toContain('role="search"');
  });
});
