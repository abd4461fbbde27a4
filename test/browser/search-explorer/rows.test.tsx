import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { explorer, openButton, resultRows, rowId, statusCount, waitForRows } from './explorerQueries';
import { renderExplorer } from './renderExplorer';
import { createVikingHandlers } from '../../../src/msw/index';

afterEach(() => cleanup());

const teaSearch = { initialQuery: { mode: 'multiModal', text: 'green tea' }, searchOnMount: true } as const;
const rowById = (id: string) => resultRows().find((row) => rowId(row) === id);

async function deleteRow(row: HTMLElement) {
  await userEvent.click(within(row).getByRole('button', { name: 'Delete' }));
  await userEvent.click(within(row).getByRole('button', { name: 'Confirm?' }));
}

describe('SearchExplorer keyboard', () => {
  it('moves through the rows with the arrow keys, Home and End; Enter opens a row, Escape closes it', async () => {
    renderExplorer(teaSearch);
    const rows = await waitForRows();
    const first = openButton(rows[0]!);
    // Roving tabindex: only the active row is in the tab order.
    expect(first.tabIndex).toBe(0);
    expect(openButton(rows[1]!).tabIndex).toBe(-1);
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(openButton(resultRows()[1]!)));
    expect(openButton(resultRows()[1]!).tabIndex).toBe(0);
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.closest('[data-index]')?.getAttribute('data-index')).toBe('19'));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement).toBe(openButton(resultRows()[0]!)));

    const id = rowId(resultRows()[0]!);
    await userEvent.keyboard('{Enter}');
    const detail = await screen.findByRole('region', { name: `Row ${id}` });
    await waitFor(() => expect(document.activeElement).toBe(detail));
    expect(openButton(resultRows()[0]!).getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: `Row ${id}` })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(openButton(resultRows()[0]!)));
  });
});

describe('SearchExplorer detail panel', () => {
  it('shows the stored row: every field in a table or as JSON, the key first', async () => {
    const { client } = renderExplorer(teaSearch);
    const rows = await waitForRows();
    const id = rowId(rows[0]!);
    const stored = (await client.vector.collection('demo_docs').fetch([Number(id)])).items[0]!;
    await userEvent.click(openButton(rows[0]!));
    const detail = await screen.findByRole('region', { name: `Row ${id}` });
    const table = within(detail).getByRole('table');
    await waitFor(() => expect(within(table).queryByRole('rowheader', { name: 'body' })).not.toBeNull());
    const header = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(header[0]).toBe('id');
    for (const name of Object.keys(stored.fields)) expect(header).toContain(name);
    const yearRow = within(table).getByRole('rowheader', { name: 'year' }).closest('tr')!;
    expect(yearRow.textContent).toContain(String(stored.fields['year']));

    await userEvent.click(within(detail).getByRole('button', { name: 'JSON' }));
    expect(detail.textContent).toContain(`"title": ${JSON.stringify(stored.fields['title'])}`);
    await userEvent.click(within(detail).getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('region', { name: `Row ${id}` })).toBeNull();
  });
});

describe('SearchExplorer inline edit', () => {
  it('refuses a value of the wrong type (nothing stored changes), then saves one field and keeps the others', async () => {
    const { client } = renderExplorer(teaSearch);
    const rows = await waitForRows();
    const id = rowId(rows[0]!);
    const docs = client.vector.collection('demo_docs');
    const before = (await docs.fetch([Number(id)])).items[0]!;
    await userEvent.click(openButton(rows[0]!));
    const detail = await screen.findByRole('region', { name: `Row ${id}` });
    await userEvent.click(await within(detail).findByRole('button', { name: 'Edit year' }));
    const input = within(detail).getByRole('textbox', { name: 'Edit year' });
    await userEvent.fill(input, 'nineteen');
    await userEvent.click(within(detail).getByRole('button', { name: 'Save' }));
    expect((await within(detail).findByRole('alert')).textContent).toMatch(/^Expected /);
    expect((await docs.fetch([Number(id)])).items[0]).toEqual(before);

    await userEvent.fill(input, '1999');
    await userEvent.keyboard('{Enter}');
    await waitFor(async () => expect((await docs.fetch([Number(id)])).items[0]?.fields['year']).toBe(1999));
    const after = (await docs.fetch([Number(id)])).items[0]!;
    expect(after.fields).toEqual({ ...before.fields, year: 1999 });
    await waitFor(() => expect(rowById(id)?.textContent).toContain('year 1999'));
  });
});

describe('SearchExplorer delete and undo', () => {
  it('queues one undo per deleted row; undoing one restores it exactly and leaves the other deleted', async () => {
    const { client } = renderExplorer(teaSearch);
    const rows = await waitForRows();
    const [a, b] = [rowId(rows[0]!), rowId(rows[1]!)];
    const docs = client.vector.collection('demo_docs');
    const storedA = (await docs.fetch([Number(a)])).items[0]!;

    await deleteRow(rows[0]!);
    await screen.findByText(`Deleted row ${a}.`);
    await deleteRow(rowById(b)!);
    await screen.findByText(`Deleted row ${b}.`);
    // Both undo windows are open, each with its own buttons.
    expect(screen.getAllByRole('button', { name: 'Undo' })).toHaveLength(2);
    await waitFor(() => expect([rowById(a), rowById(b)]).toEqual([undefined, undefined]));
    expect((await docs.fetch([Number(a), Number(b)])).items).toEqual([]);

    const toastA = screen.getByText(`Deleted row ${a}.`).parentElement!;
    await userEvent.click(within(toastA).getByRole('button', { name: 'Undo' }));
    await screen.findByText(`Row ${a} restored.`);
    expect(screen.queryByText(`Deleted row ${a}.`)).toBeNull();
    expect(screen.queryByText(`Deleted row ${b}.`)).not.toBeNull();
    // Restored with every stored field, as it was.
    expect((await docs.fetch([Number(a)])).items[0]).toEqual(storedA);
    expect((await docs.fetch([Number(b)])).items).toEqual([]);
    await waitFor(() => expect(rowById(a)).toBeDefined(), { timeout: 10_000 });
  });

  it('closes an undo window after undoMs, and the row stays deleted', async () => {
    const { client } = renderExplorer({ ...teaSearch, undoMs: 400 });
    const rows = await waitForRows();
    const id = rowId(rows[0]!);
    await deleteRow(rows[0]!);
    await screen.findByText(`Deleted row ${id}.`);
    await waitFor(() => expect(screen.queryByText(`Deleted row ${id}.`)).toBeNull(), { timeout: 3_000 });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect((await client.vector.collection('demo_docs').fetch([Number(id)])).items).toEqual([]);
  });
});

describe('SearchExplorer delete failure', () => {
  it('says the delete failed, offers no undo, and the row stays stored and listed', async () => {
    const failDelete = http.post('*/api/vikingdb/data/delete', () =>
      HttpResponse.json({ code: 'InternalServerError', message: 'disk full', request_id: 'rid-1' }, { status: 500 }),
    );
    const { client } = renderExplorer(teaSearch, [failDelete, ...createVikingHandlers({ seed: 'demo' })]);
    const rows = await waitForRows();
    const id = rowId(rows[0]!);
    const before = (await client.vector.collection('demo_docs').fetch([Number(id)])).items[0];
    await deleteRow(rows[0]!);
    expect((await screen.findByText(new RegExp(`^Could not delete row ${id}: `))).textContent).toContain('disk full');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect((await client.vector.collection('demo_docs').fetch([Number(id)])).items[0]).toEqual(before);
    expect(rowById(id)).toBeDefined();
  });
});

describe('SearchExplorer find similar', () => {
  it('searches by the row’s id, showing it in the By id input', async () => {
    renderExplorer(teaSearch);
    const rows = await waitForRows();
    const id = rowId(rows[2]!);
    await userEvent.click(within(rows[2]!).getByRole('button', { name: 'Find similar' }));
    expect(within(explorer()).getByRole('button', { name: 'By id' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('textbox', { name: 'Primary key' }) as HTMLInputElement).value).toBe(id);
    await waitFor(() => expect(rowId(resultRows()[0]!)).toBe(id), { timeout: 10_000 });
    expect(statusCount()).toBe('20 results');
  });
});
