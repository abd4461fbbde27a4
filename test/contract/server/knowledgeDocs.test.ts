/**
 * Knowledge documents over real HTTP: every import source (data:, http(s) with Markdown/HTML/PDF, file: inside and
 * outside docsDir, tos://, Lark), background status processing → done | failed with failed_code/failed_msg, what
 * still works on a failed doc, dedup, and every doc listing endpoint.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import { raw } from './harness';
import { dataUri, KB, knowledgeTestConfig, LIGHTHOUSE_MD, startDocServer, waitForDoc } from './knowledgeHarness';

let dir: string;
let outside: string;
let server: LocalServer;
let docs: { url: string; close: () => Promise<void> };
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-kb-docs-'));
  outside = await mkdtemp(join(tmpdir(), 'vikingdb-kb-outside-'));
  await writeFile(join(dir, 'notes.md'), '# Notes\n\nThe quarterly report mentions the copper mine.\n');
  await writeFile(join(outside, 'secret.md'), 'secret outside docsDir');
  docs = await startDocServer();
  server = await createLocalServer({ port: 0, inMemory: true, log: false, config: knowledgeTestConfig(dir) });
  url = server.url;
});

afterAll(async () => {
  await server?.close();
  await docs?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function addV2(body: Record<string, unknown>) {
  return raw(url, '/api/knowledge/doc/v2/add', { ...KB, ...body });
}

async function points(docId: string) {
  const answer = await raw(url, '/api/knowledge/point/list', { ...KB, doc_ids: [docId] });
  expect(answer.status).toBe(200);
  return answer.body.data.point_list as Array<Record<string, unknown>>;
}

describe('doc/v2/add and doc/add: background import', () => {
  it('answers at once with doc_id and an integer task_id, then the doc goes processing → done with chunked points', async () => {
    const added = await addV2({ doc_id: 'lighthouse', doc_name: 'lighthouse.md', uri: dataUri(LIGHTHOUSE_MD) });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ code: 0, message: 'success', data: { doc_id: 'lighthouse', ...KB } });
    expect(Number.isInteger(added.body.data.task_id)).toBe(true);
    expect(added.body.data.dedup_info).toEqual({ skip: false, same_doc_ids: [] });
    expect([0, 2]).toContain(
      (await raw(url, '/api/knowledge/doc/info', { ...KB, doc_id: 'lighthouse' })).body.data.status.process_status,
    );
    const info = await waitForDoc(url, 'lighthouse');
    expect(info.body.data).toMatchObject({
      doc_id: 'lighthouse',
      doc_name: 'lighthouse.md',
      doc_type: 'markdown',
      title: 'Lighthouses',
      status: { process_status: 0 },
      add_type: 'data',
    });
    expect(typeof info.body.data.meta).toBe('string');
    const list = await points('lighthouse');
    expect(info.body.data.point_num).toBe(list.length);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.map((p) => p['chunk_id'])).toEqual(list.map((_, i) => i + 1));
    for (const point of list) {
      expect(typeof point['point_id']).toBe('string');
      expect(String(point['content']).length).toBeLessThanOrEqual(200);
      expect(point['doc_info']).toMatchObject({ doc_id: 'lighthouse', doc_name: 'lighthouse.md' });
    }
    // Chunks follow the structure: a heading starts a chunk, titled by its heading path.
    expect(list.map((p) => p['chunk_title'])).toContain('Lighthouses > Fresnel lens');
    const fresnel = list.filter((p) => p['chunk_title'] === 'Lighthouses > Fresnel lens');
    expect(fresnel.map((p) => p['content']).join(' ')).toContain('Augustin Fresnel designed the lens');
    expect(
      list.some((p) => p['chunk_title'] === 'Lighthouses > Colours' && String(p['content']).includes('daymark')),
    ).toBe(true);
  });

  it('keeps a point added by hand while the doc is being imported (the import numbers its chunks after it)', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `## Part ${i}\n\nParagraph ${i} of the long manual.`).join(
      '\n\n',
    );
    await addV2({ doc_id: 'racing', uri: dataUri(text.slice(0, 60_000)) });
    const manual = await raw(url, '/api/knowledge/point/add', {
      ...KB,
      doc_id: 'racing',
      chunk_type: 'text',
      content: 'added by hand during the import',
    });
    expect(manual.body.data.chunk_id).toBe(1);
    const info = await waitForDoc(url, 'racing');
    expect(info.body.data.status.process_status).toBe(0);
    const list = await points('racing');
    expect(list.filter((p) => p['content'] === 'added by hand during the import')).toHaveLength(1);
    expect(list.map((p) => p['chunk_id'])).toEqual(list.map((_, i) => i + 1));
    expect(new Set(list.map((p) => p['point_id'])).size).toBe(list.length);
    expect(info.body.data.point_num).toBe(list.length);
  });

  it('chunks long sections with the configured overlap', async () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} talks about item ${i * 7}.`);
    await addV2({ doc_id: 'long', uri: dataUri(sentences.join(' '), 'text/plain') });
    await waitForDoc(url, 'long');
    const list = await points('long');
    expect(list.length).toBeGreaterThan(3);
    for (let i = 1; i < list.length; i++) {
      const previous = String(list[i - 1]!['content']);
      const current = String(list[i]!['content']);
      expect(current.length).toBeLessThanOrEqual(200);
      // The next chunk starts with the end of the previous one (up to 20 characters, from a word start).
      const repeated = current.split('\n\n')[0]!;
      expect(repeated.length).toBeLessThanOrEqual(20);
      expect(previous.endsWith(repeated)).toBe(true);
    }
  });

  it('imports http(s) Markdown, HTML and PDF fetched by the server', async () => {
    const md = await raw(url, '/api/knowledge/doc/add', {
      ...KB,
      add_type: 'url',
      url: `${docs.url}/guide.md`,
      doc_id: 'web-md',
    });
    expect(md.status).toBe(200);
    await addV2({ doc_id: 'web-html', uri: `${docs.url}/page.html` });
    await addV2({ doc_id: 'web-pdf', uri: `${docs.url}/manual.pdf` });
    expect((await waitForDoc(url, 'web-md')).body.data).toMatchObject({
      status: { process_status: 0 },
      doc_name: 'guide.md',
      url: `${docs.url}/guide.md`,
    });
    const html = await waitForDoc(url, 'web-html');
    expect(html.body.data).toMatchObject({ status: { process_status: 0 }, title: 'Tea & Coffee', doc_type: 'html' });
    const htmlText = (await points('web-html')).map((p) => `${p['chunk_title']}|${p['content']}`).join('\n');
    expect(htmlText).toContain('Green tea > Brewing|Brew green tea at 80 °C for two minutes — never boiling.');
    expect(htmlText).not.toContain('alert');
    expect(htmlText).not.toContain('color:red');
    const pdf = await waitForDoc(url, 'web-pdf');
    expect(pdf.body.data).toMatchObject({ status: { process_status: 0 }, doc_type: 'pdf' });
    const pdfText = (await points('web-pdf')).map((p) => p['content']).join('\n');
    expect(pdfText).toContain('harbour crane');
    expect(pdfText).toContain('emergency stop');
  });

  it('reads file: sources inside docsDir only', async () => {
    await addV2({ doc_id: 'file-in', uri: 'file:notes.md' });
    expect((await waitForDoc(url, 'file-in')).body.data.status).toEqual({ process_status: 0 });
    expect((await points('file-in'))[0]!['content']).toContain('copper mine');
    for (const [id, uri] of [
      ['file-up', 'file:../' + outside.split('/').pop() + '/secret.md'],
      ['file-abs', `file://${join(outside, 'secret.md')}`],
      ['file-none', 'file:nope.md'],
    ] as const) {
      await addV2({ doc_id: id, uri });
      const info = await waitForDoc(url, id);
      expect(info.body.data.status).toMatchObject({ process_status: 1, failed_code: 10008 });
      expect(await points(id)).toEqual([]);
    }
  });

  it.each([
    ['photo.png', 10004, /content type 'image\/png'/],
    ['big.txt', 10005, /limit/],
    ['slow', 10001, /timed out/],
    ['missing.md', 10002, /HTTP 404/],
  ])('marks a download of %s failed with code %i', async (path, code, message) => {
    const id = `bad-${path}`;
    await addV2({ doc_id: id, uri: `${docs.url}/${path}` });
    const info = await waitForDoc(url, id);
    expect(info.body.data.status).toMatchObject({ process_status: 1, failed_code: code });
    expect(info.body.data.status.failed_msg).toMatch(message);
  });

  it('accepts tos:// and Lark sources and marks them failed (not available locally)', async () => {
    const tos = await raw(url, '/api/knowledge/doc/add', {
      ...KB,
      add_type: 'tos',
      tos_path: 'tos://bucket/a.pdf',
      doc_id: 'tos-1',
    });
    expect(tos.status).toBe(200);
    const tosV2 = await addV2({ doc_id: 'tos-2', uri: 'tos://bucket/b.pdf' });
    const lark = await raw(url, '/api/knowledge/doc/add', {
      ...KB,
      add_type: 'lark',
      lark_file: {
        url: 'https://example.feishu.cn/docx/abc',
        obj_type: 'docx',
        obj_token: 'abc',
        include_child: false,
      },
      doc_id: 'lark-1',
    });
    const larkV2 = await addV2({ doc_id: 'lark-2', uri: 'https://example.feishu.cn/wiki/xyz' });
    for (const answer of [tosV2, lark, larkV2]) expect(answer.status).toBe(200);
    for (const id of ['tos-1', 'tos-2', 'lark-1', 'lark-2']) {
      const info = await raw(url, '/api/knowledge/doc/info', { ...KB, doc_id: id });
      expect(info.body.data.status).toMatchObject({ process_status: 1, failed_code: 10006 });
      expect(info.body.data.status.failed_msg).toMatch(/not available to the local server/);
    }
  });

  it('keeps a failed doc usable: info, list, update, update_meta, point/add, delete', async () => {
    await addV2({ doc_id: 'failed-doc', uri: 'tos://bucket/c.pdf' });
    const update = await raw(url, '/api/knowledge/doc/update', {
      ...KB,
      doc_id: 'failed-doc',
      doc_name: 'renamed.pdf',
    });
    expect(update.body).toMatchObject({ code: 0 });
    const meta = await raw(url, '/api/knowledge/doc/update_meta', {
      ...KB,
      doc_id: 'failed-doc',
      meta: [{ field_name: 'category', field_type: 'string', field_value: 'manual' }],
    });
    expect(meta.body).toMatchObject({ code: 0 });
    const point = await raw(url, '/api/knowledge/point/add', {
      ...KB,
      doc_id: 'failed-doc',
      chunk_type: 'text',
      chunk_title: 'Hand written',
      content: 'The zeppelin hangar opens at dawn.',
    });
    expect(point.body.data).toMatchObject({ doc_id: 'failed-doc', chunk_id: 1, collection_name: 'kb_test' });
    const info = await raw(url, '/api/knowledge/doc/info', { ...KB, doc_id: 'failed-doc' });
    expect(info.body.data).toMatchObject({
      doc_name: 'renamed.pdf',
      point_num: 1,
      status: { process_status: 1 },
      labels: { category: 'manual' },
    });
    const list = await raw(url, '/api/knowledge/doc/list', { ...KB, filter: { doc_id_list: ['failed-doc'] } });
    expect(list.body.data.doc_list).toHaveLength(1);
    const found = await raw(url, '/api/knowledge/collection/search', { ...KB, query: 'zeppelin hangar', limit: 1 });
    expect(found.body.data.result_list[0].point_id).toBe(point.body.data.point_id);
    expect((await raw(url, '/api/knowledge/doc/delete', { ...KB, doc_id: 'failed-doc' })).body.code).toBe(0);
    expect((await raw(url, '/api/knowledge/doc/info', { ...KB, doc_id: 'failed-doc' })).body.code).toBe(1001001);
    expect((await raw(url, '/api/knowledge/point/info', { ...KB, point_id: point.body.data.point_id })).body.code).toBe(
      1002001,
    );
  });
});

describe('dedup', () => {
  it('doc_name_dedup refuses a known name (400, nothing added) or skips it with auto_skip', async () => {
    await addV2({ doc_id: 'named', doc_name: 'same-name.md', uri: dataUri('# One\n\nfirst body') });
    const refused = await addV2({ doc_name: 'same-name.md', uri: dataUri('other'), dedup: { doc_name_dedup: true } });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(1000003);
    expect(refused.body.message).toMatch(/same doc_name 'same-name.md' exists \('named'\)/);
    const skipped = await addV2({
      doc_name: 'same-name.md',
      uri: dataUri('other'),
      dedup: { doc_name_dedup: true, auto_skip: true },
    });
    expect(skipped.body.data.dedup_info).toEqual({ skip: true, same_doc_ids: ['named'] });
    const all = await raw(url, '/api/knowledge/doc/list', { ...KB });
    expect(all.body.data.doc_list.filter((d: { doc_name: string }) => d.doc_name === 'same-name.md')).toHaveLength(1);
    // Without the option the same name is fine.
    expect((await addV2({ doc_id: 'named-2', doc_name: 'same-name.md', uri: dataUri('x y z') })).status).toBe(200);
  });

  it('content_dedup compares the content (at add time for data:, after download otherwise)', async () => {
    await addV2({ doc_id: 'content-1', uri: dataUri('# Unique\n\nThe pelican eats fish.') });
    await waitForDoc(url, 'content-1');
    const skipped = await addV2({
      uri: dataUri('# Unique\n\nThe pelican eats fish.'),
      dedup: { content_dedup: true, auto_skip: true },
    });
    expect(skipped.body.data.dedup_info).toEqual({ skip: true, same_doc_ids: ['content-1'] });
    const refused = await addV2({ uri: dataUri('# Unique\n\nThe pelican eats fish.'), dedup: { content_dedup: true } });
    expect(refused.status).toBe(400);
    await addV2({ doc_id: 'web-copy-1', uri: `${docs.url}/guide.md` });
    await waitForDoc(url, 'web-copy-1');
    await addV2({ doc_id: 'web-copy-2', uri: `${docs.url}/guide.md`, dedup: { content_dedup: true } });
    expect((await waitForDoc(url, 'web-copy-2')).body.data.status).toMatchObject({
      process_status: 1,
      failed_code: 10009,
    });
    // Also when both are imported in one group commit (added back to back, the first still importing).
    const big = `# Twins\n\n${'The twin document repeats this sentence. '.repeat(1500)}`;
    await addV2({ doc_id: 'twin-1', uri: dataUri(big) });
    await addV2({ doc_id: 'twin-2', uri: dataUri(big, 'text/plain'), dedup: { content_dedup: false } });
    await addV2({ doc_id: 'twin-3', uri: `${docs.url}/guide.md`, dedup: { content_dedup: true } });
    await addV2({ doc_id: 'twin-4', uri: `${docs.url}/page.html` });
    await addV2({ doc_id: 'twin-5', uri: `${docs.url}/page.html`, dedup: { content_dedup: true } });
    expect((await waitForDoc(url, 'twin-4')).body.data.status).toEqual({ process_status: 0 });
    expect((await waitForDoc(url, 'twin-5')).body.data.status).toMatchObject({ process_status: 1, failed_code: 10009 });
    expect((await waitForDoc(url, 'twin-3')).body.data.status).toMatchObject({ process_status: 1, failed_code: 10009 });
  });
});

describe('listing and filtering docs', () => {
  it('doc/list pages by offset/limit, doc/v2/list by cursor, search_by_filter by tags and doc_id', async () => {
    const ids = ['f-1', 'f-2', 'f-3', 'f-4', 'f-5'];
    for (const [i, id] of ids.entries()) {
      await addV2({
        doc_id: id,
        uri: dataUri(`# Doc ${i}\n\nbody ${i}`),
        tag_list: [
          { field_name: 'category', field_type: 'string', field_value: i % 2 === 0 ? 'even' : 'odd' },
          { field_name: 'year', field_type: 'int64', field_value: String(2020 + i) },
          { field_name: 'public', field_type: 'bool', field_value: i < 2 },
        ],
      });
    }
    const all = await raw(url, '/api/knowledge/doc/list', { ...KB, offset: 0, limit: -1 });
    const total = all.body.data.total_num as number;
    expect(all.body.data.doc_list).toHaveLength(total);
    const page = await raw(url, '/api/knowledge/doc/list', { ...KB, offset: 1, limit: 2 });
    expect(page.body.data).toMatchObject({ count: 2, total_num: total });
    expect(page.body.data.doc_list.map((d: { doc_id: string }) => d.doc_id)).toEqual(
      all.body.data.doc_list.slice(1, 3).map((d: { doc_id: string }) => d.doc_id),
    );
    const seen: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 100; i++) {
      const answer = await raw(url, '/api/knowledge/doc/v2/list', {
        ...KB,
        limit: 3,
        ...(token && { next_token: token }),
      });
      expect(answer.status).toBe(200);
      seen.push(...answer.body.data.doc_list.map((d: { doc_id: string }) => d.doc_id));
      if (!answer.body.data.has_more) break;
      token = answer.body.data.next_token;
      expect(typeof token).toBe('string');
    }
    expect(seen).toEqual(all.body.data.doc_list.map((d: { doc_id: string }) => d.doc_id));
    const even = await raw(url, '/api/knowledge/doc/v2/search_by_filter', {
      ...KB,
      filter: {
        op: 'and',
        conds: [
          { op: 'must', field: 'category', conds: ['even'] },
          { op: 'range', field: 'year', gte: 2022 },
        ],
      },
    });
    expect(even.body.data.doc_list.map((d: { doc_id: string }) => d.doc_id)).toEqual(['f-3', 'f-5']);
    const byId = await raw(url, '/api/knowledge/doc/v2/search_by_filter', {
      ...KB,
      filter: { op: 'must', field: 'doc_id', conds: ['f-2'] },
    });
    expect(byId.body.data.doc_list.map((d: { doc_id: string }) => d.doc_id)).toEqual(['f-2']);
    const pub = await raw(url, '/api/knowledge/doc/v2/search_by_filter', {
      ...KB,
      filter: { op: 'must', field: 'public', conds: [true] },
    });
    expect(pub.body.data.doc_list.map((d: { doc_id: string }) => d.doc_id)).toEqual(['f-1', 'f-2']);
    const info = await raw(url, '/api/knowledge/doc/info', { ...KB, doc_id: 'f-2' });
    expect(JSON.parse(info.body.data.meta)).toContainEqual({
      field_name: 'year',
      field_type: 'int64',
      field_value: 2021,
    });
    expect(info.body.data.labels).toEqual({ category: 'odd', year: '2021', public: 'true' });
  });

  it('addresses the collection by resource_id too, and update_meta replaces the tag list', async () => {
    const info = await raw(url, '/api/knowledge/doc/info', { resource_id: 'kb-test-resource', doc_id: 'f-1' });
    expect(info.body.data.collection_name).toBe('kb_test');
    await raw(url, '/api/knowledge/doc/update_meta', {
      ...KB,
      doc_id: 'f-1',
      meta: [
        { field_name: 'category', field_type: 'string', field_value: 'new' },
        { field_name: 'year', field_type: null, field_value: null },
      ],
    });
    const after = await raw(url, '/api/knowledge/doc/info', { ...KB, doc_id: 'f-1' });
    expect(after.body.data.labels).toEqual({ category: 'new' });
  });
});
