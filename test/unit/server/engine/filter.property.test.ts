import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHarness, ON_IDX, V, type Harness } from './engineHarness';

/** A row of `items` as the reference evaluator sees it. */
interface Row {
  id: number;
  title: string;
  n: number;
  f: number;
  flag: boolean;
  tags: string[];
  nums: number[];
  x: number;
  y: number;
  region: string;
}

type Node = Record<string, unknown>;

const words = ['a', 'b', 'c', 'd'];
const rowArb: fc.Arbitrary<Omit<Row, 'id'>> = fc.record({
  title: fc.constantFrom(...words),
  n: fc.integer({ min: -5, max: 5 }),
  f: fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  flag: fc.boolean(),
  tags: fc.array(fc.constantFrom(...words), { maxLength: 3 }),
  nums: fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 3 }),
  x: fc.integer({ min: -10, max: 10 }),
  y: fc.integer({ min: -10, max: 10 }),
  region: fc.constantFrom('cn', 'sg', 'us'),
});

const leafArb: fc.Arbitrary<Node> = fc.oneof(
  fc.record({
    op: fc.constantFrom('must', 'must_not'),
    field: fc.constant('title'),
    conds: fc.array(fc.constantFrom(...words), { maxLength: 3 }),
  }),
  fc.record({
    op: fc.constantFrom('must', 'must_not'),
    field: fc.constant('n'),
    conds: fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 3 }),
  }),
  fc.record({
    op: fc.constantFrom('must', 'must_not'),
    field: fc.constant('flag'),
    conds: fc.array(fc.boolean(), { maxLength: 2 }),
  }),
  fc.record({
    op: fc.constantFrom('must', 'must_not'),
    field: fc.constant('tags'),
    conds: fc.array(fc.constantFrom(...words), { maxLength: 2 }),
  }),
  fc.record({
    op: fc.constantFrom('must', 'must_not'),
    field: fc.constant('nums'),
    conds: fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 2 }),
  }),
  fc.record({
    op: fc.constantFrom('must', 'must_not'),
    field: fc.constant('region'),
    conds: fc.array(fc.constantFrom('cn', 'sg', 'us'), { maxLength: 2 }),
  }),
  fc
    .record(
      {
        op: fc.constantFrom('range', 'range_out'),
        field: fc.constantFrom('n', 'f', 'x'),
        gt: fc.integer({ min: -6, max: 6 }),
        gte: fc.integer({ min: -6, max: 6 }),
        lt: fc.integer({ min: -6, max: 6 }),
        lte: fc.integer({ min: -6, max: 6 }),
      },
      { requiredKeys: ['op', 'field'] },
    )
    .filter((node) => ['gt', 'gte', 'lt', 'lte'].some((k) => k in node)),
  fc.record({
    op: fc.constantFrom('range', 'range_out'),
    field: fc.constant(['x', 'y']),
    center: fc.tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: -10, max: 10 })),
    radius: fc.integer({ min: 0, max: 12 }),
  }),
);

const treeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ op: fc.constantFrom('and', 'or'), conds: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
  ),
})).node;

/** The reference: evaluates one row directly from the DSL, independent of the engine's bitmaps and columns. */
function matches(node: Node, row: Row): boolean {
  const value = (field: string) => row[field as keyof Row];
  switch (node['op']) {
    case 'must':
    case 'must_not': {
      const v = value(node['field'] as string);
      const conds = node['conds'] as unknown[];
      const hit = Array.isArray(v) ? v.some((e) => conds.includes(e)) : conds.includes(v);
      return node['op'] === 'must' ? hit : !hit;
    }
    case 'range':
    case 'range_out': {
      if (Array.isArray(node['field'])) {
        const [cx, cy] = node['center'] as [number, number];
        const d2 = (row.x - cx) ** 2 + (row.y - cy) ** 2;
        const inside = d2 <= (node['radius'] as number) ** 2;
        return node['op'] === 'range' ? inside : !inside;
      }
      const v = value(node['field'] as string) as number;
      const tests: boolean[] = [];
      if ('gt' in node) tests.push(v > (node['gt'] as number));
      if ('gte' in node) tests.push(v >= (node['gte'] as number));
      if ('lt' in node) tests.push(v < (node['lt'] as number));
      if ('lte' in node) tests.push(v <= (node['lte'] as number));
      return node['op'] === 'range' ? tests.every(Boolean) : tests.some(Boolean);
    }
    case 'and':
      return (node['conds'] as Node[]).every((c) => matches(c, row));
    case 'or':
      return (node['conds'] as Node[]).some((c) => matches(c, row));
    default:
      throw new Error('unexpected node');
  }
}

async function load(rows: Row[]): Promise<Harness> {
  const h = await createHarness();
  for (let i = 0; i < rows.length; i += 100) {
    const data = rows.slice(i, i + 100).map((r) => ({ ...r, vec: [1, 0, 0, 0] }));
    const answer = await h.call(`${V}/upsert`, { collection_name: 'items', data });
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  }
  return h;
}

describe('filter DSL (property)', () => {
  it('engine results equal a naive per-row evaluation for random filter trees', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.array(treeArb, { minLength: 1, maxLength: 5 }),
        async (raw, filters) => {
          const rows = raw.map((r, i) => ({ ...r, id: i + 1 }));
          const h = await load(rows);
          for (const filter of filters) {
            const answer = await h.call(`${V}/search/scalar`, {
              ...ON_IDX,
              field: 'n',
              limit: 1000,
              output_fields: [],
              filter,
            });
            expect(answer.status, JSON.stringify(answer.body)).toBe(200);
            const got = (answer.body.result.data as Array<{ id: number }>).map((d) => d.id).sort((a, b) => a - b);
            const want = rows.filter((r) => matches(filter, r)).map((r) => r.id);
            expect(got).toEqual(want);
            expect(answer.body.result.filter_matched_count).toBe(want.length);
            const agg = await h.call(`${V}/agg`, { ...ON_IDX, op: 'count', filter });
            expect(agg.body.result.agg.__TOTAL__).toBe(want.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects malformed nodes with InvalidParameter naming the node path', async () => {
    const h = await load([{ id: 1, title: 'a', n: 1, f: 1, flag: true, tags: [], nums: [], x: 0, y: 0, region: 'cn' }]);
    const cases: Array<[unknown, string]> = [
      ['nope', 'filter'],
      [{ op: 'xor', conds: [] }, 'filter.op'],
      [{ op: 'and', conds: [] }, 'filter.conds'],
      [
        { op: 'and', conds: [{ op: 'must', field: 'body', conds: ['x'] }] },
        "filter.conds[0].field: 'body' is not a scalar field",
      ],
      [
        {
          op: 'or',
          conds: [
            { op: 'must', field: 'n', conds: [1] },
            { op: 'range', field: 'n' },
          ],
        },
        'filter.conds[1]',
      ],
      [{ op: 'must', field: 'n', conds: ['x'] }, 'filter.conds[0]'],
      [{ op: 'must', field: 'title', conds: [1] }, 'filter.conds[0]'],
      [{ op: 'must', field: 'flag', conds: ['true'] }, 'filter.conds[0]'],
      [{ op: 'must', field: 'f', conds: [1] }, 'filter.field'],
      [{ op: 'must', field: 'title', conds: 'a' }, 'filter.conds'],
      [{ op: 'range', field: 'title', gt: 1 }, 'filter.field'],
      [{ op: 'range', field: 'n', gt: 'x' }, 'filter.gt'],
      [{ op: 'range', field: ['x'], center: [0, 0], radius: 1 }, 'filter.field'],
      [{ op: 'range', field: ['x', 'y'], center: [0], radius: 1 }, 'filter.center'],
      [{ op: 'range', field: ['x', 'y'], center: [0, 0], radius: -1 }, 'filter.radius'],
      [{ op: 'range', field: ['x', 'title'], center: [0, 0], radius: 1 }, 'filter.field[1]'],
      [{ op: 'must', field: 'unknown', conds: [] }, 'filter.field'],
    ];
    for (const [filter, path] of cases) {
      const answer = await h.call(`${V}/search/random`, { ...ON_IDX, filter });
      expect(answer.status, JSON.stringify(filter)).toBe(400);
      expect(answer.body.code).toBe('InvalidParameter');
      expect(answer.body.message).toContain(path);
    }
    expect((await h.call(`${V}/search/random`, { ...ON_IDX, filter: {} })).status).toBe(200);
    expect(
      (await h.call(`${V}/search/random`, { ...ON_IDX, filter: { op: 'must', field: 'id', conds: ['1'] } })).body.result
        .data,
    ).toHaveLength(1);
  });
});
