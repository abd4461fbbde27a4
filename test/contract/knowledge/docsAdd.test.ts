/**
 * `vikingdb-kit docs add` against the real engine: straight into a data directory (no server), then read back by a
 * local server opened on that directory; and over HTTP to a running local server. Either way the Markdown file is
 * processed into points that retrieval finds.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVikingClient, apiKey } from '../../../src/client/index.node';
import { runCli } from '../../../src/server/cli';
import { createLocalServer } from '../../../src/server/local/createLocalServer';
import { dataDirHolder } from '../../../src/server/local/storage/dataDirLock';
import { fakeCliIo } from '../../support/fakeCliIo';

const GUIDE = [
  '# Lighthouse keeping',
  '',
  'The keeper trims the wick of the lamp every evening before sunset.',
  '',
  '## Fresnel lens',
  '',
  'Augustin Fresnel designed the stepped lens in 1822; it throws the beam thirty kilometres.',
].join('\n');

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-docs-e2e-'));
  file = join(dir, 'keeping.md');
  await writeFile(file, GUIDE);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a knowledge client sees of `demo_kb` on `url`: the doc, its points and the best hit for a question. */
async function readBack(url: string) {
  const kb = createVikingClient({ auth: apiKey('unused'), baseUrl: url }).knowledge.collection('demo_kb');
  const docs = await kb.docs.list({ limit: 100 });
  const doc = docs.items.find((item) => item.docName === 'keeping.md');
  expect(doc, `docs: ${JSON.stringify(docs.items.map((item) => item.docName))}`).toBeDefined();
  const docId = doc!.docId!;
  const info = await kb.docs.info(docId);
  const points = await kb.points.list({ docIds: [docId], limit: 100 });
  const found = await kb.searchKnowledge({ query: 'who designed the Fresnel lens', limit: 1 });
  return { info, points, found };
}

describe('docs add without a server (data directory)', () => {
  it('adds and processes a Markdown file; a server opened on the directory afterwards serves it', async () => {
    const dataDir = join(dir, 'direct');
    const { io, out, err } = fakeCliIo();
    const status = await runCli(
      ['docs', 'add', file, '--collection', 'demo_kb', '--data', dataDir, '--poll-ms', '10', '--tag', 'kind=docs'],
      io,
    );
    expect(status, err()).toBe(0);
    expect(out()).toMatch(/keeping\.md/);
    expect(await dataDirHolder(dataDir)).toBeUndefined();

    const server = await createLocalServer({ port: 0, dataDir, log: false });
    try {
      const { info, points, found } = await readBack(server.url);
      expect(info.status?.processStatus).toBe(0);
      expect(info.meta).toEqual(expect.arrayContaining([expect.objectContaining({ fieldName: 'kind' })]));
      expect(points.items.length).toBeGreaterThan(0);
      expect(points.items.map((point) => point.content).join('\n')).toContain('Augustin Fresnel');
      expect(found.items[0]!.content).toContain('Fresnel');
      expect(found.items[0]!.docInfo?.docName).toBe('keeping.md');
    } finally {
      await server.close();
    }
  });
});

describe('docs add over HTTP to a running local server', () => {
  it('adds and processes a Markdown file through --url', async () => {
    const server = await createLocalServer({ port: 0, inMemory: true, log: false });
    try {
      const { io, out, err } = fakeCliIo();
      const status = await runCli(
        ['docs', 'add', file, '--collection', 'demo_kb', '--url', server.url, '--poll-ms', '10'],
        io,
      );
      expect(status, err()).toBe(0);
      expect(out()).toMatch(/keeping\.md/);
      const { info, points, found } = await readBack(server.url);
      expect(info.status?.processStatus).toBe(0);
      expect(points.items.map((point) => point.content).join('\n')).toContain('trims the wick');
      expect(found.items[0]!.content).toContain('Fresnel');
    } finally {
      await server.close();
    }
  });
});
