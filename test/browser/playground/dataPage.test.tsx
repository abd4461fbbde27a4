import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import { createVikingHandlers } from '../../../src/msw/index';
import { DataPage } from '../../../playground/src/pages/DataPage';
import { renderPage } from './renderPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Chooses a file in the import panel's file input. */
async function chooseFile(name: string, text: string) {
  const input = screen.getByLabelText('File');
  await userEvent.upload(input, new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : '' }));
}

/** Collects what the page offers as downloads (the link's blob text), without leaving the page. */
function captureDownloads() {
  const files: Array<{ name: string; text: Promise<string> }> = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, text: fetch(this.href).then((r) => r.text()) });
  });
  return files;
}

const statusOf = (id: string) => screen.getByTestId(id).textContent;

describe('Data page import', () => {
  it('leaves out broken CSV rows, names their lines, and writes only the good ones', async () => {
    const handlers = createVikingHandlers({ seed: 'demo' });
    renderPage(<DataPage />, { handlers });
    await screen.findByRole('heading', { name: 'Import JSONL or CSV' });
    const csv = [
      'id,title,body,lang,year',
      '910001,Good one,first good row,en,2020',
      '910002,"Broken quote,the quote never closes,en,2021',
      '910003,Swallowed,this line would be read into the broken cell,en,2022',
    ].join('\n');
    const tooMany = ['id,title,body,lang,year', '910011,Fine,ok,en,2020', '910012,Extra,ok,en,2021,surplus'];
    const tooFew = ['910013,Short,ok'];
    await chooseFile('broken.csv', csv);
    await waitFor(() => expect(statusOf('file-summary')).toBe('broken.csv: 1 row, 1 line not imported (listed below)'));
    const unreadable = screen.getByRole('list', { name: 'Unreadable lines' });
    expect(unreadable.textContent).toMatch(/^line 3: a quoted cell is not closed/);

    await chooseFile('fields.csv', [...tooMany, ...tooFew].join('\n'));
    await waitFor(() =>
      expect(statusOf('file-summary')).toBe('fields.csv: 1 row, 2 lines not imported (listed below)'),
    );
    expect(
      within(screen.getByRole('list', { name: 'Unreadable lines' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'line 3: Too many fields: expected 5 fields but parsed 6',
      'line 4: Too few fields: expected 5 fields but parsed 3',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Import 1 row' }));
    await waitFor(() => expect(statusOf('import-status')).toBe('Done: 1 row written in 1 batch.'));
    expect(statusOf('import-summary')).toBe(
      'fields.csv: 1 row imported into demo_docs; 2 lines not imported (listed above).',
    );

    // Only the good row is stored; the broken ones were never written.
    const client = testClient(handlers);
    const stored = await client.vector.collection('demo_docs').fetch([910011, 910012, 910013]);
    expect(stored.items.map((row) => row.id)).toEqual([910011]);
  });

  it('previews the first rows with the field each column fills, checked against the schema', async () => {
    renderPage(<DataPage />);
    const csv = ['id,title,year,colour', '920001,A,2020,red', '920002,B,not a year,blue', '920003,C,2022,green'];
    await chooseFile('preview.csv', csv.join('\n'));
    const preview = await screen.findByRole('table', { name: 'Preview' });
    // id and year are int64 fields, title a string; colour is no field of the collection.
    await waitFor(() => expect(within(preview).getAllByText('int64')).toHaveLength(2));
    expect(within(preview).queryByText('string')).not.toBeNull();
    expect(within(preview).getAllByRole('row')).toHaveLength(4);
    expect(within(preview).queryByText('not a field of demo_docs')).not.toBeNull();
    expect(screen.getByRole('list', { name: 'Values that do not fit the schema' }).textContent).toBe(
      'line 3: year → year: "not a year" is not an integer (int64)',
    );
    // Leaving out the unknown column; the bad row stays out.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Field for column colour' }), '');
    expect(screen.queryByRole('button', { name: 'Import 2 rows' })).not.toBeNull();
  });

  it('names the file line of a row the service refused', async () => {
    const refuse = http.post('*/api/vikingdb/data/upsert', () =>
      HttpResponse.json(
        { code: 'InvalidParameter', message: 'data[1].year: must be an int64', request_id: 'rid-refused' },
        { status: 400 },
      ),
    );
    renderPage(<DataPage />, { handlers: [refuse, ...createVikingHandlers({ seed: 'demo' })] });
    const row = (id: number) => JSON.stringify({ id, title: `row ${id}` });
    await chooseFile('gaps.jsonl', [row(940001), '', row(940002), '', row(940003)].join('\n'));
    await userEvent.click(await screen.findByRole('button', { name: 'Import 3 rows' }));
    const failed = await screen.findByRole('list', { name: 'Failed batches' });
    expect(failed.textContent).toBe('lines 1–5: data[1] (line 3).year: must be an int64 (rid-refused)');
  });

  it('reads a dropped file', async () => {
    renderPage(<DataPage />);
    const zone = await screen.findByTestId('dropzone');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{"id": 930001, "title": "Dropped"}\n'], 'dropped.jsonl'));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitFor(() => expect(statusOf('file-summary')).toBe('dropped.jsonl: 1 row'));
  });
});

describe('Data page export', () => {
  it('refuses to export without an order to page in, and says why', async () => {
    const downloads = captureDownloads();
    renderPage(<DataPage />);
    const order = await screen.findByRole('combobox', { name: 'Page in the order of' });
    await waitFor(() => expect((order as HTMLSelectElement).value).toBe('id'));
    await userEvent.selectOptions(order, '');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(statusOf('export-status')).toMatch(/^Not exported: choose a field to page in/));
    expect(downloads).toEqual([]);
  });

  it('exports every row of the collection, checked against its count', async () => {
    const downloads = captureDownloads();
    const handlers = createVikingHandlers({ seed: 'demo' });
    renderPage(<DataPage />, { handlers });
    const total = await countRows(handlers);
    const order = await screen.findByRole('combobox', { name: 'Page in the order of' });
    await waitFor(() => expect((order as HTMLSelectElement).value).toBe('id'));
    // Paging by a field with repeated values still exports every row once.
    await userEvent.selectOptions(order, 'year');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(statusOf('export-status')).toBe(`Exported ${total.toLocaleString('en')} rows.`), {
      timeout: 20_000,
    });
    const lines = (await downloads[0]!.text).trim().split('\n');
    expect(lines).toHaveLength(total);
    expect(new Set(lines.map((line) => (JSON.parse(line) as { id: number }).id)).size).toBe(total);
  });

  it('downloads nothing when the rows scanned do not add up to the count', async () => {
    const downloads = captureDownloads();
    const engine = createVikingHandlers({ seed: 'demo' });
    const total = await countRows(engine);
    // A count that no scan can reach (as when rows are lost between pages).
    const overcount = http.post('*/api/vikingdb/data/agg', () =>
      HttpResponse.json({
        code: 'Success',
        message: '',
        request_id: 'r',
        result: { agg: { __TOTAL__: total + 7 }, op: 'count' },
      }),
    );
    renderPage(<DataPage />, { handlers: [overcount, ...engine] });
    const order = await screen.findByRole('combobox', { name: 'Page in the order of' });
    await waitFor(() => expect((order as HTMLSelectElement).value).toBe('id'));
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(
      () =>
        expect(statusOf('export-status')).toContain(`Not exported: the scan found ${total} of the ${total + 7} rows`),
      { timeout: 20_000 },
    );
    expect(downloads).toEqual([]);
  });
});

function testClient(handlers: ReturnType<typeof createVikingHandlers>) {
  return createVikingClient({
    baseUrl: 'http://127.0.0.1:8329',
    auth: headerAuth({}),
    fetch: async (input, init) => {
      const { getResponse } = await import('msw');
      return (await getResponse(handlers, new Request(input, init)))!;
    },
  });
}

async function countRows(handlers: ReturnType<typeof createVikingHandlers>): Promise<number> {
  const counted = await testClient(handlers).vector.index('demo_docs', 'demo_docs_index').aggregate({ op: 'count' });
  return Object.values(counted.agg).reduce((sum, n) => sum + n, 0);
}
