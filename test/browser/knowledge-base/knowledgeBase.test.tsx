import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createVikingHandlers } from '../../../src/msw/index';
import { renderKnowledgeBase } from './renderKnowledgeBase';

afterEach(() => cleanup());

async function expectNoAxeViolations(root: Element) {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

const optionNames = (list: HTMLElement) =>
  within(list)
    .getAllByRole('option')
    .map((option) => option.querySelector('.vdb-kb-row__name')?.textContent);

async function openDoc(name: string) {
  const list = await screen.findByRole('listbox', { name: 'Documents' });
  await userEvent.click(await within(list).findByText(name));
  return screen.findByRole('article', { name: `Document ${name}` });
}

describe('KnowledgeBase document list', () => {
  it('lists the demo documents with type, status, chunks and tags, with zero axe violations', async () => {
    const { container } = renderKnowledgeBase();
    const list = await screen.findByRole('listbox', { name: 'Documents' });
    await waitFor(() => expect(optionNames(list)).toContain('README.md'));
    const readme = within(list).getByText('README.md').closest('[role="option"]') as HTMLElement;
    expect(readme.textContent).toContain('markdown');
    expect(readme.textContent).toContain('Done');
    expect(readme.textContent).toMatch(/\d+ chunks/);
    expect(readme.textContent).toContain('kind: readme');
    await expectNoAxeViolations(container);
  });

  it('moves through the list with the keyboard and opens a document with Enter', async () => {
    renderKnowledgeBase();
    const list = await screen.findByRole('listbox', { name: 'Documents' });
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(2));
    list.focus();
    const active = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(active()?.getAttribute('aria-posinset')).toBe('1');
    await userEvent.keyboard('{ArrowDown}');
    expect(active()?.getAttribute('aria-posinset')).toBe('2');
    await userEvent.keyboard('{End}');
    expect(active()?.getAttribute('aria-posinset')).toBe(String(within(list).getAllByRole('option').length));
    await userEvent.keyboard('{Home}');
    await userEvent.keyboard('{ArrowDown}');
    const name = active()?.querySelector('.vdb-kb-row__name')?.textContent ?? '';
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('article', { name: `Document ${name}` });
    expect(active()?.getAttribute('aria-selected')).toBe('true');
  });

  it('filters by name, status and tag', async () => {
    const { client, queryClient } = renderKnowledgeBase();
    const list = await screen.findByRole('listbox', { name: 'Documents' });
    await waitFor(() => expect(optionNames(list)).toContain('README.md'));
    await client.knowledge
      .collection('demo_kb')
      .docs.addV2({ docId: 'broken', docName: 'broken.pdf', docType: 'pdf', uri: 'data:application/pdf;base64,AAAA' });
    await queryClient.invalidateQueries();
    await waitFor(() => expect(optionNames(list)).toContain('broken.pdf'), { timeout: 5000 });

    await userEvent.fill(screen.getByRole('searchbox', { name: 'Search by name' }), 'readme');
    await waitFor(() => expect(optionNames(list)).toEqual(['README.md']));
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search by name' }));

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    await waitFor(() => expect(optionNames(list)).toEqual(['broken.pdf']));
    const row = within(list).getByRole('option');
    expect(row.textContent).toContain('Failed');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'all');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'kind: readme');
    await waitFor(() => expect(optionNames(list)).toEqual(['README.md']));
  });

  it('shows a document processing past the timeout as stalled, with a re-run that re-imports it', async () => {
    const stalled = {
      doc_id: 'stuck',
      doc_name: 'stuck.md',
      doc_type: 'markdown',
      create_time: Date.now() - 60 * 60_000,
      update_time: Date.now() - 60 * 60_000,
      url: 'https://example.com/stuck.md',
      status: { process_status: 2 },
      point_num: 0,
      meta: '[]',
    };
    const handlers = [
      http.post('*/api/knowledge/doc/list', () =>
        HttpResponse.json({ code: 0, message: 'success', request_id: 'r', data: { doc_list: [stalled], count: 1 } }),
      ),
      http.post('*/api/knowledge/doc/info', () =>
        HttpResponse.json({ code: 0, message: 'success', request_id: 'r', data: stalled }),
      ),
      http.post('*/api/knowledge/doc/delete', () =>
        HttpResponse.json({ code: 0, message: 'success', request_id: 'r' }),
      ),
      ...createVikingHandlers({ seed: 'demo' }),
    ];
    const { requests, container } = renderKnowledgeBase({ stalledAfterMs: 60_000 }, handlers);
    const list = await screen.findByRole('listbox', { name: 'Documents' });
    await within(list).findByText('Stalled');
    await screen.findByRole('button', { name: 'Re-run failed (1)' });
    const detail = await openDoc('stuck.md');
    expect(within(detail).getByRole('alert').textContent).toMatch(/Still processing after 60 min/);
    await expectNoAxeViolations(container);
    await userEvent.click(within(detail).getByRole('button', { name: 'Re-run' }));
    await waitFor(() => expect(requests.map((r) => r.path)).toContain('/api/knowledge/doc/v2/add'));
    const paths = requests.map((r) => r.path);
    expect(paths.indexOf('/api/knowledge/doc/delete')).toBeLessThan(paths.indexOf('/api/knowledge/doc/v2/add'));
    const add = requests.find((r) => r.path === '/api/knowledge/doc/v2/add')!.body;
    expect(add).toMatchObject({ doc_id: 'stuck', doc_name: 'stuck.md', uri: 'https://example.com/stuck.md' });
  });

  it('keeps 10,000 documents smooth: only the visible rows are rendered, and a name search answers at once', async () => {
    const docs = Array.from({ length: 10_000 }, (_, i) => ({
      doc_id: `doc-${i}`,
      doc_name: `guide-${i}.md`,
      doc_type: 'markdown',
      create_time: 1_700_000_000_000 - i * 60_000,
      update_time: 1_700_000_000_000 - i * 60_000,
      status: { process_status: 0 },
      point_num: 3,
      meta: JSON.stringify([{ field_name: 'team', field_type: 'string', field_value: `team-${i % 5}` }]),
    }));
    const handlers = [
      http.post('*/api/knowledge/doc/list', () =>
        HttpResponse.json({ code: 0, message: 'success', request_id: 'r', data: { doc_list: docs, count: 10_000 } }),
      ),
      ...createVikingHandlers({ seed: 'demo' }),
    ];
    renderKnowledgeBase({}, handlers);
    const list = await screen.findByRole('listbox', { name: 'Documents' });
    await screen.findByText('10000 documents of 10000');
    expect(within(list).getAllByRole('option').length).toBeLessThan(60);
    list.focus();
    await userEvent.keyboard('{End}');
    await within(list).findByText('guide-9999.md');
    expect(within(list).getAllByRole('option').length).toBeLessThan(60);
    const started = performance.now();
    await userEvent.fill(screen.getByRole('searchbox', { name: 'Search by name' }), 'guide-4242.md');
    await waitFor(() => expect(optionNames(list)).toEqual(['guide-4242.md']));
    expect(performance.now() - started).toBeLessThan(1000);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'team: team-2');
    await waitFor(() => expect(optionNames(list)).toEqual(['guide-4242.md']));
  });

  it('shows the load error with a retry', async () => {
    renderKnowledgeBase({}, [
      http.post('*/api/knowledge/doc/list', () =>
        HttpResponse.json({ code: 1000005, message: 'collection not exist', request_id: 'r1' }, { status: 404 }),
      ),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('collection not exist');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeNull();
  });
});

describe('KnowledgeBase adding documents', () => {
  it('uploads a dropped or picked file as a data: URI and follows it until processed', async () => {
    const { requests } = renderKnowledgeBase();
    await screen.findByRole('listbox', { name: 'Documents' });
    const file = new File(['# Zebra handbook\n\nZebras sleep standing up in the savanna.'], 'zebras.md', {
      type: 'text/markdown',
    });
    await userEvent.upload(screen.getByLabelText('Files to add'), file);
    const uploads = await screen.findByRole('list', { name: 'Uploads' });
    await within(uploads).findByText(/^Processed: 1 chunk/, undefined, { timeout: 5000 });
    const add = requests.find((r) => r.path === '/api/knowledge/doc/v2/add')!.body;
    expect(add['doc_name']).toBe('zebras.md');
    expect(add['doc_type']).toBe('markdown');
    expect(String(add['uri'])).toMatch(/^data:text\/markdown;base64,/);
    const list = screen.getByRole('listbox', { name: 'Documents' });
    const row = (await within(list).findByText('zebras.md')).closest('[role="option"]')!;
    await waitFor(() => expect(row.textContent).toContain('Done'));
  });

  it('hands files to the upload prop and imports the URL it answers', async () => {
    const hosted: string[] = [];
    const { requests } = renderKnowledgeBase({
      upload: (file) => {
        hosted.push(file.name);
        return Promise.resolve(`https://files.example.com/${file.name}`);
      },
    });
    await screen.findByRole('listbox', { name: 'Documents' });
    await userEvent.upload(screen.getByLabelText('Files to add'), new File(['x'], 'hosted.txt'));
    await waitFor(() => expect(requests.some((r) => r.path === '/api/knowledge/doc/v2/add')).toBe(true));
    expect(hosted).toEqual(['hosted.txt']);
    expect(requests.find((r) => r.path === '/api/knowledge/doc/v2/add')!.body['uri']).toBe(
      'https://files.example.com/hosted.txt',
    );
  });

  it('adds by URL and refuses what is not http(s)', async () => {
    const { requests } = renderKnowledgeBase();
    await screen.findByRole('listbox', { name: 'Documents' });
    const url = screen.getByRole('textbox', { name: 'Document URL' });
    await userEvent.fill(url, 'ftp://example.com/a.md');
    await userEvent.click(screen.getByRole('button', { name: 'Add URL' }));
    expect((await screen.findByText('Enter an http(s) URL.')).getAttribute('role')).toBe('alert');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect((url as HTMLInputElement).value).toBe('ftp://example.com/a.md');
    expect(requests.some((r) => r.path === '/api/knowledge/doc/v2/add')).toBe(false);
    await userEvent.fill(url, 'https://example.com/guide.md');
    await userEvent.click(screen.getByRole('button', { name: 'Add URL' }));
    await waitFor(() => expect(requests.some((r) => r.path === '/api/knowledge/doc/v2/add')).toBe(true));
    expect(requests.find((r) => r.path === '/api/knowledge/doc/v2/add')!.body).toMatchObject({
      doc_name: 'guide.md',
      doc_type: 'markdown',
      uri: 'https://example.com/guide.md',
    });
  });
});

describe('KnowledgeBase document detail', () => {
  it('renames the open document', async () => {
    const onSelectDoc: Array<string | null> = [];
    renderKnowledgeBase({ onSelectDoc: (id) => onSelectDoc.push(id) });
    const detail = await openDoc('docs/architecture.md');
    expect(onSelectDoc).toEqual(['docs-architecture']);
    await userEvent.fill(within(detail).getByRole('textbox', { name: 'Name' }), 'Architecture guide');
    await userEvent.click(within(detail).getByRole('button', { name: 'Rename' }));
    await screen.findByText('Renamed to Architecture guide.');
    const list = screen.getByRole('listbox', { name: 'Documents' });
    await within(list).findByText('Architecture guide');
  });

  it('edits the tags of the open document', async () => {
    const { requests } = renderKnowledgeBase();
    const detail = await openDoc('README.md');
    await userEvent.click(within(detail).getByRole('button', { name: 'Add tag' }));
    await userEvent.fill(within(detail).getByRole('textbox', { name: 'Tag name 3' }), 'team');
    await userEvent.fill(within(detail).getByRole('textbox', { name: 'Tag value 3' }), 'docs');
    await userEvent.click(within(detail).getByRole('button', { name: 'Save tags' }));
    await screen.findByText('Tags saved.');
    const sent = requests.find((r) => r.path === '/api/knowledge/doc/update_meta')!.body['meta'];
    expect(sent).toEqual([
      { field_name: 'kind', field_type: 'string', field_value: 'readme' },
      { field_name: 'source', field_type: 'string', field_value: 'README.md' },
      { field_name: 'team', field_type: 'string', field_value: 'docs' },
    ]);
    const list = screen.getByRole('listbox', { name: 'Documents' });
    await within(list).findByText('team: docs');
  });

  it('deletes with undo: nothing is sent until the undo window closes, and undo keeps every chunk', async () => {
    const { requests, client } = renderKnowledgeBase();
    const before = await client.knowledge.collection('demo_kb').points.list({ docIds: ['docs-architecture'] });
    await openDoc('docs/architecture.md');
    await userEvent.click(screen.getByRole('button', { name: 'Delete document' }));
    const toast = await screen.findByText('Deleted docs/architecture.md.');
    const list = screen.getByRole('listbox', { name: 'Documents' });
    await waitFor(() => expect(optionNames(list)).not.toContain('docs/architecture.md'));
    expect(screen.queryByRole('article', { name: /^Document / })).toBeNull();
    await userEvent.click(within(toast.closest('li')!).getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored docs/architecture.md.');
    await waitFor(() => expect(optionNames(list)).toContain('docs/architecture.md'));
    expect(requests.some((r) => r.path === '/api/knowledge/doc/delete')).toBe(false);
    const after = await client.knowledge.collection('demo_kb').points.list({ docIds: ['docs-architecture'] });
    expect(after.items.map((p) => p.content)).toEqual(before.items.map((p) => p.content));

    await openDoc('docs/architecture.md');
    await userEvent.click(screen.getByRole('button', { name: 'Delete document' }));
    const again = await screen.findByText('Deleted docs/architecture.md.');
    await userEvent.click(within(again.closest('li')!).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(requests.some((r) => r.path === '/api/knowledge/doc/delete')).toBe(true));
    await waitFor(async () => {
      const docs = await client.knowledge.collection('demo_kb').docs.list();
      expect(docs.items.map((d) => d.docId)).not.toContain('docs-architecture');
    });
  });

  it('edits a chunk inline and finds the new text with "Try a query"', async () => {
    const { container } = renderKnowledgeBase();
    const detail = await openDoc('docs/architecture.md');
    await userEvent.click(await within(detail).findByRole('button', { name: 'Edit chunk 1' }));
    const editor = within(detail).getByRole('textbox', { name: 'Content of chunk 1' });
    await userEvent.fill(editor, 'Quokkas are the happiest marsupials on Rottnest Island.');
    await userEvent.click(within(detail).getByRole('button', { name: 'Save' }));
    await screen.findByText('Chunk saved.');
    await within(detail).findByText('Quokkas are the happiest marsupials on Rottnest Island.');
    await expectNoAxeViolations(container);

    await userEvent.click(screen.getByRole('tab', { name: 'Try a query' }));
    await userEvent.fill(screen.getByRole('searchbox', { name: 'Query' }), 'happiest marsupials Rottnest');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('list', { name: 'Ranked chunks' });
    const first = within(results).getAllByRole('article')[0]!;
    expect(first.textContent).toContain('Quokkas are the happiest marsupials');
    expect(first.textContent).toMatch(/Score \d\.\d{3}/);
    await expectNoAxeViolations(container);
    await userEvent.click(within(first).getByRole('button', { name: 'Open docs/architecture.md' }));
    await screen.findByRole('article', { name: 'Document docs/architecture.md' });
  });

  it('adds and deletes a chunk', async () => {
    renderKnowledgeBase();
    const detail = await openDoc('docs/architecture.md');
    await within(detail).findByRole('button', { name: 'Edit chunk 1' });
    await userEvent.fill(within(detail).getByRole('textbox', { name: 'New chunk content' }), 'A chunk added by hand.');
    await userEvent.click(within(detail).getByRole('button', { name: 'Add chunk' }));
    await screen.findByText('Chunk added.');
    const added = await within(detail).findByText('A chunk added by hand.');
    const card = added.closest('article')!;
    const label = card.getAttribute('aria-label')!.replace('Chunk ', '');
    await userEvent.click(within(card).getByRole('button', { name: `Delete chunk ${label}` }));
    await userEvent.click(within(card).getByRole('button', { name: 'Confirm?' }));
    await screen.findByText('Chunk deleted.');
    await waitFor(() => expect(within(detail).queryByText('A chunk added by hand.')).toBeNull());
  });

  it('speaks Chinese with locale zh-CN (never English first), with messages overriding any string', async () => {
    let view!: ReturnType<typeof renderKnowledgeBase>;
    // React retries a render suspended on the zh-CN strings only when that render began inside an async act().
    await act(async () => {
      view = renderKnowledgeBase({ locale: 'zh-CN', messages: { tabQuery: '检索调试' } });
      expect(view.container.textContent).not.toContain('Documents');
    });
    await screen.findByRole('listbox', { name: '文档' }, { timeout: 10_000 });
    expect(screen.queryByRole('tab', { name: '检索调试' })).not.toBeNull();
    expect(screen.queryByRole('heading', { name: '添加文档' })).not.toBeNull();
    await expectNoAxeViolations(view.container);
  });
});
