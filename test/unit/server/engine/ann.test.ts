import { describe, expect, it } from 'vitest';
import { annIndexNames, loadUsearchFactory } from '../../../../src/server/local/ann/usearchIndex';
import { parseLocalConfig, type LocalConfigInput } from '../../../../src/server/local/config/schema';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import type { ApproximateIndexFactory } from '../../../../src/server/local/engine/vector/ApproximateIndex';
import { seededRandom } from '../../../../src/server/local/engine/seededRandom';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';

const DIM = 32;
const ROWS = 3000;
const K = 10;

function configInput(distance: 'ip' | 'cosine' | 'l2'): LocalConfigInput {
  return {
    collections: [
      {
        name: 'c',
        primaryKey: { name: 'id', type: 'int64' },
        fields: [
          { name: 'v', type: 'vector', dim: DIM },
          { name: 'g', type: 'int64' },
        ],
        indexes: [
          { name: 'exact', distance, scalarFields: ['g'] },
          { name: 'ann', distance, scalarFields: ['g'], ann: { kind: 'hnsw' } },
        ],
      },
    ],
  };
}

/** Clustered vectors (like embeddings): 20 Gaussian-ish centres plus noise. */
function clustered(random: () => number, count: number): number[][] {
  const centres = Array.from({ length: 20 }, () => Array.from({ length: DIM }, () => random() * 2 - 1));
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random() * centres.length)]!;
    return centre.map((x) => Math.fround(x + (random() + random() + random() - 1.5) * 0.3));
  });
}

async function setup(distance: 'ip' | 'cosine' | 'l2', annFactory: ApproximateIndexFactory | undefined) {
  const engine = await createLocalEngine({
    config: parseLocalConfig(configInput(distance)),
    storage: createMemoryStorage(),
    ...(annFactory && { annFactory }),
  });
  let n = 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read deep JSON freely
  const call = async (path: string, body: unknown): Promise<any> => {
    const answer = await engine.handle({ method: 'POST', path, body: JSON.stringify(body), requestId: `r${n++}` });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  const search = async (index: string, query: number[], extra: Record<string, unknown> = {}) => {
    const body = await call('/api/vikingdb/data/search/vector', {
      collection_name: 'c',
      index_name: index,
      dense_vector: query,
      limit: K,
      output_fields: [],
      ...extra,
    });
    return body.result as { data: Array<{ id: number; score: number }>; filter_matched_count: number };
  };
  return { engine, call, search };
}

const factory = await loadUsearchFactory();

describe.each(['ip', 'cosine', 'l2'] as const)('approximate index (usearch hnsw, %s)', (distance) => {
  it('has recall@10 ≥ 0.95 vs exact, exact scores, and sees upserts and deletes', async () => {
    const { call, search, engine } = await setup(distance, factory);
    const random = seededRandom(17 + distance.length);
    const vectors = clustered(random, ROWS + 40);
    const rows = vectors.slice(0, ROWS).map((v, i) => ({ id: i + 1, v, g: i % 4 }));
    for (let i = 0; i < ROWS; i += 100)
      await call('/api/vikingdb/data/upsert', { collection_name: 'c', data: rows.slice(i, i + 100) });
    const queries = vectors.slice(ROWS);

    let found = 0;
    let foundFiltered = 0;
    for (const query of queries) {
      const exact = await search('exact', query);
      const ann = await search('ann', query);
      expect(ann.filter_matched_count).toBe(ROWS);
      const expected = new Map(exact.data.map((hit) => [hit.id, hit.score]));
      for (const hit of ann.data) {
        if (!expected.has(hit.id)) continue;
        found++;
        expect(hit.score).toBeCloseTo(expected.get(hit.id)!, 5);
      }
      const filter = { filter: { op: 'must', field: 'g', conds: [1, 2] } };
      const exactFiltered = await search('exact', query, filter);
      const annFiltered = await search('ann', query, filter);
      expect(annFiltered.filter_matched_count).toBe(exactFiltered.filter_matched_count);
      const expectedFiltered = new Set(exactFiltered.data.map((hit) => hit.id));
      foundFiltered += annFiltered.data.filter((hit) => expectedFiltered.has(hit.id)).length;
    }
    expect(found / (queries.length * K)).toBeGreaterThanOrEqual(0.95);
    expect(foundFiltered / (queries.length * K)).toBeGreaterThanOrEqual(0.95);

    // Deletes and updates: the nearest row of a query is deleted, another row is moved onto the query.
    const query = queries[0]!;
    const [nearest] = (await search('ann', query)).data;
    await call('/api/vikingdb/data/delete', { collection_name: 'c', ids: [nearest!.id] });
    expect((await search('ann', query)).data.map((hit) => hit.id)).not.toContain(nearest!.id);
    const moved = rows[ROWS - 1]!.id;
    // Under ip the query itself is not always its own best match; three times it is.
    const v = distance === 'ip' ? query.map((x) => x * 3) : query;
    await call('/api/vikingdb/data/upsert', { collection_name: 'c', data: [{ id: moved, v, g: 0 }] });
    const after = await search('ann', query);
    expect(after.data[0]!.id).toBe(moved);
    expect((await search('exact', query)).data[0]!.id).toBe(moved);
    expect(after.filter_matched_count).toBe(ROWS - 1);
    await engine.close();
  });
});

describe('approximate index config', () => {
  it('without a factory (e.g. MSW) an ann index searches exactly, same as an index without ann', async () => {
    const { search, call, engine } = await setup('ip', undefined);
    const random = seededRandom(5);
    const rows = clustered(random, 300).map((v, i) => ({ id: i + 1, v, g: i % 4 }));
    for (let i = 0; i < rows.length; i += 100)
      await call('/api/vikingdb/data/upsert', { collection_name: 'c', data: rows.slice(i, i + 100) });
    const query = clustered(random, 1)[0]!;
    expect(await search('ann', query, { limit: 50 })).toEqual(await search('exact', query, { limit: 50 }));
    await engine.close();
  });

  it('is validated and named', () => {
    const input = configInput('l2');
    expect(annIndexNames(parseLocalConfig(input))).toEqual(['c/ann']);
    const bad = structuredClone(input);
    (bad.collections![0]!.indexes![1] as { ann: unknown }).ann = { kind: 'ivf', connectivity: 1 };
    expect(() => parseLocalConfig(bad)).toThrow(/collections\.0\.indexes\.1\.ann\.kind/);
    expect(() => parseLocalConfig(bad)).toThrow(/collections\.0\.indexes\.1\.ann\.connectivity/);
  });
});
