/**
 * Start-up snapshots over lmdb: a closed engine leaves one file per vector collection, the next start rebuilds the
 * collections from it with exactly what the records hold, and a snapshot that is stale (a commit since), written for
 * another schema, damaged or from another store is never read.
 */
import { appendFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLocalConfig, type LocalConfig } from '../../../../src/server/local/config/schema';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import type { LocalEngine } from '../../../../src/server/local/engine/protocol';
import type { Storage } from '../../../../src/server/local/engine/storage/Storage';
import { createLmdbStorage } from '../../../../src/server/local/storage/lmdbStorage';
import { SNAPSHOT_DIR } from '../../../../src/server/local/storage/lmdbSnapshots';
import { item, ON_IDX, ON_ITEMS, testConfig, testConfigInput, V } from '../engine/engineHarness';

const START = Date.UTC(2025, 0, 1);
let dir: string;
let clock: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-snapshot-'));
  clock = START;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens an engine on the store, noting which snapshots it read to the end (so rebuilt collections from). */
async function openEngine(config: LocalConfig = testConfig): Promise<{ engine: LocalEngine; restored: string[] }> {
  const storage = await createLmdbStorage(dir);
  const restored: string[] = [];
  const snapshots = storage.snapshots!;
  const watched: Storage = {
    ...storage,
    snapshots: {
      async open(name) {
        const reader = await snapshots.open(name);
        if (!reader) return undefined;
        let read = 0;
        return {
          size: reader.size,
          async read(into, position) {
            await reader.read(into, position);
            read += into.length;
            if (read === reader.size) restored.push(name);
          },
          close: () => reader.close(),
        };
      },
      save: (entries) => snapshots.save(entries),
    },
  };
  const engine = await createLocalEngine({ config, storage: watched, now: () => clock });
  return { engine, restored };
}

async function call(engine: LocalEngine, path: string, body: unknown) {
  const answer = await engine.handle({
    method: 'POST',
    path: `${V}/${path}`,
    body: JSON.stringify(body),
    requestId: 'r',
  });
  expect(answer.status).toBe(200);
  return answer.body as { result: Record<string, unknown> };
}

/** Everything a client can read back: every row of every collection and a search per index. */
async function everything(engine: LocalEngine) {
  const items = await call(engine, 'fetch_in_collection', { ...ON_ITEMS, ids: [1, 2, 3, 4, 5, 6] });
  const named = await call(engine, 'fetch_in_collection', { collection_name: 'named', ids: ['a', 'b', '键'] });
  const docs = await call(engine, 'search/random', { collection_name: 'docs', index_name: 'docs_idx', limit: 10 });
  const searches = [];
  for (const index of ['idx', 'idx_cos', 'idx_l2'])
    searches.push(
      await call(engine, 'search/vector', {
        ...ON_ITEMS,
        index_name: index,
        dense_vector: [0.3, -0.2, 0.1, 0.9],
        limit: 10,
        output_fields: ['title', 'vec', 'sparse', 'tags', 'nums', 'f'],
      }),
    );
  const filtered = await call(engine, 'search/vector', {
    ...ON_IDX,
    dense_vector: [1, 0, 0, 0],
    filter: { op: 'must', field: 'tags', conds: ['red'] },
    limit: 10,
  });
  return { items, named, docs, searches, filtered };
}

async function seed(engine: LocalEngine) {
  await call(engine, 'upsert', {
    ...ON_ITEMS,
    data: [
      item(1, { vec: [0.1, 0.2, 0.3, 0.4], tags: ['red'], nums: [1, 2 ** 40], f: 0.5, sparse: { a: 0.5 } }),
      item(2, { vec: [-1, 0.125, 3.4e38, 1e-7], tags: ['blue'], region: 'eu', body: 'text 文本' }),
      item(3, { vec: [0, 0, 0, 1], tags: ['red', 'blue'] }),
      item(4, { vec: [0.5, 0.5, 0.5, 0.5], flag: true }),
    ],
  });
  await call(engine, 'upsert', { ...ON_ITEMS, ttl: 60, data: [item(5, { vec: [1, 1, 1, 1] })] });
  await call(engine, 'update', { ...ON_ITEMS, data: [{ id: 3, title: 'updated' }] });
  await call(engine, 'delete', { ...ON_ITEMS, ids: [4] });
  await call(engine, 'upsert', {
    collection_name: 'named',
    data: [
      { key: 'a', label: 'x', vec: [1, 2] },
      { key: '键', label: 'y', vec: [-3, 0.5] },
    ],
  });
  await call(engine, 'upsert', {
    collection_name: 'docs',
    data: [{ title: 'd', content: 'capybaras swim', year: 2024 }],
  });
}

async function snapshotFiles(): Promise<string[]> {
  return (await readdir(join(dir, SNAPSHOT_DIR))).sort();
}

describe('start-up snapshots', () => {
  it('are saved at close and rebuild every collection exactly as the records do', async () => {
    const first = await openEngine();
    await seed(first.engine);
    const before = await everything(first.engine);
    await first.engine.close();
    expect(await snapshotFiles()).toEqual(['vector-docs.snapshot', 'vector-items.snapshot', 'vector-named.snapshot']);

    const restarted = await openEngine();
    expect(restarted.restored.sort()).toEqual(['vector-docs', 'vector-items', 'vector-named']);
    expect(await everything(restarted.engine)).toEqual(before);
    await restarted.engine.close();

    // The same store without its snapshots: read from the records, the same answers.
    await rm(join(dir, SNAPSHOT_DIR), { recursive: true });
    const fromRecords = await openEngine();
    expect(fromRecords.restored).toEqual([]);
    expect(await everything(fromRecords.engine)).toEqual(before);
    await fromRecords.engine.close();
  });

  it('are not read once the store changed after they were saved (a writer that crashed before saving)', async () => {
    const first = await openEngine();
    await seed(first.engine);
    await first.engine.close();
    // A later process wrote and died before it could save snapshots: its commits are in the store only.
    const crashed = await createLmdbStorage(dir);
    await crashed.commit([
      { space: 'vector/items/rows', key: '6', value: { id: 6, fields: { ...item(6), nums: [], tags: [] } } },
    ]);
    await crashed.close();

    const restarted = await openEngine();
    expect(restarted.restored).toEqual([]);
    const rows = await call(restarted.engine, 'fetch_in_collection', { ...ON_ITEMS, ids: [6] });
    expect(rows.result['fetch']).toHaveLength(1);
    await restarted.engine.close();
    // That close saved snapshots of the new state.
    const again = await openEngine();
    expect(again.restored).toHaveLength(3);
    expect((await call(again.engine, 'fetch_in_collection', { ...ON_ITEMS, ids: [6] })).result['fetch']).toHaveLength(
      1,
    );
    await again.engine.close();
  });

  it('are skipped for a changed schema, and a damaged or foreign file is never read', async () => {
    const first = await openEngine();
    await seed(first.engine);
    const before = await everything(first.engine);
    await first.engine.close();
    const itemsFile = join(dir, SNAPSHOT_DIR, 'vector-items.snapshot');
    const saved = await readFile(itemsFile);

    // Another schema for `items` (one more field): its snapshot is ignored, the rows load from the records.
    const wider = parseLocalConfig({
      ...testConfigInput,
      collections: (testConfigInput.collections ?? []).map((collection) =>
        collection.name === 'items'
          ? { ...collection, fields: [...collection.fields, { name: 'extra', type: 'string' as const }] }
          : collection,
      ),
    });
    const widened = await openEngine(wider);
    expect(widened.restored.sort()).toEqual(['vector-docs', 'vector-named']);
    const row = await call(widened.engine, 'fetch_in_collection', { ...ON_ITEMS, ids: [1] });
    expect(row.result['fetch']).toHaveLength(1);
    // Nothing was written, so the close keeps the files as they are.
    await widened.engine.close();

    for (const damage of [
      () => truncate(itemsFile, saved.length - 7),
      () => appendFile(itemsFile, Buffer.from([1, 2, 3])),
      async () => {
        const broken = Buffer.from(saved);
        broken.write('"kexs"', broken.indexOf('"keys"'), 'latin1');
        await writeFile(itemsFile, broken);
      },
    ]) {
      await writeFile(itemsFile, saved);
      await damage();
      const opened = await openEngine();
      expect(opened.restored).not.toContain('vector-items');
      expect(await everything(opened.engine)).toEqual(before);
      await opened.engine.close();
    }

    // A snapshot copied from another store (another token) is not read either.
    const other = await mkdtemp(join(tmpdir(), 'vikingdb-snapshot-other-'));
    try {
      const storage = await createLmdbStorage(other);
      const engine = await createLocalEngine({ config: testConfig, storage, now: () => clock });
      await engine.close();
      await writeFile(join(other, SNAPSHOT_DIR, 'vector-items.snapshot'), saved);
      const foreign = await createLmdbStorage(other);
      expect(await foreign.snapshots!.open('vector-items')).toBeUndefined();
      await foreign.close();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('purge the rows that expired while the server was down', async () => {
    const first = await openEngine();
    await seed(first.engine);
    await first.engine.close();
    clock = START + 61_000;
    const restarted = await openEngine();
    expect(restarted.restored).toContain('vector-items');
    const rows = await call(restarted.engine, 'fetch_in_collection', { ...ON_ITEMS, ids: [5, 1] });
    expect((rows.result['fetch'] as Array<{ id: number }>).map((row) => row.id)).toEqual([1]);
    await restarted.engine.close();
    const storage = await createLmdbStorage(dir);
    expect((await storage.load('vector/items/rows')).map(([key]) => key)).toEqual(['1', '2', '3']);
    await storage.close();
  });
});
