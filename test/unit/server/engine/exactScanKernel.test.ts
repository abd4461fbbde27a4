import { describe, expect, it } from 'vitest';
import { loadUsearchExactScan } from '../../../../src/server/local/ann/usearchExactScan';
import type { Distance } from '../../../../src/server/local/config/schema';
import { parseLocalConfig } from '../../../../src/server/local/config/schema';
import { seededRandom } from '../../../../src/server/local/engine/seededRandom';
import type { ExactScanKernel } from '../../../../src/server/local/engine/vector/ExactScanKernel';
import { createHarness, type Harness } from './engineHarness';

const DIM = 16;
const ROWS = 1200;

function configOf(distance: Distance) {
  return parseLocalConfig({
    collections: [
      {
        name: 'r',
        primaryKey: { name: 'id', type: 'int64' },
        fields: [
          { name: 'v', type: 'vector', dim: DIM },
          { name: 'g', type: 'int64' },
        ],
        indexes: [{ name: 'i', distance, scalarFields: ['g'] }],
      },
    ],
  });
}

/**
 * Rows with what makes an accelerated scan go wrong: exact duplicates (ties broken by slot), a zero vector (cosine),
 * values of very different magnitudes, and deleted rows (slots moved).
 */
function rowsOf(seed: number) {
  const random = seededRandom(seed);
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    id: i + 1,
    v: Array.from({ length: DIM }, () => Math.fround((random() * 2 - 1) * (i % 50 === 0 ? 1000 : 1))),
    g: i % 10,
  }));
  for (let i = 100; i < 140; i++) rows[i]!.v = [...rows[7]!.v];
  rows[300]!.v = Array.from({ length: DIM }, () => 0);
  return rows;
}

async function load(distance: Distance, exactScan: ExactScanKernel | undefined): Promise<Harness> {
  const h = await createHarness({ config: configOf(distance), ...(exactScan && { exactScan }) });
  const rows = rowsOf(distance.length * 31);
  for (let i = 0; i < ROWS; i += 100) {
    const answer = await h.call('/api/vikingdb/data/upsert', { collection_name: 'r', data: rows.slice(i, i + 100) });
    expect(answer.body).toMatchObject({ code: 'Success' });
  }
  const deleted = rows.filter((r) => r.id % 13 === 0).map((r) => r.id);
  expect((await h.call('/api/vikingdb/data/delete', { collection_name: 'r', ids: deleted })).status).toBe(200);
  return h;
}

function counting(kernel: ExactScanKernel): ExactScanKernel & { calls: number } {
  const counted = {
    calls: 0,
    nearest: (...args: Parameters<ExactScanKernel['nearest']>) => {
      counted.calls++;
      return kernel.nearest(...args);
    },
  };
  return counted;
}

const kernel = await loadUsearchExactScan();

describe.each(['ip', 'cosine', 'l2'] as const)('accelerated exact scan (%s)', (distance) => {
  it('answers exactly what the JavaScript scan answers (ids, scores, order, counts)', async () => {
    expect(kernel).toBeDefined();
    const accelerated = counting(kernel!);
    const [plain, fast] = await Promise.all([load(distance, undefined), load(distance, accelerated)]);
    const random = seededRandom(99);
    const rows = rowsOf(distance.length * 31);
    const queries = [
      rows[7]!.v, // ties: 41 identical vectors
      Array.from({ length: DIM }, () => 0),
      ...Array.from({ length: 20 }, () => Array.from({ length: DIM }, () => Math.fround(random() * 2 - 1))),
    ];
    const compare = async () => {
      for (const [q, query] of queries.entries()) {
        const body = {
          collection_name: 'r',
          index_name: 'i',
          dense_vector: query,
          limit: 1 + (q % 4) * 15,
          offset: q % 3,
          output_fields: ['g'],
          ...(q % 5 === 4 ? { filter: { op: 'must', field: 'g', conds: [3] } } : {}),
        };
        const [expected, got] = await Promise.all([
          plain.call('/api/vikingdb/data/search/vector', body),
          fast.call('/api/vikingdb/data/search/vector', body),
        ]);
        expect(got.status).toBe(200);
        expect(got.body.result).toEqual(expected.body.result);
      }
    };
    await compare();
    if (distance === 'cosine') {
      // A zero vector makes cosine undefined in float32 kernels: no kernel call while it is stored.
      expect(accelerated.calls).toBe(0);
      const zero = { collection_name: 'r', ids: [301] };
      await Promise.all([plain.call('/api/vikingdb/data/delete', zero), fast.call('/api/vikingdb/data/delete', zero)]);
      await compare();
    }
    // The kernel really answered some of them (the unfiltered ones that were not near-ties).
    expect(accelerated.calls).toBeGreaterThan(10);
  });
});

describe('accelerated exact scan fallbacks', () => {
  it('falls back to the JavaScript scan when the kernel throws or proposes too few or invalid slots', async () => {
    const plain = await load('ip', undefined);
    const broken: ExactScanKernel[] = [
      {
        nearest: () => {
          throw new Error('no SIMD today');
        },
      },
      { nearest: () => [0, 1] },
      { nearest: (_d, count, _dim, _q, k) => Array.from({ length: k }, (_, i) => count + i) },
    ];
    const query = Array.from({ length: DIM }, (_, i) => (i % 3) - 1);
    const body = { collection_name: 'r', index_name: 'i', dense_vector: query, limit: 7, output_fields: [] };
    const expected = await plain.call('/api/vikingdb/data/search/vector', body);
    for (const exactScan of broken) {
      const h = await load('ip', exactScan);
      const got = await h.call('/api/vikingdb/data/search/vector', body);
      expect(got.body.result).toEqual(expected.body.result);
    }
  });
});
