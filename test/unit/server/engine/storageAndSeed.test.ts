import { KNOWLEDGE_CORPUS } from '../../../../src/server/local/seed/knowledgeCorpus';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../src/server/local/config/defaultConfig';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import {
  DEMO_COMPACT_DOC_COUNT,
  DEMO_DOC_COUNT,
  demoRows,
  demoSessions,
  seedDemo,
} from '../../../../src/server/local/seed/demoDataset';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';

describe('createMemoryStorage', () => {
  it('commits atomically, deletes with undefined, loads in key order, copies values', async () => {
    const storage = createMemoryStorage();
    const value = { a: [1] };
    await storage.commit([
      { space: 's', key: 'b', value },
      { space: 's', key: 'a', value: 1 },
      { space: 't', key: 'x', value: 2 },
    ]);
    value.a.push(2);
    expect(await storage.load('s')).toEqual([
      ['a', 1],
      ['b', { a: [1] }],
    ]);
    await storage.commit([{ space: 't', key: 'x', value: undefined }]);
    expect(await storage.spaces()).toEqual(['s']);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    await expect(
      storage.commit([
        { space: 's', key: 'c', value: 3 },
        { space: 's', key: 'd', value: cyclic },
      ]),
    ).rejects.toThrow();
    expect((await storage.load('s')).map(([key]) => key)).toEqual(['a', 'b']);
    await storage.close();
    await expect(storage.load('s')).rejects.toThrow(/closed/);
  });
});

describe('demo dataset', () => {
  it('is deterministic', () => {
    expect([...demoRows({ count: 20 })]).toEqual([...demoRows({ count: 20 })]);
    expect([...demoRows({ count: 5, seed: 1 })]).not.toEqual([...demoRows({ count: 5, seed: 2 })]);
  });

  it('has a full dataset of a few thousand bilingual documents with distinct bodies and 36 sessions of 13 users', async () => {
    const rows = [...demoRows({ count: DEMO_DOC_COUNT })];
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.slice(DEMO_COMPACT_DOC_COUNT).map((r) => r.body)).size).toBe(3000 - DEMO_COMPACT_DOC_COUNT);
    expect(new Set(rows.map((r) => r.lang))).toEqual(new Set(['en', 'zh']));
    expect(rows.slice(0, DEMO_COMPACT_DOC_COUNT)).toEqual([...demoRows()]);
    const sessions = demoSessions('full');
    expect(sessions).toHaveLength(36);
    expect(new Set(sessions.map((s) => s.metadata.default_user_id)).size).toBe(13);
    expect(demoSessions()).toHaveLength(3);
    const engine = await createLocalEngine({ config: defaultConfig, storage: createMemoryStorage() });
    expect(await seedDemo(engine, { dataset: 'full' })).toEqual({
      docs: 3000,
      sessions: 36,
      knowledgeDocs: KNOWLEDGE_CORPUS.length,
    });
  });

  it('loads through the engine into the default config', async () => {
    const engine = await createLocalEngine({ config: defaultConfig, storage: createMemoryStorage() });
    expect(await seedDemo(engine)).toEqual({ docs: 200, sessions: 3, knowledgeDocs: KNOWLEDGE_CORPUS.length });
    const answer = await engine.handle({
      method: 'POST',
      path: '/api/vikingdb/data/search/multi_modal',
      body: JSON.stringify({
        collection_name: 'demo_docs',
        index_name: 'demo_docs_index',
        text: 'green tea',
        limit: 3,
        filter: { op: 'range', field: ['pos_x', 'pos_y'], center: [50, 50], radius: 100 },
      }),
      requestId: 'r',
    });
    expect(answer.status).toBe(200);
    const data = (answer.body['result'] as { data: Array<{ fields: { tags: string[] } }> }).data;
    expect(data).toHaveLength(3);
    expect(data[0]!.fields.tags).toContain('tea');
    const memory = await engine.handle({
      method: 'POST',
      path: '/api/memory/profile/search',
      body: JSON.stringify({ collection_name: 'demo_memory', filter: { user_id: 'alice' } }),
      requestId: 'm',
    });
    expect(JSON.stringify(memory.body)).toContain('Name: Alice');
    const kb = await engine.handle({
      method: 'POST',
      path: '/api/knowledge/doc/info',
      body: JSON.stringify({ collection_name: 'demo_kb', doc_id: 'readme' }),
      requestId: 'k',
    });
    expect(kb.body['data']).toMatchObject({ doc_name: 'README.md', status: { process_status: 0 } });
    expect((kb.body['data'] as { point_num: number }).point_num).toBeGreaterThan(10);
    // Seeding again adds no second copy of the docs.
    expect((await seedDemo(engine, { memoryCollection: null })).knowledgeDocs).toBe(0);
    await expect(seedDemo(engine, { collection: 'nope' })).rejects.toThrow(/seeding failed/);
  });
});
