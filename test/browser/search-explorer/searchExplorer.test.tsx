import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderExplorer } from './renderExplorer';

afterEach(() => cleanup());

const explorer = () => screen.getByRole('region', { name: 'Search explorer' });
const statusCount = () => explorer().querySelector('.vdb-status__count')?.textContent;
const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((option) => (option as HTMLOptionElement).value)
    .filter(Boolean);

/** Waits until the explorer knows the index's fields (its schema probe answered). */
async function waitForSchema() {
  await userEvent.click(within(explorer()).getByRole('button', { name: 'Sort by field' }));
  const field = within(explorer()).getByRole('combobox', { name: 'Field' });
  await waitFor(() => expect(optionsOf(field).length).toBeGreaterThan(0));
  await userEvent.click(within(explorer()).getByRole('button', { name: 'Text' }));
}

describe('SearchExplorer limit', () => {
  it('searches with the limit the user typed, and Load more pages on from it', async () => {
    renderExplorer();
    await userEvent.fill(screen.getByRole('searchbox', { name: 'Text query' }), 'tea');
    const limit = screen.getByRole('spinbutton', { name: 'Limit' });
    await userEvent.fill(limit, '50');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(statusCount()).toBe('50 results'), { timeout: 10_000 });
    expect((limit as HTMLInputElement).value).toBe('50');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(statusCount()).toBe('100 results'), { timeout: 10_000 });

    // A new search starts again from the chosen limit, not from the rows "Load more" added.
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(statusCount()).toBe('50 results'), { timeout: 10_000 });
    expect((limit as HTMLInputElement).value).toBe('50');
  });
});

describe('SearchExplorer fields from the schema', () => {
  it('offers exactly the int64/float32 scalar fields of the index to sort by, the primary key included', async () => {
    renderExplorer();
    await userEvent.click(screen.getByRole('button', { name: 'Sort by field' }));
    const field = within(explorer()).getByRole('combobox', { name: 'Field' });
    await waitFor(() => expect(optionsOf(field)).toEqual(['id', 'year', 'rating', 'pos_x', 'pos_y']));
    await userEvent.selectOptions(field, 'id');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(statusCount()).toBe('20 results'), { timeout: 10_000 });
    expect(screen.queryByText('The request failed')).toBeNull();
    // Rows sorted by a field show that field's value, not a similarity score such as "2015.000".
    await userEvent.selectOptions(field, 'year');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(explorer().querySelector('.vdb-row__sort-value')?.textContent).toMatch(/^year \d{4}$/));
    expect(explorer().querySelector('.vdb-score__value')).toBeNull();
  });

  it('offers only filterable fields in the filter, with the operators that fit each type', async () => {
    renderExplorer();
    await waitForSchema();
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    const field = screen.getByRole('combobox', { name: 'Field' });
    const operator = screen.getByRole('combobox', { name: 'Operator' });
    // Only scalar fields of the index: no text body.
    expect(optionsOf(field)).toEqual(['id', 'title', 'lang', 'tags', 'year', 'rating', 'pos_x', 'pos_y', 'category']);
    await userEvent.selectOptions(field, 'lang');
    expect(optionsOf(operator)).toEqual(['must', 'must_not', 'geo']);
    // A float32 field is only ranged: choosing it switches "is one of" to "in range".
    await userEvent.selectOptions(field, 'rating');
    expect((operator as HTMLSelectElement).value).toBe('range');
    expect(optionsOf(operator)).toEqual(['range', 'range_out', 'geo']);
    await userEvent.selectOptions(field, 'year');
    expect(optionsOf(operator)).toEqual(['must', 'must_not', 'range', 'range_out', 'geo']);
  });
});

describe('SearchExplorer by id', () => {
  it('says an id that is not an integer does not fit an int64 key, and sends nothing', async () => {
    renderExplorer();
    await waitForSchema();
    await userEvent.click(screen.getByRole('button', { name: 'By id' }));
    const input = screen.getByRole('textbox', { name: 'Primary key' });
    await userEvent.fill(input, 'abc');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('“abc” is not an integer: the primary key id is an int64.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByText('The request failed')).toBeNull();
    expect(statusCount()).toBeUndefined();
    await userEvent.fill(input, '7');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(statusCount()).toBe('20 results'), { timeout: 10_000 });
  });
});

describe('SearchExplorer primary key', () => {
  it('takes the key name from the schema (an auto-id collection’s __AUTO_ID__)', async () => {
    renderExplorer({ collection: 'text', index: 'text_index' });
    await waitForSchema();
    await userEvent.click(screen.getByRole('button', { name: 'By id' }));
    await userEvent.fill(screen.getByRole('textbox', { name: 'Primary key' }), 'abc');
    expect((await screen.findByRole('alert')).textContent).toBe(
      '“abc” is not an integer: the primary key __AUTO_ID__ is an int64.',
    );
  });
});

describe('SearchExplorer undo toast', () => {
  it('labels its close button for what it does, and the count drops with the deleted row', async () => {
    renderExplorer({ initialQuery: { mode: 'id', id: '7' }, searchOnMount: true });
    const [row] = await screen.findAllByRole('listitem', {}, { timeout: 10_000 });
    if (!row) throw new Error('no result row');
    await userEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    await userEvent.click(within(row).getByRole('button', { name: 'Confirm?' }));
    const toast = await screen.findByText('Deleted row 7.');
    // The count follows the rows shown.
    await waitFor(() => expect(statusCount()).toBe('19 results'));
    // The toast sits below the results (their last row and "Load more"), never over them, even with the end of the
    // results at the bottom of a short window.
    await page.viewport(900, 420);
    const results = explorer().querySelector('.vdb-results')!;
    window.scrollBy(0, results.getBoundingClientRect().bottom - window.innerHeight + 4);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const more = results.getBoundingClientRect();
    const box = toast.parentElement!.getBoundingClientRect();
    const overlaps = box.left < more.right && more.left < box.right && box.top < more.bottom && more.top < box.bottom;
    expect(overlaps).toBe(false);
    const close = within(toast.parentElement!).getByRole('button', { name: 'Dismiss: keep row 7 deleted' });
    expect(screen.queryByRole('button', { name: 'Close details' })).toBeNull();
    await userEvent.click(close);
    await waitFor(() => expect(screen.queryByText('Deleted row 7.')).toBeNull());
  });
});

describe('SearchExplorer when nothing answers', () => {
  const search = { initialQuery: { mode: 'text' as const, text: 'tea' }, searchOnMount: true };

  it('says the local server is not running (and how to start it) for a server on this machine', async () => {
    renderExplorer(search, [], 'http://127.0.0.1:8329');
    const alert = await screen.findByText(/Nothing answers at http:\/\/127\.0\.0\.1:8329/, {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('the local server is not running');
    expect(alert.textContent).toContain('npm run dev');
    expect(explorer().textContent).not.toMatch(/CORS|signingProxy/);
  });

  it('keeps the CORS and signing-proxy hint for a remote host', async () => {
    renderExplorer(search, [], 'https://api-vikingdb.vikingdb.cn-beijing.volces.com');
    await screen.findByText(/CORS/, {}, { timeout: 10_000 });
    expect(explorer().textContent).toContain('signingProxy');
    expect(explorer().textContent).not.toContain('local server');
  });
});
