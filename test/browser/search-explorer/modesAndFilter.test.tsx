import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { loadSearchExplorerMessages, type ExplorerQuery } from '../../../src/components/search-explorer/index';
import { explorer, resultRows, statusCount, waitForRows } from './explorerQueries';
import { renderExplorer } from './renderExplorer';
import { createVikingHandlers } from '../../../src/msw/index';

afterEach(() => cleanup());

const modeButton = (name: string) => within(explorer()).getByRole('button', { name });
const pressed = (name: string) => modeButton(name).getAttribute('aria-pressed');

describe('SearchExplorer modes', () => {
  it('shows the inputs of each mode, and random runs at once', async () => {
    renderExplorer();
    expect(pressed('Text')).toBe('true');
    expect(screen.queryByRole('searchbox', { name: 'Text query' })).not.toBeNull();

    await userEvent.click(modeButton('Vector'));
    expect(pressed('Vector')).toBe('true');
    expect(pressed('Text')).toBe('false');
    const vector = screen.getByRole('textbox', { name: 'Query vector' });
    await userEvent.fill(vector, 'a, b');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not a vector: give numbers separated by commas or spaces.',
    );
    expect(vector.getAttribute('aria-invalid')).toBe('true');

    await userEvent.click(modeButton('Keywords'));
    expect(screen.queryByRole('searchbox', { name: 'Keywords' })).not.toBeNull();
    await userEvent.click(modeButton('Sort by field'));
    expect(screen.queryByRole('combobox', { name: 'Field' })).not.toBeNull();
    expect(statusCount()).toBeUndefined();

    await userEvent.click(modeButton('Random'));
    await waitFor(() => expect(statusCount()).toBe('20 results'), { timeout: 10_000 });

    // Switching back keeps what was typed in each mode.
    await userEvent.click(modeButton('Vector'));
    expect((screen.getByRole('textbox', { name: 'Query vector' }) as HTMLTextAreaElement).value).toBe('a, b');
  });

  it('searches by keywords', async () => {
    renderExplorer();
    await userEvent.click(modeButton('Keywords'));
    await userEvent.fill(screen.getByRole('searchbox', { name: 'Keywords' }), 'coffee');
    await userEvent.keyboard('{Enter}');
    const rows = await waitForRows();
    expect(rows[0]?.textContent).toMatch(/coffee/i);
  });

  it('reads the deprecated mode "text" of an initial query as multiModal, and reports multiModal', async () => {
    const onSearch = vi.fn<(query: ExplorerQuery) => void>();
    renderExplorer({ initialQuery: { mode: 'text', text: 'green tea' }, searchOnMount: true, onSearch });
    expect(pressed('Text')).toBe('true');
    expect((screen.getByRole('searchbox', { name: 'Text query' }) as HTMLInputElement).value).toBe('green tea');
    await waitForRows();
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenLastCalledWith(expect.objectContaining({ mode: 'multiModal', text: 'green tea' }));
  });
});

describe('SearchExplorer while idle', () => {
  it('sends no search before Search (only the schema probe), and none at all when given the fields', async () => {
    const paths: string[] = [];
    const recording = () => [
      http.all('*', ({ request }) => void paths.push(new URL(request.url).pathname)),
      ...createVikingHandlers({ seed: 'demo' }),
    ];
    renderExplorer({}, recording());
    await userEvent.click(modeButton('Sort by field'));
    await waitFor(() => expect(paths).toEqual(['/api/vikingdb/data/search/random']));
    await userEvent.click(modeButton('Text'));
    await userEvent.fill(screen.getByRole('searchbox', { name: 'Text query' }), 'tea');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(paths).toEqual(['/api/vikingdb/data/search/random']);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(paths).toContain('/api/vikingdb/data/search/multi_modal'));
    cleanup();

    paths.length = 0;
    renderExplorer({ fields: [{ name: 'id', type: 'int64' }] }, recording());
    await userEvent.fill(screen.getByRole('searchbox', { name: 'Text query' }), 'tea');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(paths).toEqual([]);
  });
});

describe('SearchExplorer filter builder', () => {
  it('filters by a built condition, shows it as JSON, and keeps invalid JSON out of the search', async () => {
    renderExplorer({ initialQuery: { mode: 'multiModal', text: 'tea' }, searchOnMount: true, filterDebounceMs: 0 });
    await waitForRows();
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'lang');
    await userEvent.fill(screen.getByRole('textbox', { name: 'Values' }), 'zh');
    await waitFor(
      () => {
        const rows = resultRows();
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row.textContent).toContain('lang zh');
      },
      { timeout: 10_000 },
    );
    expect(screen.getByRole('button', { name: /^Filter/ }).textContent).toContain('1 active');

    await userEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const raw = screen.getByRole('textbox', { name: 'Filter DSL as JSON' }) as HTMLTextAreaElement;
    expect(JSON.parse(raw.value)).toEqual({ op: 'must', field: 'lang', conds: ['zh'] });

    await userEvent.fill(raw, '{ "op": "must", "field": ');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Invalid filter: /);
    // The builder cannot show invalid JSON: the view stays, with a notice, and the JSON typed is kept.
    await userEvent.click(screen.getByRole('button', { name: 'Builder' }));
    await screen.findByText('This filter cannot be shown in the builder; edit it as JSON.');
    expect(raw.value).toBe('{ "op": "must", "field": ');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    await waitFor(() => expect(resultRows().some((row) => row.textContent?.includes('lang en'))).toBe(true), {
      timeout: 10_000,
    });
  });

  it('says the filter matches nothing (empty state)', async () => {
    renderExplorer({
      initialQuery: { mode: 'multiModal', text: 'tea' },
      searchOnMount: true,
      initialFilter: { op: 'must', field: 'lang', conds: ['xx'] },
      filterDebounceMs: 0,
    });
    await screen.findByText('No results', {}, { timeout: 10_000 });
    expect(explorer().textContent).toContain('No row matches the filter. Loosen or clear it.');
  });
});

describe('SearchExplorer errors', () => {
  it('shows the error with its hint, and retries', async () => {
    renderExplorer({ collection: 'nope', index: 'nope_index', initialQuery: { mode: 'random' }, searchOnMount: true });
    await screen.findByText('The request failed', {}, { timeout: 10_000 });
    expect(explorer().textContent).toContain('What to do');
    expect(explorer().textContent).toMatch(/collection_name/);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeNull();
  });
});

describe('SearchExplorer in Chinese', () => {
  it('renders zh-CN strings, with messages replacing any of them', async () => {
    // Loaded first, as a page would before rendering (otherwise the explorer shows its skeleton until it arrives).
    await loadSearchExplorerMessages('zh-CN');
    renderExplorer({
      locale: 'zh-CN',
      messages: { 'query.submit': '搜一下' },
      initialQuery: { mode: 'multiModal', text: '咖啡' },
      searchOnMount: true,
    });
    const region = await screen.findByRole('region', { name: '检索浏览器' }, { timeout: 10_000 });
    expect(within(region).getByRole('button', { name: '文本' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(region).queryByRole('button', { name: '搜一下' })).not.toBeNull();
    await within(region).findByRole('list', { name: '检索结果' }, { timeout: 10_000 });
    expect(region.textContent).not.toMatch(/Search explorer|Results|Load more/);
  });
});
