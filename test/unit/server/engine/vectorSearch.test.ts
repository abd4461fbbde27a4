import { describe, expect, it } from 'vitest';
import { parseLocalConfig } from '../../../../src/server/local/config/schema';
import { createHarness, item, ON_IDX, ON_ITEMS, V, type Harness } from './engineHarness';

async function seeded(): Promise<Harness> {
  const h = await createHarness();
  await h.call(`${V}/upsert`, {
    ...ON_ITEMS,
    data: [
      item(1, {
        vec: [1, 0, 0, 0],
        n: 10,
        f: 0.5,
        region: 'cn',
        tags: ['a', 'b'],
        body: 'the quick brown fox',
        sparse: { a: 1 },
      }),
      item(2, {
        vec: [0.9, 0.1, 0, 0],
        n: 20,
        f: 1.5,
        region: 'cn',
        tags: ['b'],
        body: 'lazy dogs sleep all day',
        sparse: { b: 1 },
      }),
      item(3, { vec: [0, 1, 0, 0], n: 30, f: 2.5, region: 'sg', tags: [], body: 'fox fox fox hunting at night' }),
      item(4, { vec: [0, 0, 1, 0], n: 40, f: 3.5, region: 'sg', tags: ['c'], body: '我喜欢喝绿茶 green tea' }),
      item(5, { vec: [0, 0, 0, 1], n: 50, f: 4.5, region: 'us', tags: ['a'], body: 'nothing relevant here' }),
    ],
  });
  return h;
}

const ids = (answer: { body: { result: { data: Array<{ id: unknown }> } } }) =>
  answer.body.result.data.map((d) => d.id);

describe('search/vector', () => {
  it('ranks by inner product with the documented result shape', async () => {
    const h = await seeded();
    const answer = await h.call(`${V}/search/vector`, {
      ...ON_IDX,
      dense_vector: [1, 0, 0, 0],
      limit: 2,
      output_fields: ['title', 'n'],
    });
    expect(answer.body.result).toEqual({
      data: [
        { id: 1, fields: { title: 't1', n: 10 }, score: 1, ann_score: 1 },
        { id: 2, fields: { title: 't2', n: 20 }, score: expect.closeTo(0.9, 5), ann_score: expect.closeTo(0.9, 5) },
      ],
      total_return_count: 2,
      filter_matched_count: 5,
    });
  });

  it('returns every scalar field when output_fields is absent, none for []', async () => {
    const h = await seeded();
    const all = await h.call(`${V}/search/vector`, { ...ON_IDX, dense_vector: [1, 0, 0, 0], limit: 1 });
    expect(Object.keys(all.body.result.data[0].fields).sort()).toEqual(
      ['body', 'f', 'flag', 'n', 'nums', 'region', 'tags', 'title', 'x', 'y'].sort(),
    );
    const none = await h.call(`${V}/search/vector`, {
      ...ON_IDX,
      dense_vector: [1, 0, 0, 0],
      limit: 1,
      output_fields: [],
    });
    expect(none.body.result.data[0].fields).toEqual({});
    const unknown = await h.call(`${V}/search/vector`, {
      ...ON_IDX,
      dense_vector: [1, 0, 0, 0],
      output_fields: ['nope'],
    });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'InvalidParameter' } });
    expect(unknown.body.message).toContain('output_fields[0]');
  });

  it('applies filter, partition, ids_in, ids_not_in, offset', async () => {
    const h = await seeded();
    const base = { ...ON_IDX, dense_vector: [1, 1, 1, 1], output_fields: [] };
    expect(ids(await h.call(`${V}/search/vector`, { ...base, partition: 'cn' })).sort()).toEqual([1, 2]);
    expect(ids(await h.call(`${V}/search/vector`, { ...base, advance: { ids_in: ['3', 4, 99] } })).sort()).toEqual([
      3, 4,
    ]);
    expect(ids(await h.call(`${V}/search/vector`, { ...base, advance: { ids_not_in: [1, 2, 3] } })).sort()).toEqual([
      4, 5,
    ]);
    const filtered = await h.call(`${V}/search/vector`, {
      ...base,
      filter: { op: 'range', field: 'n', gte: 20, lt: 40 },
    });
    expect(ids(filtered).sort()).toEqual([2, 3]);
    expect(filtered.body.result.filter_matched_count).toBe(2);
    const page1 = ids(await h.call(`${V}/search/vector`, { ...ON_IDX, dense_vector: [4, 3, 2, 1], limit: 2 }));
    const page2 = ids(
      await h.call(`${V}/search/vector`, { ...ON_IDX, dense_vector: [4, 3, 2, 1], limit: 2, offset: 2 }),
    );
    expect([...page1, ...page2]).toEqual([1, 2, 3, 4]);
    expect(ids(await h.call(`${V}/search/vector`, { ...base, offset: 10 }))).toEqual([]);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 100001 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ partition: {} }, 'partition'],
    [{ dense_vector: [1, 0] }, 'dense_vector'],
    [{ dense_vector: [1, 0, 0, 'x'] }, 'dense_vector[3]'],
    [{ advance: { dense_weight: 0.1 } }, 'advance.dense_weight'],
    [{ advance: { ids_in: [{}] } }, 'advance.ids_in[0]'],
    [{ filter: { op: 'must', field: 'body', conds: ['x'] } }, 'filter.field'],
    [{ sparse_vector: { a: 'x' } }, 'sparse_vector.a'],
  ])('rejects %j with 400 naming %s', async (patch, path) => {
    const h = await seeded();
    const answer = await h.call(`${V}/search/vector`, { ...ON_IDX, dense_vector: [1, 0, 0, 0], ...patch });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameter');
    expect(answer.body.message).toContain(path);
  });

  it('must on the primary key matches int64 ids beyond 2^53 exactly, and string keys', async () => {
    const h = await createHarness();
    // Neighbouring ids that the same double would round to, sent as digit strings.
    const big = ['9007199254740992', '9007199254740993', '9007199254740995'];
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(7), ...big.map((id) => item(id))] });
    const search = (conds: unknown[], op = 'must') =>
      h.call(`${V}/search/random`, { ...ON_IDX, limit: 10, filter: { op, field: 'id', conds } });
    expect(ids(await search(['9007199254740993']))).toEqual(['9007199254740993']);
    expect(ids(await search(['9007199254740995', 7, '7'])).sort()).toEqual([7, '9007199254740995'].sort());
    expect(ids(await search(['9007199254740993'], 'must_not')).sort()).toEqual(
      [7, '9007199254740992', '9007199254740995'].sort(),
    );
    expect(ids(await search(['99999999999999999999']))).toEqual([]);
    expect((await search([1.5])).status).toBe(400);

    const config = parseLocalConfig({
      collections: [
        {
          name: 'named',
          primaryKey: { name: 'key', type: 'string' },
          fields: [{ name: 'vec', type: 'vector', dim: 2 }],
          indexes: [{ name: 'named_idx', distance: 'l2', scalarFields: ['key'] }],
        },
      ],
    });
    const named = await createHarness({ config });
    const on = { collection_name: 'named' };
    await named.call(`${V}/upsert`, { ...on, data: ['a', 'b', '42'].map((key) => ({ key, vec: [1, 0] })) });
    const found = await named.call(`${V}/search/random`, {
      ...on,
      index_name: 'named_idx',
      filter: { op: 'must', field: 'key', conds: ['b', '42'] },
    });
    expect(ids(found).sort()).toEqual(['42', 'b']);
  });

  it('needs a query vector and a known index', async () => {
    const h = await seeded();
    expect((await h.call(`${V}/search/vector`, ON_IDX)).body.code).toBe('MissingParameter');
    const answer = await h.call(`${V}/search/vector`, { ...ON_ITEMS, index_name: 'nope', dense_vector: [1, 0, 0, 0] });
    expect(answer).toMatchObject({ status: 404, body: { code: 'NotFound.VikingdbIndex' } });
  });

  it('does sparse and hybrid search with dense_weight', async () => {
    const h = await seeded();
    const sparse = await h.call(`${V}/search/vector`, {
      ...ON_IDX,
      sparse_vector: { b: 2 },
      limit: 1,
      output_fields: [],
    });
    expect(sparse.body.result.data[0]).toMatchObject({ id: 2, score: 2 });
    const hybrid = await h.call(`${V}/search/vector`, {
      ...ON_IDX,
      dense_vector: [1, 0, 0, 0],
      sparse_vector: { b: 1 },
      advance: { dense_weight: 0.4 },
      limit: 2,
      output_fields: [],
    });
    expect(hybrid.body.result.data.map((d: { id: number; score: number }) => [d.id, +d.score.toFixed(3)])).toEqual([
      [2, +(0.4 * 0.9 + 0.6).toFixed(3)],
      [1, 0.4],
    ]);
    const l2 = await h.call(`${V}/search/vector`, {
      ...ON_ITEMS,
      index_name: 'idx_l2',
      dense_vector: [1, 0, 0, 0],
      sparse_vector: { a: 1 },
    });
    expect(l2.status).toBe(400);
  });

  it('orders l2 nearest first with squared distances, and cosine by angle', async () => {
    const h = await seeded();
    const l2 = await h.call(`${V}/search/vector`, {
      ...ON_ITEMS,
      index_name: 'idx_l2',
      dense_vector: [1, 0, 0, 0],
      limit: 3,
      output_fields: [],
    });
    expect(l2.body.result.data.map((d: { id: number; score: number }) => [d.id, +d.score.toFixed(4)])).toEqual([
      [1, 0],
      [2, 0.02],
      [3, 2],
    ]);
    const cos = await h.call(`${V}/search/vector`, {
      ...ON_ITEMS,
      index_name: 'idx_cos',
      dense_vector: [2, 0, 0, 0],
      limit: 1,
      output_fields: [],
    });
    expect(cos.body.result.data[0]).toMatchObject({ id: 1, score: 1 });
  });
});

describe('other search modes', () => {
  it('search/id uses the stored vector', async () => {
    const h = await seeded();
    const answer = await h.call(`${V}/search/id`, { ...ON_IDX, id: '1', limit: 2, output_fields: [] });
    expect(ids(answer)).toEqual([1, 2]);
    const missingId = await h.call(`${V}/search/id`, { ...ON_IDX, id: 99 });
    expect(missingId).toMatchObject({ status: 400, body: { code: 'InvalidParameter' } });
    expect((await h.call(`${V}/search/id`, ON_IDX)).body.code).toBe('MissingParameter');
  });

  it('search/scalar orders by a numeric field, score = value', async () => {
    const h = await seeded();
    const desc = await h.call(`${V}/search/scalar`, { ...ON_IDX, field: 'f', limit: 2, output_fields: [] });
    expect(desc.body.result.data.map((d: { id: number; score: number }) => [d.id, d.score])).toEqual([
      [5, 4.5],
      [4, 3.5],
    ]);
    const asc = await h.call(`${V}/search/scalar`, { ...ON_IDX, field: 'n', order: 'asc', limit: 2 });
    expect(ids(asc)).toEqual([1, 2]);
    for (const bad of [{ field: 'title' }, { field: 'body' }, { field: 'n', order: 'up' }]) {
      expect((await h.call(`${V}/search/scalar`, { ...ON_IDX, ...bad })).status).toBe(400);
    }
    expect((await h.call(`${V}/search/scalar`, ON_IDX)).body.code).toBe('MissingParameter');
  });

  it('search/scalar on a field it cannot sort by names its type and lists exactly the sortable fields', async () => {
    const h = await seeded();
    const sortable = '(sortable fields: id, n, f, x, y)';
    const title = await h.call(`${V}/search/scalar`, { ...ON_IDX, field: 'title' });
    expect(title.body.message).toContain(`field: 'title' is a string field of index 'idx'`);
    expect(title.body.message).toContain(sortable);
    const body = await h.call(`${V}/search/scalar`, { ...ON_IDX, field: 'body' });
    expect(body.body.message).toContain(`field: 'body' is not a scalar field of index 'idx'`);
    expect(body.body.message).toContain(sortable);
    // The primary key of an int64 collection sorts like any int64 field.
    const byId = await h.call(`${V}/search/scalar`, { ...ON_IDX, field: 'id', order: 'asc', limit: 2 });
    expect(ids(byId)).toEqual([1, 2]);
  });

  it('search/keywords ranks by BM25 but returns non-matching rows too', async () => {
    const h = await seeded();
    const answer = await h.call(`${V}/search/keywords`, { ...ON_IDX, keywords: ['fox'], limit: 5, output_fields: [] });
    const data = answer.body.result.data as Array<{ id: number; score: number }>;
    expect(data.map((d) => d.id).slice(0, 2)).toEqual([3, 1]);
    expect(data[0]!.score).toBeGreaterThan(data[1]!.score);
    expect(data).toHaveLength(5);
    expect(data[4]!.score).toBe(0);
    const chinese = await h.call(`${V}/search/keywords`, { ...ON_IDX, query: '绿茶', limit: 1, output_fields: [] });
    expect(chinese.body.result.data[0]).toMatchObject({ id: 4 });
    expect(chinese.body.result.data[0].score).toBeGreaterThan(0);
    const sensitive = await h.call(`${V}/search/keywords`, {
      ...ON_IDX,
      keywords: ['FOX'],
      case_sensitive: true,
      limit: 1,
    });
    expect(sensitive.body.result.data[0].score).toBe(0);
    const titleOnly = await h.call(`${V}/search/keywords`, {
      ...ON_IDX,
      keywords: ['fox'],
      fields: ['title'],
      limit: 1,
    });
    expect(titleOnly.body.result.data[0].score).toBe(0);
    const b0 = await h.call(`${V}/search/keywords`, { ...ON_IDX, keywords: ['fox'], bm25_b: 0, bm25_k1: 0, limit: 2 });
    const s = b0.body.result.data.map((d: { score: number }) => d.score);
    expect(s[0]).toBeCloseTo(s[1], 10);
    expect((await h.call(`${V}/search/keywords`, { ...ON_IDX, fields: ['n'], keywords: ['x'] })).status).toBe(400);
    expect((await h.call(`${V}/search/keywords`, { ...ON_IDX, bm25_b: 2, keywords: ['x'] })).status).toBe(400);
    expect((await h.call(`${V}/search/keywords`, ON_IDX)).body.code).toBe('MissingParameter');
  });

  it('search/random samples uniformly and repeatably for a pinned random', async () => {
    const a = await seeded();
    const b = await seeded();
    const ra = ids(await a.call(`${V}/search/random`, { ...ON_IDX, limit: 3 }));
    const rb = ids(await b.call(`${V}/search/random`, { ...ON_IDX, limit: 3 }));
    expect(ra).toEqual(rb);
    expect(new Set(ra).size).toBe(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 500; i++) {
      const [first] = ids(await a.call(`${V}/search/random`, { ...ON_IDX, limit: 1 })) as number[];
      counts.set(first!, (counts.get(first!) ?? 0) + 1);
    }
    expect(counts.size).toBe(5);
    for (const count of counts.values()) expect(count).toBeGreaterThan(50);
    const empty = await a.call(`${V}/search/random`, {
      ...ON_IDX,
      filter: { op: 'must', field: 'region', conds: ['zz'] },
    });
    expect(empty.body.result).toEqual({ data: [], total_return_count: 0, filter_matched_count: 0 });
  });

  it('search/multi_modal embeds text and rejects images', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, {
      collection_name: 'docs',
      data: [
        { title: 'a', content: 'session filters explained', year: 1 },
        { title: 'b', content: 'cooking pasta at home', year: 2 },
      ],
    });
    const on = { collection_name: 'docs', index_name: 'docs_idx' };
    const answer = await h.call(`${V}/search/multi_modal`, {
      ...on,
      text: 'session filters',
      limit: 1,
      need_instruction: false,
    });
    expect(answer.body.result.data[0].fields.title).toBe('a');
    expect(answer.body.result.real_text_query).toBe('session filters');
    expect(answer.body.result.token_usage).toEqual({ 'bge-m3': { prompt_tokens: 2, total_tokens: 2 } });
    const image = await h.call(`${V}/search/multi_modal`, { ...on, image: 'tos://b/k.png' });
    expect(image).toMatchObject({ status: 400, body: { code: 'InvalidParameter' } });
    expect(image.body.message).toContain('text only');
    expect((await h.call(`${V}/search/multi_modal`, on)).body.code).toBe('MissingParameter');
    expect((await h.call(`${V}/search/multi_modal`, { ...ON_IDX, text: 'x' })).status).toBe(400);
  });
});

describe('agg, sort, embedding, rerank', () => {
  it('counts groups with cond, order and filter; totals without field', async () => {
    const h = await seeded();
    const byRegion = await h.call(`${V}/agg`, { ...ON_IDX, op: 'count', field: 'region' });
    expect(byRegion.body.result).toEqual({ agg: { cn: 2, sg: 2, us: 1 }, op: 'count', field: 'region' });
    const having = await h.call(`${V}/agg`, { ...ON_IDX, op: 'count', field: 'region', cond: { gt: 1 } });
    expect(having.body.result.agg).toEqual({ cn: 2, sg: 2 });
    const gte = await h.call(`${V}/agg`, { ...ON_IDX, op: 'count', field: 'tags', cond: { gte: 2 }, order: 'desc' });
    expect(gte.body.result.agg).toEqual({ a: 2, b: 2 });
    const ordered = await h.call(`${V}/agg`, { ...ON_IDX, op: 'count', field: 'region', order: 'asc' });
    expect(Object.keys(ordered.body.result.agg)).toEqual(['us', 'cn', 'sg']);
    const total = await h.call(`${V}/agg`, { ...ON_IDX, op: 'count', filter: { op: 'range', field: 'n', gt: 20 } });
    expect(total.body.result).toEqual({ agg: { __TOTAL__: 3 }, op: 'count' });
    const partition = await h.call(`${V}/agg`, { ...ON_IDX, op: 'count', field: 'flag', partition: 'sg' });
    expect(partition.body.result.agg).toEqual({ false: 2 });
    for (const bad of [
      { op: 'sum' },
      { op: 'count', field: 'f' },
      { op: 'count', cond: { lt: 1 } },
      { op: 'count', order: 'x' },
    ]) {
      expect((await h.call(`${V}/agg`, { ...ON_IDX, ...bad })).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await h.call(`${V}/agg`, ON_IDX)).body.code).toBe('MissingParameter');
  });

  it('sort rescores ids and lists the missing ones', async () => {
    const h = await seeded();
    const answer = await h.call(`${V}/sort`, { ...ON_IDX, ids: [1, 2, 3, -7], query_vector: [0.1, 0.9, 0, 0] });
    expect(answer.body.result.sort.map((s: { id: number }) => s.id)).toEqual([3, 2, 1]);
    expect(answer.body.result.ids_not_exist).toEqual([-7]);
    expect((await h.call(`${V}/sort`, { ...ON_IDX, ids: [1], query_vector: [1] })).status).toBe(400);
    expect((await h.call(`${V}/sort`, { ...ON_IDX, ids: [1] })).body.code).toBe('MissingParameter');
  });

  it('embedding returns deterministic normalized dense and sparse vectors', async () => {
    const h = await createHarness();
    const body = {
      dense_model: { name: 'bge-m3', dim: 8 },
      sparse_model: { name: 'bge-m3' },
      data: [{ text: 'Reference dense embedding' }, { full_modal_seq: [{ text: '向量数据库' }] }],
    };
    const first = await h.call('/api/vikingdb/embedding', body);
    const second = await h.call('/api/vikingdb/embedding', body);
    expect(first.body.result).toEqual(second.body.result);
    const [a, b] = first.body.result.data;
    expect(a.dense).toHaveLength(8);
    expect(Math.hypot(...a.dense)).toBeCloseTo(1, 5);
    expect(Object.keys(b.sparse)).toEqual(['向量', '量数', '数据', '据库']);
    expect(first.body.result.token_usage['bge-m3']).toEqual({ prompt_tokens: 7, total_tokens: 7 });
    const defaultDim = await h.call('/api/vikingdb/embedding', {
      dense_model: { name: 'bge-m3' },
      data: [{ text: 'x' }],
    });
    expect(defaultDim.body.result.data[0].dense).toHaveLength(1024);
    expect(defaultDim.body.result.data[0].sparse).toBeUndefined();
    const image = await h.call('/api/vikingdb/embedding', {
      dense_model: { name: 'm' },
      data: [{ image: 'http://x' }],
    });
    expect(image.status).toBe(400);
    expect(image.body.message).toContain('data[0].image');
    expect((await h.call('/api/vikingdb/embedding', { data: [{ text: 'x' }] })).body.code).toBe('MissingParameter');
  });

  it('rerank scores lexical relevance in [0, 1] with a stable order', async () => {
    const h = await createHarness();
    const answer = await h.call('/api/vikingdb/rerank', {
      model_name: 'doubao-seed-rerank',
      model_version: '251028',
      query: [{ text: 'apple' }],
      data: [[{ text: 'My name is John.' }], [{ text: 'This is an apple.' }], [{ text: 'Nothing here.' }]],
      return_origin_data: true,
    });
    const data = answer.body.result.data as Array<{ id: number; score: number; origin_data: unknown }>;
    expect(data.map((d) => d.id)).toEqual([1, 0, 2]);
    for (const d of data) expect(d.score).toBeGreaterThanOrEqual(0);
    expect(data[0]!.score).toBeLessThanOrEqual(1);
    expect(data[0]!.origin_data).toEqual([{ text: 'This is an apple.' }]);
    expect(answer.body.result.token_usage).toEqual({});
    const plain = await h.call('/api/vikingdb/rerank', { query: [{ text: 'apple' }], data: [[{ text: 'apple' }]] });
    expect(plain.body.result.data[0]).toEqual({ id: 0, score: 1 });
    expect((await h.call('/api/vikingdb/rerank', { data: [] })).body.code).toBe('MissingParameter');
  });
});
