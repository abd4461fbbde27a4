import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLocalConfig } from '../../../../src/server/local/config/schema';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import { float32Numbers } from '../../../../src/server/local/engine/vector/compactRow';
import { createLmdbStorage } from '../../../../src/server/local/storage/lmdbStorage';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';
import type { Storage } from '../../../../src/server/local/engine/storage/Storage';

const config = parseLocalConfig({
  collections: [
    {
      name: 'c',
      primaryKey: { name: 'id', type: 'int64' },
      fields: [
        { name: 'v', type: 'vector', dim: 8 },
        { name: 'nums', type: 'list<int64>' },
      ],
      indexes: [{ name: 'i', distance: 'l2', scalarFields: [] }],
    },
  ],
});

const given = [0.1, -0.25, 0.123456789, 1e-7, 3.4e38, -0, 12345.678, 0.3];
/** What VikingDB answers for `given`: float32 values, each as its shortest decimal. */
const asFloat32 = [0.1, -0.25, 0.12345679, 1e-7, 3.4e38, 0, 12345.678, 0.3];
const bigInts = [1, 2, 3, 4, 5, 6, 7, 2 ** 40 + 1];

async function call(storage: Storage, path: string, body: unknown) {
  const engine = await createLocalEngine({ config, storage });
  const answer = await engine.handle({ method: 'POST', path, body: JSON.stringify(body), requestId: 'r' });
  return { engine, body: answer.body as { result: { items?: unknown[]; data?: unknown[] } } };
}

describe('dense vectors held as float32', () => {
  it('answers each component as the shortest decimal of its float32 value', () => {
    expect(float32Numbers(Float32Array.from(given))).toEqual(asFloat32);
    for (let i = 0; i < 2000; i++) {
      const value = Math.fround((Math.random() - 0.5) * 10 ** ((i % 20) - 10));
      const [shortest] = float32Numbers(Float32Array.of(value));
      expect(Math.fround(shortest!)).toBe(value);
      expect(
        String(shortest)
          .replace(/^-|e.*$|\./g, '')
          .replace(/^0+/, '').length,
      ).toBeLessThanOrEqual(9);
    }
  });

  it.each(['memory', 'lmdb'] as const)('fetch, search and a restart agree (%s storage)', async (kind) => {
    const dir = kind === 'lmdb' ? await mkdtemp(join(tmpdir(), 'vikingdb-compact-')) : undefined;
    const open = () => (dir ? createLmdbStorage(join(dir, 'data')) : Promise.resolve(createMemoryStorage()));
    try {
      const storage = await open();
      const upsert = await call(storage, '/api/vikingdb/data/upsert', {
        collection_name: 'c',
        data: [{ id: 1, v: given, nums: bigInts }],
      });
      const fetchBody = { collection_name: 'c', ids: [1] };
      const expected = { id: 1, fields: { v: asFloat32, nums: bigInts } };
      const fetched = await upsert.engine.handle({
        method: 'POST',
        path: '/api/vikingdb/data/fetch_in_collection',
        body: JSON.stringify(fetchBody),
        requestId: 'f',
      });
      expect((fetched.body as { result: { fetch: unknown[] } }).result.fetch).toEqual([expected]);
      // An update that leaves the vector alone keeps it bit for bit.
      const updated = await upsert.engine.handle({
        method: 'POST',
        path: '/api/vikingdb/data/update',
        body: JSON.stringify({ collection_name: 'c', data: [{ id: 1, nums: [9] }] }),
        requestId: 'u',
      });
      expect(updated.status).toBe(200);
      const again = await upsert.engine.handle({
        method: 'POST',
        path: '/api/vikingdb/data/search/vector',
        body: JSON.stringify({ collection_name: 'c', index_name: 'i', dense_vector: given, output_fields: ['v'] }),
        requestId: 's',
      });
      expect((again.body as { result: { data: unknown[] } }).result.data).toEqual([
        { id: 1, fields: { v: asFloat32 }, score: 0, ann_score: 0 },
      ]);
      // lmdb: a restart on the same directory; memory: a second engine loading the same storage.
      if (dir) await upsert.engine.close();
      const reopened = dir ? await open() : storage;
      const after = await call(reopened, '/api/vikingdb/data/search/vector', {
        collection_name: 'c',
        index_name: 'i',
        dense_vector: given,
        output_fields: ['v', 'nums'],
      });
      expect(after.body.result.data).toEqual([{ id: 1, fields: { v: asFloat32, nums: [9] }, score: 0, ann_score: 0 }]);
      await after.engine.close();
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });
});
