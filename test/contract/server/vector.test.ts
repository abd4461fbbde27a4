/** Every vector endpoint (api doc §3.1, 16 paths incl. both pings) through the kit's client over real HTTP. */
import { describe, expect, it } from 'vitest';
import { f } from '../../../src/client/index.node';
import { demoDoc, raw, serverForThisFile, vectorOf } from './harness';

const fx = serverForThisFile();
const DOCS = 'demo_docs';
const DOCS_INDEX = 'demo_docs_index';

describe('vector endpoints through the client', () => {
  it('pings: GET and POST /api/vikingdb/Ping and GET /ping answer 200', async () => {
    const ping = await fx.client.vector.ping({ requestId: 'ping-1' });
    expect(ping.status).toBe(200);
    expect(ping.requestId).toBe('ping-1');
    const post = await raw(fx.url, '/api/vikingdb/Ping', '');
    expect(post.status).toBe(200);
    expect(post.body).toMatchObject({ code: 'Success', api: 'Ping' });
    expect(typeof post.body.request_id).toBe('string');
    expect((await raw(fx.url, '/ping', undefined, { method: 'GET' })).status).toBe(200);
  });

  it('upsert → fetch_in_collection → update → fetch: only the given fields change', async () => {
    const docs = fx.client.vector.collection(DOCS);
    const written = await docs.upsert([1, 2, 3, 4, 5, 6].map((id) => demoDoc(id)));
    expect(written.requestId).toMatch(/\S/);
    expect(written.tokenUsage).toBeTypeOf('object');

    const fetched = await docs.fetch([1, 2, 999]);
    expect(fetched.items.map((i) => i.id)).toEqual([1, 2]);
    const { id: _id, ...expected } = demoDoc(1);
    expect(fetched.items[0]!.fields).toEqual(expected);
    expect(fetched.idsNotExist).toEqual([999]);

    await docs.update([{ id: 2, rating: 47, title: 'Renamed' }]);
    const after = await docs.fetch([2]);
    expect(after.items[0]!.fields).toMatchObject({ rating: 47, title: 'Renamed', year: 2002, lang: 'en' });
  });

  it('fetch_in_index returns output fields and the dense vector', async () => {
    const index = fx.client.vector.index(DOCS, DOCS_INDEX);
    const fetched = await index.fetch([1, 3, 404], { outputFields: ['title', 'year'] });
    expect(fetched.items.map((i) => i.id)).toEqual([1, 3]);
    expect(fetched.items[0]!.fields).toEqual({ title: 'Doc 1', year: 2001 });
    expect(fetched.items[0]!.denseDim).toBe(256);
    expect(fetched.items[0]!.denseVector).toHaveLength(256);
    expect(fetched.idsNotExist).toEqual([404]);
    const partitioned = await index.fetch([1, 2], { partition: 'even', outputFields: [] });
    expect(partitioned.items).toEqual([expect.objectContaining({ id: 2, fields: {} })]);
    expect(partitioned.idsNotExist).toEqual([1]);
  });

  it('search/vector: exact nearest neighbours with filter, output fields, limit and offset', async () => {
    const rows = fx.client.vector.collection('vector', { autoId: true });
    await rows.upsert(
      [1, 2, 3, 4].map((n) => ({
        title: `v${n}`,
        paragraph: n,
        score: n * 10,
        text: `row ${n}`,
        vector: vectorOf(n, 1024),
      })),
    );
    const index = fx.client.vector.index('vector', 'vector_index');
    const hits = await index.search.vector({ denseVector: vectorOf(3, 1024), limit: 2, outputFields: ['title'] });
    expect(hits.items[0]!.fields).toEqual({ title: 'v3' });
    expect(typeof hits.items[0]!.id).toBe('string');
    expect(hits.items[0]!.score).toBeGreaterThanOrEqual(hits.items[1]!.score);
    expect(hits.totalReturnCount).toBe(2);
    expect(hits.filterMatchedCount).toBe(4);

    const filtered = await index.search.vector({
      denseVector: vectorOf(3, 1024),
      filter: f.range('paragraph', { lt: 3 }),
      limit: 10,
      offset: 1,
    });
    expect(filtered.filterMatchedCount).toBe(2);
    expect(filtered.items).toHaveLength(1);
    expect(Object.keys(filtered.items[0]!.fields).sort()).toEqual(['paragraph', 'score', 'text', 'title']);
  });

  it('search/multi_modal embeds the text with the collection model', async () => {
    const index = fx.client.vector.index(DOCS, DOCS_INDEX);
    const hits = await index.search.multiModal({
      text: 'document number 5 about mountain gardens',
      limit: 3,
      outputFields: ['title'],
    });
    expect(hits.items[0]).toMatchObject({ id: 5, fields: { title: 'Doc 5' } });
    expect(hits.realTextQuery).toBe('document number 5 about mountain gardens');
    expect(hits.tokenUsage).toBeTypeOf('object');
  });

  it('search/id, search/scalar, search/keywords and search/random', async () => {
    const index = fx.client.vector.index(DOCS, DOCS_INDEX);
    const byId = await index.search.id({ id: 4, limit: 3, outputFields: [] });
    expect(byId.items[0]!.id).toBe(4);
    expect(byId.items[0]!.fields).toEqual({});

    const asc = await index.search.scalar({ field: 'year', order: 'asc', limit: 3, outputFields: ['year'] });
    expect(asc.items.map((i) => i.fields.year)).toEqual([2001, 2002, 2003]);
    expect(asc.items.map((i) => i.score)).toEqual([2001, 2002, 2003]);
    const desc = await index.search.scalar({ field: 'year', limit: 2, filter: f.must('category', ['odd']) });
    expect(desc.items.map((i) => i.id)).toEqual([5, 3]);

    const keywords = await index.search.keywords({ keywords: ['lighthouse'], limit: 6, outputFields: ['title'] });
    expect(keywords.items).toHaveLength(6);
    expect([2, 4, 6]).toContain(keywords.items[0]!.id);
    expect(keywords.items[0]!.score).toBeGreaterThan(0);
    expect(keywords.items[5]!.score).toBe(0);

    const random = await index.search.random({ limit: 2, filter: f.must('lang', ['zh']) });
    expect(random.items).toHaveLength(2);
    expect(random.items.map((i) => i.id).sort()).toEqual([3, 6]);
    const partitioned = await index.search.random({ limit: 10, partition: 'even' });
    expect(partitioned.items.map((i) => i.id).sort()).toEqual([2, 4, 6]);
  });

  it('agg counts, grouped and filtered', async () => {
    const index = fx.client.vector.index(DOCS, DOCS_INDEX);
    const total = await index.aggregate({ op: 'count' });
    expect(total.agg).toEqual({ __TOTAL__: 6 });
    const byLang = await index.aggregate({ field: 'lang' });
    expect(byLang).toMatchObject({ op: 'count', field: 'lang', agg: { en: 4, zh: 2 } });
    const byTag = await index.aggregate({ field: 'tags', cond: { gt: 1 }, filter: f.range('year', { lte: 2005 }) });
    expect(byTag.agg).toEqual({ all: 5, t1: 2 });
  });

  it('sort rescoring, with ids that do not exist', async () => {
    const index = fx.client.vector.index(DOCS, DOCS_INDEX);
    const vector = (await index.fetch([2])).items[0]!.denseVector!;
    const sorted = await index.sort({ ids: [1, '2', 3, -7], queryVector: vector });
    expect(sorted.items[0]!.id).toBe(2);
    expect(sorted.items).toHaveLength(3);
    expect(sorted.idsNotExist).toEqual([-7]);
  });

  it('embedding and rerank', async () => {
    const embedded = await fx.client.vector.embedding({
      denseModel: { name: 'bge-m3', dim: 64 },
      sparseModel: { name: 'bge-m3' },
      data: [{ text: 'hello world' }, { text: '向量数据库' }],
    });
    expect(embedded.items).toHaveLength(2);
    expect(embedded.items[0]!.dense).toHaveLength(64);
    expect(Object.keys(embedded.items[1]!.sparse ?? {}).length).toBeGreaterThan(0);
    expect(embedded.tokenUsage).toBeTypeOf('object');

    const reranked = await fx.client.vector.rerank({
      modelName: 'doubao-seed-rerank',
      query: 'apple',
      data: ['This is an apple.', 'My name is John.'],
      returnOriginData: true,
    });
    const best = [...reranked.items].sort((a, b) => b.score - a.score)[0]!;
    expect(best.index).toBe(0);
    expect(best.originData).toEqual([{ text: 'This is an apple.' }]);
    for (const item of reranked.items) expect(item.score).toBeGreaterThanOrEqual(0);
  });

  it('delete by ids, and del_all', async () => {
    const docs = fx.client.vector.collection(DOCS);
    await docs.delete({ ids: [5, 6, 12345] });
    expect((await docs.fetch([5, 6, 1])).idsNotExist).toEqual([5, 6]);
    await fx.client.vector.collection('vector').delete({ all: true });
    const index = fx.client.vector.index('vector', 'vector_index');
    expect((await index.aggregate()).agg).toEqual({ __TOTAL__: 0 });
  });
});
