import { describe, expect, it } from 'vitest';
import { apiKey, createVikingClient, f } from '../../../../src/client/index.node';
import { answerOnce } from '../../../support/recordCall';
import { startMswServer } from '../../../support/mswServer';

const server = startMswServer();
const client = createVikingClient({ baseUrl: 'http://vikingdb.test', auth: apiKey('key-1') });
const ok = (result: unknown, request_id = 'req-1') => ({
  code: 'Success',
  message: 'The API call was executed successfully.',
  request_id,
  result,
});

interface Demo {
  id: number;
  title: string;
  paragraph: number;
  score: number;
  text: string;
  vector: number[];
  f_int64_2: number;
}

const demo = client.vector.collection<Demo>('demo');
const demoIndex = client.vector.index<Demo>('demo', 'demo_idx');

function expectPost(call: { method: string; headers: Headers } | undefined) {
  expect(call?.method).toBe('POST');
  expect(call?.headers.get('content-type')).toBe('application/json');
  expect(call?.headers.get('authorization')).toBe('Bearer key-1');
}

describe('vector API: each endpoint sends the api doc request and parses its response', () => {
  it('upsert (§3.2)', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/upsert', ok({ token_usage: {} }));
    const result = await demo.upsert(
      [
        {
          id: 1001,
          title: 'Vector intro',
          paragraph: 42,
          score: 80.0,
          text: 'Inline vector search example.',
          vector: [0.1, 0.2, 0.3, 0.4],
        },
      ],
      { ttl: 3600, async: false },
    );
    expectPost(calls[0]);
    expect(calls[0]!.rawBody).toBe(
      '{"collection_name":"demo","data":[{"id":1001,"title":"Vector intro","paragraph":42,"score":80,"text":"Inline vector search example.","vector":[0.1,0.2,0.3,0.4]}],"ttl":3600,"async":false}',
    );
    expect(result).toMatchObject({ requestId: 'req-1', tokenUsage: {} });
  });

  it('update (§3.3), with ignore_unknown_fields', async () => {
    const text = client.vector.collection('text');
    const calls = answerOnce(server, '/api/vikingdb/data/update', ok({ token_usage: {} }, 'req-2'));
    await text.update([{ __AUTO_ID__: '4470791616937640960', score: 47.0 }], { ignoreUnknownFields: true });
    expectPost(calls[0]);
    expect(calls[0]!.body).toEqual({
      collection_name: 'text',
      data: [{ __AUTO_ID__: '4470791616937640960', score: 47 }],
      ignore_unknown_fields: true,
    });
  });

  it('delete by ids and delete all (§3.4)', async () => {
    let calls = answerOnce(server, '/api/vikingdb/data/delete', {
      code: 'Success',
      message: 'ok',
      request_id: 'req-3',
    });
    const result = await demo.delete({ ids: [1001, 1002] });
    expect(calls[0]!.body).toEqual({ collection_name: 'demo', ids: [1001, 1002] });
    expect(result.requestId).toBe('req-3');
    calls = answerOnce(server, '/api/vikingdb/data/delete', { code: 'Success', message: 'ok', request_id: 'req-3b' });
    await demo.delete({ all: true }, { async: true });
    expect(calls[0]!.body).toEqual({ collection_name: 'demo', del_all: true, async: true });
  });

  it('fetch in collection (§3.5)', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/fetch_in_collection',
      ok(
        {
          fetch: [{ id: 1001, fields: { title: 'Vector intro', paragraph: 42, score: 80.0 } }],
          ids_not_exist: ['-99'],
        },
        'req-4',
      ),
    );
    const result = await demo.fetch([1001, '-99']);
    expect(calls[0]!.body).toEqual({ collection_name: 'demo', ids: [1001, '-99'] });
    expect(result.items).toEqual([
      {
        id: 1001,
        fields: { title: 'Vector intro', paragraph: 42, score: 80 },
        raw: { id: 1001, fields: { title: 'Vector intro', paragraph: 42, score: 80 } },
      },
    ]);
    expect(result.idsNotExist).toEqual(['-99']);
    expect(result.items[0]!.fields.title).toBe('Vector intro');
  });

  it('fetch in index (§3.6) with vectors', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/fetch_in_index',
      ok(
        {
          fetch: [{ id: 1001, fields: { title: 'Vector intro' }, dense_dim: 4, dense_vector: [0.1, 0.2, 0.3, 0.4] }],
          ids_not_exist: [],
        },
        'req-5',
      ),
    );
    const result = await demoIndex.fetch([1001], { outputFields: ['title'] });
    expect(calls[0]!.body).toEqual({
      collection_name: 'demo',
      index_name: 'demo_idx',
      ids: [1001],
      output_fields: ['title'],
    });
    expect(result.items[0]).toEqual({
      id: 1001,
      fields: { title: 'Vector intro' },
      denseVector: [0.1, 0.2, 0.3, 0.4],
      denseDim: 4,
      sparseVector: undefined,
      raw: { id: 1001, fields: { title: 'Vector intro' }, dense_dim: 4, dense_vector: [0.1, 0.2, 0.3, 0.4] },
    });
  });

  it('search by vector (§3.7) with filter and advance', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/search/vector',
      ok(
        {
          data: [
            { id: 1001, fields: { title: 'Vector intro', score: 80.0, paragraph: 42 }, score: 0.98, ann_score: 0.98 },
          ],
          total_return_count: 1,
          filter_matched_count: 2,
        },
        'req-6',
      ),
    );
    const result = await demoIndex.search.vector({
      denseVector: [0.1, 0.2, 0.3, 0.4],
      limit: 3,
      outputFields: ['title', 'score', 'paragraph'],
      filter: f.range('paragraph', { gte: 40, lt: 43 }),
      advance: { idsIn: [1001, 1002] },
    });
    expect(calls[0]!.rawBody).toBe(
      '{"collection_name":"demo","index_name":"demo_idx","dense_vector":[0.1,0.2,0.3,0.4],"limit":3,"output_fields":["title","score","paragraph"],"filter":{"op":"range","field":"paragraph","gte":40,"lt":43},"advance":{"ids_in":[1001,1002]}}',
    );
    expect(result.items).toEqual([
      {
        id: 1001,
        fields: { title: 'Vector intro', score: 80, paragraph: 42 },
        score: 0.98,
        annScore: 0.98,
        originScore: undefined,
        additionScore: undefined,
        raw: { id: 1001, fields: { title: 'Vector intro', score: 80.0, paragraph: 42 }, score: 0.98, ann_score: 0.98 },
      },
    ]);
    expect(result).toMatchObject({ totalReturnCount: 1, filterMatchedCount: 2, requestId: 'req-6' });
  });

  it('search by multi-modal (§3.8)', async () => {
    const text = client.vector.index<{ title: string; score: number; paragraph: number }>('text', 'text_index');
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/search/multi_modal',
      ok(
        {
          data: [
            {
              id: '4470791616937640960',
              fields: { title: 'Session filters', score: 91.0, paragraph: 11 },
              score: 0.71,
              ann_score: 0.71,
            },
          ],
          total_return_count: 1,
          real_text_query: 'Which chapter explains the session filters?',
          token_usage: { 'doubao-embedding-vision__250615': { prompt_tokens: 12, total_tokens: 12 } },
        },
        'req-7',
      ),
    );
    const result = await text.search.multiModal({
      text: 'Which chapter explains the session filters?',
      needInstruction: false,
      limit: 2,
      outputFields: ['title', 'score', 'paragraph'],
      filter: f.and(f.range('paragraph', { gte: 10, lt: 13 }), f.range('score', { gt: 85.0 })),
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'text',
      index_name: 'text_index',
      text: 'Which chapter explains the session filters?',
      need_instruction: false,
      limit: 2,
      output_fields: ['title', 'score', 'paragraph'],
      filter: {
        op: 'and',
        conds: [
          { op: 'range', field: 'paragraph', gte: 10, lt: 13 },
          { op: 'range', field: 'score', gt: 85.0 },
        ],
      },
    });
    expect(result.realTextQuery).toBe('Which chapter explains the session filters?');
    expect(result.items[0]!.id).toBe('4470791616937640960');
    expect(result.tokenUsage).toEqual({ 'doubao-embedding-vision__250615': { prompt_tokens: 12, total_tokens: 12 } });
  });

  it('search by id (§3.9)', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/search/id',
      ok(
        {
          data: [
            { id: 1, fields: { f_int64_2: 1 }, score: 1.0, ann_score: 1.0 },
            { id: 2, fields: { f_int64_2: 2 }, score: 0.83, ann_score: 0.83 },
          ],
          total_return_count: 2,
        },
        'req-8',
      ),
    );
    const result = await demoIndex.search.id({ id: 1, limit: 5, filter: f.mustNot('f_int64_2', [3, 9, 222]) });
    expect(calls[0]!.body).toEqual({
      collection_name: 'demo',
      index_name: 'demo_idx',
      id: 1,
      limit: 5,
      filter: { op: 'must_not', field: 'f_int64_2', conds: [3, 9, 222] },
    });
    expect(result.items.map((i) => [i.id, i.score])).toEqual([
      [1, 1],
      [2, 0.83],
    ]);
  });

  it('search by scalar (§3.10)', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/search/scalar',
      ok(
        {
          data: [
            { id: 5, fields: { f_int64_2: 5 }, score: 5 },
            { id: 4, fields: { f_int64_2: 4 }, score: 4 },
          ],
          total_return_count: 2,
        },
        'req-9',
      ),
    );
    const result = await demoIndex.search.scalar({
      field: 'f_int64_2',
      order: 'desc',
      limit: 5,
      filter: { op: 'must_not', field: 'f_int64_2', conds: [3, 33] },
      advance: { idsIn: [1, 2, 3, 4, 5] },
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'demo',
      index_name: 'demo_idx',
      field: 'f_int64_2',
      order: 'desc',
      limit: 5,
      filter: { op: 'must_not', field: 'f_int64_2', conds: [3, 33] },
      advance: { ids_in: [1, 2, 3, 4, 5] },
    });
    expect(result.items.map((i) => i.score)).toEqual([5, 4]);
    expect(result.items[0]!.annScore).toBeUndefined();
  });

  it('search by keywords (§3.11)', async () => {
    const text = client.vector.index('text', 'text_index');
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/search/keywords',
      ok(
        {
          data: [
            {
              id: '4470791616937640961',
              fields: { title: 'Atlas Signal Tuning', score: 93.1, text: 'Signal tuning ...' },
              score: 1.7,
            },
          ],
          total_return_count: 1,
        },
        'req-10',
      ),
    );
    const result = await text.search.keywords({
      keywords: ['Signal'],
      limit: 3,
      outputFields: ['title', 'score', 'text'],
      filter: f.range('paragraph', { gte: 10, lt: 13 }),
      bm25K1: 1.2,
      caseSensitive: false,
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'text',
      index_name: 'text_index',
      keywords: ['Signal'],
      limit: 3,
      output_fields: ['title', 'score', 'text'],
      filter: { op: 'range', field: 'paragraph', gte: 10, lt: 13 },
      bm25_k1: 1.2,
      case_sensitive: false,
    });
    expect(result.items[0]!.fields).toEqual({ title: 'Atlas Signal Tuning', score: 93.1, text: 'Signal tuning ...' });
  });

  it('search by random (§3.12): the locator alone', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/search/random',
      ok({ data: [{ id: 7, fields: { title: 'Lifecycle quickstart' }, score: 0 }], total_return_count: 1 }, 'req-11'),
    );
    const result = await client.vector.index('text', 'text_index').search.random({ limit: 1 });
    expect(calls[0]!.rawBody).toBe('{"collection_name":"text","index_name":"text_index","limit":1}');
    expect(result.items).toHaveLength(1);
  });

  it('aggregate (§3.13)', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/agg',
      ok({ agg: { '42': 3, '43': 2 }, op: 'count', field: 'paragraph' }, 'req-12'),
    );
    const result = await demoIndex.aggregate({
      op: 'count',
      field: 'paragraph',
      cond: { gt: 1 },
      filter: f.mustNot('f_int64_2', [3, 33]),
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'demo',
      index_name: 'demo_idx',
      op: 'count',
      field: 'paragraph',
      cond: { gt: 1 },
      filter: { op: 'must_not', field: 'f_int64_2', conds: [3, 33] },
    });
    expect(result).toMatchObject({ agg: { '42': 3, '43': 2 }, op: 'count', field: 'paragraph', requestId: 'req-12' });
  });

  it('sort (§3.14)', async () => {
    const index = client.vector.index('test_coll_for_java_sdk_with_vector', 'idx_rs_1');
    const calls = answerOnce(
      server,
      '/api/vikingdb/data/sort',
      ok(
        {
          sort: [
            { id: 2, score: 0.91 },
            { id: 1, score: 0.42 },
            { id: 3, score: 0.1 },
          ],
          ids_not_exist: [-7],
        },
        'req-13',
      ),
    );
    const result = await index.sort({ ids: [1, 2, 3, -7], queryVector: [0.1, -0.2, 0.3, 0.4] });
    expect(calls[0]!.body).toEqual({
      collection_name: 'test_coll_for_java_sdk_with_vector',
      index_name: 'idx_rs_1',
      ids: [1, 2, 3, -7],
      query_vector: [0.1, -0.2, 0.3, 0.4],
    });
    expect(result.items).toEqual([
      { id: 2, score: 0.91 },
      { id: 1, score: 0.42 },
      { id: 3, score: 0.1 },
    ]);
    expect(result.idsNotExist).toEqual([-7]);
  });

  it('embedding (§3.15)', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/embedding',
      ok(
        {
          data: [{ dense: [0.0123, -0.0456, 0.0789], sparse: { reference: 0.21, embedding: 0.18 } }],
          token_usage: { 'bge-m3': { prompt_tokens: 9, total_tokens: 9 } },
        },
        'req-14',
      ),
    );
    const result = await client.vector.embedding({
      denseModel: { name: 'bge-m3' },
      sparseModel: { name: 'bge-m3' },
      data: [{ text: 'Reference dense and sparse embedding request.' }],
    });
    expect(calls[0]!.body).toEqual({
      dense_model: { name: 'bge-m3' },
      sparse_model: { name: 'bge-m3' },
      data: [{ text: 'Reference dense and sparse embedding request.' }],
    });
    expect(result.items[0]).toEqual({
      dense: [0.0123, -0.0456, 0.0789],
      sparse: { reference: 0.21, embedding: 0.18 },
      tensor: undefined,
    });
    expect(result.tokenUsage).toEqual({ 'bge-m3': { prompt_tokens: 9, total_tokens: 9 } });
  });

  it('rerank (§3.16), strings as text parts', async () => {
    const calls = answerOnce(
      server,
      '/api/vikingdb/rerank',
      ok(
        {
          data: [
            { id: 0, score: 0.93, origin_data: [{ text: 'This is an apple.' }] },
            { id: 1, score: 0.02, origin_data: [{ text: 'My name is John.' }] },
          ],
          token_usage: {},
        },
        'req-15',
      ),
    );
    const result = await client.vector.rerank({
      modelName: 'doubao-seed-rerank',
      modelVersion: '251028',
      query: 'apple',
      data: ['This is an apple.', [{ text: 'My name is John.' }]],
      instruction: 'Whether the Document answers the Query or matches the content retrieval intent',
      returnOriginData: true,
    });
    expect(calls[0]!.body).toEqual({
      model_name: 'doubao-seed-rerank',
      model_version: '251028',
      query: [{ text: 'apple' }],
      data: [[{ text: 'This is an apple.' }], [{ text: 'My name is John.' }]],
      instruction: 'Whether the Document answers the Query or matches the content retrieval intent',
      return_origin_data: true,
    });
    expect(result.items).toEqual([
      { index: 0, score: 0.93, originData: [{ text: 'This is an apple.' }] },
      { index: 1, score: 0.02, originData: [{ text: 'My name is John.' }] },
    ]);
  });

  it('ping (§1.2): GET /api/vikingdb/Ping', async () => {
    const calls = answerOnce(server, '/api/vikingdb/Ping', { code: 'Success', message: 'pong', request_id: 'p' });
    const result = await client.vector.ping();
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.rawBody).toBe('');
    expect(result.requestId).toBe('p');
  });

  it('addresses a collection by resource_id and project_name', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/search/random', ok({ data: [] }));
    await client.vector.index({ resource_id: 'vdb-123', project_name: 'prod' }, 'idx').search.random();
    expect(calls[0]!.body).toEqual({ resource_id: 'vdb-123', project_name: 'prod', index_name: 'idx' });
  });

  it('reads null and missing result parts as empty, never crashing', async () => {
    answerOnce(server, '/api/vikingdb/data/search/vector', ok(null));
    const result = await demoIndex.search.vector({ denseVector: [1, 0, 0, 0] });
    expect(result.items).toEqual([]);
    expect(result.totalReturnCount).toBe(0);
  });
});
