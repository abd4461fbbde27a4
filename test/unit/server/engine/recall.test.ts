import { describe, expect, it } from 'vitest';
import type { Distance } from '../../../../src/server/local/config/schema';
import { parseLocalConfig } from '../../../../src/server/local/config/schema';
import { seededRandom } from '../../../../src/server/local/engine/seededRandom';
import { createHarness } from './engineHarness';

const DIM = 12;
const ROWS = 1500;

function score(distance: Distance, a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  let l2 = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
    l2 += (a[i]! - b[i]!) ** 2;
  }
  if (distance === 'ip') return dot;
  if (distance === 'l2') return l2;
  return dot / Math.sqrt(na * nb);
}

describe.each(['ip', 'cosine', 'l2'] as const)('exact search recall (%s)', (distance) => {
  it('equals a naive full scan (recall 1.0), with filters, after deletes', async () => {
    const config = parseLocalConfig({
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
    const h = await createHarness({ config });
    const random = seededRandom(distance.length * 7919);
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      id: i + 1,
      v: Array.from({ length: DIM }, () => Math.fround(random() * 2 - 1)),
      g: i % 7,
    }));
    for (let i = 0; i < ROWS; i += 100) {
      const answer = await h.call('/api/vikingdb/data/upsert', { collection_name: 'r', data: rows.slice(i, i + 100) });
      expect(answer.status).toBe(200);
    }
    const deleted = new Set(rows.filter((r) => r.id % 11 === 0).map((r) => r.id));
    await h.call('/api/vikingdb/data/delete', { collection_name: 'r', ids: [...deleted] });
    const live = rows.filter((r) => !deleted.has(r.id));
    const better = distance === 'l2' ? (a: number, b: number) => a - b : (a: number, b: number) => b - a;
    for (let q = 0; q < 15; q++) {
      const query = Array.from({ length: DIM }, () => Math.fround(random() * 2 - 1));
      const filtered = q % 3 === 0;
      const limit = 1 + Math.floor(random() * 40);
      const candidates = filtered ? live.filter((r) => r.g === 2 || r.g === 5) : live;
      const expected = candidates
        .map((r) => ({ id: r.id, s: score(distance, query, r.v) }))
        .sort((a, b) => better(a.s, b.s))
        .slice(0, limit);
      const answer = await h.call('/api/vikingdb/data/search/vector', {
        collection_name: 'r',
        index_name: 'i',
        dense_vector: query,
        limit,
        output_fields: [],
        ...(filtered ? { filter: { op: 'must', field: 'g', conds: [2, 5] } } : {}),
      });
      const got = answer.body.result.data as Array<{ id: number; score: number }>;
      expect(got.map((d) => d.id)).toEqual(expected.map((e) => e.id));
      got.forEach((d, i) => expect(d.score).toBeCloseTo(expected[i]!.s, 4));
      expect(answer.body.result.filter_matched_count).toBe(candidates.length);
    }
  });
});
