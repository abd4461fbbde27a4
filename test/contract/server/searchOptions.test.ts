/** `return_schema` on every search mode, and the index visibility delay (`indexDelayMs` / `--index-delay-ms`). */
import { describe, expect, it } from 'vitest';
import { createVikingClient, f, headerAuth } from '../../../src/client/index.node';
import { runCli } from '../../../src/server/cli';
import { createLocalServer } from '../../../src/server/local/createLocalServer';
import { demoDoc, serverForThisFile } from './harness';
import { fakeCliIo } from '../../support/fakeCliIo';

const fx = serverForThisFile();

describe('return_schema', () => {
  it('describes the collection (fields with types, primary key) and the index (distance, scalar fields)', async () => {
    await fx.client.vector.collection('demo_docs').upsert([demoDoc(1), demoDoc(2)]);
    const index = fx.client.vector.index('demo_docs', 'demo_docs_index');
    const searches = [
      index.search.random({ returnSchema: true }),
      index.search.id({ id: 1, returnSchema: true }),
      index.search.scalar({ field: 'year', returnSchema: true }),
      index.search.keywords({ keywords: ['garden'], returnSchema: true }),
      index.search.multiModal({ text: 'garden', returnSchema: true }),
    ];
    for (const result of await Promise.all(searches)) {
      expect(result.schema).toEqual({
        collection_name: 'demo_docs',
        project_name: 'default',
        primary_key: 'id',
        fields: [
          { field_name: 'id', field_type: 'int64', is_primary_key: true },
          { field_name: 'title', field_type: 'string' },
          { field_name: 'body', field_type: 'text' },
          { field_name: 'lang', field_type: 'string' },
          { field_name: 'tags', field_type: 'list<string>' },
          { field_name: 'year', field_type: 'int64' },
          { field_name: 'rating', field_type: 'float32' },
          { field_name: 'pos_x', field_type: 'float32' },
          { field_name: 'pos_y', field_type: 'float32' },
          { field_name: 'category', field_type: 'string' },
        ],
        vectorize: { text_field: 'body', vector_field: '__dense_vector__', model_name: 'bge-m3', dim: 256 },
        index: {
          index_name: 'demo_docs_index',
          distance: 'cosine',
          vector_field: '__dense_vector__',
          dim: 256,
          scalar_fields: ['id', 'title', 'lang', 'tags', 'year', 'rating', 'pos_x', 'pos_y', 'category'],
          partition_field: 'category',
        },
      });
    }
    const vectorIndex = fx.client.vector.index('vector', 'vector_index');
    const byVector = await vectorIndex.search.vector({ denseVector: new Array(1024).fill(0.1), returnSchema: true });
    expect(byVector.schema).toMatchObject({
      primary_key: '__AUTO_ID__',
      index: { distance: 'ip', vector_field: 'vector', dim: 1024, scalar_fields: ['title', 'paragraph', 'score'] },
    });
    expect(byVector.schema?.['fields']).toContainEqual({ field_name: 'vector', field_type: 'vector', dim: 1024 });
    expect((await index.search.random({})).schema).toBeUndefined();
  });
});

const DELAY_MS = 1000;

/**
 * Writes a row and checks what index reads see. "Not yet visible" is asserted only when the answer came back less
 * than the delay after the write was sent (then the server cannot have passed the visibility time), so a slow,
 * loaded machine skips that assertion instead of failing it.
 */
async function checkDelayedVisibility(url: string): Promise<void> {
  const client = createVikingClient({ baseUrl: url, auth: headerAuth({}), retry: { maxRetries: 0 } });
  const docs = client.vector.collection('demo_docs');
  const index = client.vector.index('demo_docs', 'demo_docs_index');
  const only77 = f.must('id', [77]);
  const sent = Date.now();
  await docs.upsert([demoDoc(77)]);
  expect((await docs.fetch([77])).items).toHaveLength(1); // the collection sees writes at once
  const early = await Promise.all([
    index.search.random({ filter: only77 }),
    index.fetch([77]),
    index.aggregate({ filter: only77 }),
  ]);
  if (Date.now() - sent < DELAY_MS) {
    expect(early[0].items).toEqual([]);
    expect(early[1].idsNotExist).toEqual([77]);
    expect(early[2].agg).toEqual({ __TOTAL__: 0 });
  }
  let visibleAfter: number | undefined;
  while (visibleAfter === undefined && Date.now() - sent < DELAY_MS + 10_000) {
    const hits = await index.search.random({ filter: only77 });
    if (hits.items.length === 1) visibleAfter = Date.now() - sent;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(visibleAfter).toBeGreaterThanOrEqual(DELAY_MS - 50);
  expect((await index.fetch([77])).items).toHaveLength(1);

  // Deletes are delayed the same way.
  const deleteSent = Date.now();
  await docs.delete({ ids: [77] });
  expect((await docs.fetch([77])).idsNotExist).toEqual([77]);
  const stillThere = await index.search.random({ filter: only77 });
  if (Date.now() - deleteSent < DELAY_MS) expect(stillThere.items).toHaveLength(1);
}

describe('index visibility delay', () => {
  it('createLocalServer({ indexDelayMs }) delays index reads, not collection reads', { timeout: 30_000 }, async () => {
    const server = await createLocalServer({ port: 0, inMemory: true, log: false, indexDelayMs: DELAY_MS });
    try {
      await checkDelayedVisibility(server.url);
    } finally {
      await server.close();
    }
  });

  it('`serve --index-delay-ms` does the same', { timeout: 30_000 }, async () => {
    const { io, stop, err } = fakeCliIo();
    const running = runCli(
      ['serve', '--port', '0', '--in-memory', '--quiet', '--index-delay-ms', String(DELAY_MS)],
      io,
    );
    try {
      let url: string | undefined;
      for (let i = 0; i < 250 && !url; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        url = /listening on (http:\/\/\S+)/.exec(err())?.[1];
      }
      expect(url).toBeDefined();
      await checkDelayedVisibility(url!);
    } finally {
      stop('SIGTERM');
      expect(await running).toBe(0);
    }
  });

  it('without a delay, writes are visible to index reads at once', async () => {
    const docs = fx.client.vector.collection('demo_docs');
    await docs.upsert([demoDoc(88)]);
    const hits = await fx.client.vector
      .index('demo_docs', 'demo_docs_index')
      .search.random({ filter: f.must('id', [88]) });
    expect(hits.items.map((i) => i.id)).toEqual([88]);
  });
});
