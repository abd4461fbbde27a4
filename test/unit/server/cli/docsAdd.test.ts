/**
 * `vikingdb-kit docs add`: the exact requests it sends to a server (a fake knowledge server over real HTTP capturing
 * them), the polling until processed or failed, the progress output, usage errors, and the refusal to open a data
 * directory another process holds.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli';
import { createLocalServer } from '../../../../src/server/local/createLocalServer';
import { dataDirHolder } from '../../../../src/server/local/storage/dataDirLock';
import { fakeCliIo } from '../../../support/fakeCliIo';

interface Captured {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

let server: Server;
let url: string;
let port: number;
let dir: string;
const captured: Captured[] = [];
/** doc/info answers per doc id: the statuses to give on successive polls (the last one repeats). */
let statuses: Record<string, Array<{ process_status: number; failed_code?: number; failed_msg?: string }>> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-docs-'));
  await writeFile(join(dir, 'guide.md'), '# Guide\n\nVikingDB 知识库 guide.\n');
  await writeFile(join(dir, 'notes.txt'), 'plain notes');
  await writeFile(join(dir, 'slides.docx'), 'x');
  server = createServer((request, response) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const path = request.url ?? '';
      captured.push({ method: request.method ?? '', path, headers: request.headers, body });
      const answer = (data: unknown) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 0, message: 'success', request_id: 'req-1', data }));
      };
      if (path === '/ping') return answer({});
      if (path === '/api/knowledge/doc/v2/add') {
        if (body['doc_name'] === 'notes.txt') {
          response.writeHead(400, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ code: 1000003, message: 'tag_list.0: unknown field', request_id: 'req-2' }));
          return;
        }
        return answer({ collection_name: body['collection_name'], doc_id: body['doc_id'], task_id: 7 });
      }
      if (path === '/api/knowledge/doc/info') {
        const queue = statuses[String(body['doc_id'])] ?? [{ process_status: 0 }];
        const status = queue.length > 1 ? queue.shift()! : queue[0]!;
        return answer({ doc_id: body['doc_id'], point_num: 3, status: { failed_code: 0, failed_msg: '', ...status } });
      }
      response.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  captured.length = 0;
  statuses = {};
});

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('docs add over HTTP', () => {
  it('sends each document to doc/v2/add with the exact body, polls doc/info, and prints one result per document', async () => {
    statuses = {
      doc_guide_md: [{ process_status: 6 }, { process_status: 0 }],
      doc_report_pdf: [
        { process_status: 6 },
        { process_status: 1, failed_code: 10001, failed_msg: 'download timeout' },
      ],
    };
    const { io, out, err } = fakeCliIo({ VIKINGDB_API_KEY: 'kb-key' });
    const status = await runCli(
      [
        'docs',
        'add',
        join(dir, 'guide.md'),
        'https://example.com/files/report.pdf',
        '--collection',
        'demo_kb',
        '--project',
        'docs',
        '--tag',
        'team=search',
        '--tag',
        'year:int64=2025',
        '--tag',
        'public:bool=true',
        '--url',
        url,
        '--poll-ms',
        '10',
      ],
      io,
    );
    expect(status).toBe(1);
    const adds = captured.filter((c) => c.path === '/api/knowledge/doc/v2/add');
    const tagList = [
      { field_name: 'team', field_type: 'string', field_value: 'search' },
      { field_name: 'year', field_type: 'int64', field_value: 2025 },
      { field_name: 'public', field_type: 'bool', field_value: true },
    ];
    expect(adds.map((c) => c.body)).toEqual([
      {
        collection_name: 'demo_kb',
        project: 'docs',
        doc_id: 'doc_guide_md',
        doc_name: 'guide.md',
        doc_type: 'markdown',
        tag_list: tagList,
        uri: `data:text/markdown;base64,${base64('# Guide\n\nVikingDB 知识库 guide.\n')}`,
      },
      {
        collection_name: 'demo_kb',
        project: 'docs',
        doc_id: 'doc_report_pdf',
        doc_name: 'report.pdf',
        doc_type: 'pdf',
        tag_list: tagList,
        uri: 'https://example.com/files/report.pdf',
      },
    ]);
    // Key order as the Python SDK sends it: locator, doc_id, doc_name, doc_type, tag_list, uri.
    expect(Object.keys(adds[0]!.body)).toEqual([
      'collection_name',
      'project',
      'doc_id',
      'doc_name',
      'doc_type',
      'tag_list',
      'uri',
    ]);
    for (const add of adds) {
      expect(add.method).toBe('POST');
      expect(add.headers['content-type']).toMatch(/^application\/json/);
      expect(add.headers['authorization']).toBe('Bearer kb-key');
    }
    const infos = captured.filter((c) => c.path === '/api/knowledge/doc/info').map((c) => c.body);
    expect(infos).toContainEqual({ collection_name: 'demo_kb', project: 'docs', doc_id: 'doc_guide_md' });
    expect(infos.filter((b) => b['doc_id'] === 'doc_guide_md')).toHaveLength(2);
    expect(infos.filter((b) => b['doc_id'] === 'doc_report_pdf')).toHaveLength(2);

    expect(out()).toBe(
      `done\tdoc_guide_md\t${join(dir, 'guide.md')}\t3 points\n` +
        'failed\tdoc_report_pdf\thttps://example.com/files/report.pdf\t10001 download timeout\n',
    );
    expect(err()).toContain(`adding 2 document(s) to demo_kb via ${url}\n`);
    expect(err()).toContain(`processing ${join(dir, 'guide.md')}: doc_id doc_guide_md\n`);
    expect(err()).toContain('1 of 2 document(s) added to demo_kb, 1 failed\n');
  });

  it('a refused add is reported with the server message and not polled', async () => {
    const { io, out } = fakeCliIo();
    expect(await runCli(['docs', 'add', join(dir, 'notes.txt'), '--collection', 'kb', '--url', url], io)).toBe(1);
    expect(out()).toMatch(/^failed\tdoc_notes_txt\t.*notes\.txt\t.*tag_list\.0: unknown field/);
    expect(captured.map((c) => c.path)).toEqual(['/api/knowledge/doc/v2/add']);
  });

  it('uses the default local server (VIKINGDB_PORT) when it answers its ping, and draws a bar on a terminal', async () => {
    const { io, out, err } = fakeCliIo({ VIKINGDB_PORT: String(port) }, { tty: true });
    expect(await runCli(['docs', 'add', join(dir, 'guide.md'), '--collection', 'demo_kb', '--poll-ms', '10'], io)).toBe(
      0,
    );
    expect(captured.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /ping',
      'POST /api/knowledge/doc/v2/add',
      'POST /api/knowledge/doc/info',
    ]);
    expect(captured[1]!.body).not.toHaveProperty('project');
    expect(err()).toContain('\r\x1b[K[░░░░░░░░░░░░░░░░░░░░░░░░] 0/1 finished · sending');
    expect(err()).toContain('\r\x1b[K[████████████████████████] 1/1 finished\n');
    expect(out()).toBe(`done\tdoc_guide_md\t${join(dir, 'guide.md')}\t3 points\n`);
  });

  it('exits 2 on usage errors, before sending anything', async () => {
    for (const argv of [
      ['docs'],
      ['docs', 'remove', 'a.md'],
      ['docs', 'add', '--collection', 'kb'],
      ['docs', 'add', join(dir, 'guide.md')],
      ['docs', 'add', join(dir, 'slides.docx'), '--collection', 'kb', '--url', url],
      ['docs', 'add', join(dir, 'missing.md'), '--collection', 'kb', '--url', url],
      ['docs', 'add', join(dir, 'guide.md'), '--collection', 'kb', '--tag', 'novalue', '--url', url],
      ['docs', 'add', join(dir, 'guide.md'), '--collection', 'kb', '--tag', 'n:int64=1.5', '--url', url],
      ['docs', 'add', join(dir, 'guide.md'), '--collection', 'kb', '--url', url, '--data', dir],
    ]) {
      const { io } = fakeCliIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
    }
    const { io, err } = fakeCliIo();
    await runCli(['docs', 'add', join(dir, 'slides.docx'), '--collection', 'kb', '--url', url], io);
    expect(err()).toContain('unsupported file type ".docx"; supported: .md, .markdown, .txt, .html, .htm, .pdf');
    expect(captured).toEqual([]);
  });
});

describe('docs add without a server', () => {
  it('refuses a data directory that a running server holds, naming it and --url, and touches nothing', async () => {
    const dataDir = join(dir, 'held');
    const running = await createLocalServer({ port: 0, dataDir, log: false });
    try {
      const { io, out, err } = fakeCliIo();
      expect(
        await runCli(['docs', 'add', join(dir, 'guide.md'), '--collection', 'demo_kb', '--data', dataDir], io),
      ).toBe(1);
      expect(err()).toContain(
        `vikingdb-kit docs: the data directory ${dataDir} is in use by process ${process.pid} (vikingdb-kit serve at ${running.url}, since `,
      );
      expect(err()).toContain(`Send the documents through it: --url ${running.url}\n`);
      expect(out()).toBe('');
      expect(await dataDirHolder(dataDir)).toMatchObject({ pid: process.pid, command: 'serve', url: running.url });
      expect((await fetch(`${running.url}/ping`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('opens a free data directory itself and releases it afterwards', async () => {
    const dataDir = join(dir, 'free');
    const { io, err } = fakeCliIo();
    await runCli(
      ['docs', 'add', join(dir, 'guide.md'), '--collection', 'demo_kb', '--data', dataDir, '--poll-ms', '10'],
      io,
    );
    expect(err()).toContain(`adding 1 document(s) to demo_kb via data directory ${dataDir}\n`);
    expect(await dataDirHolder(dataDir)).toBeUndefined();
  });
});
