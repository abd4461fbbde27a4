/**
 * What the official SDKs need from the wire (api doc §9 and §6): string `code`/`request_id`, no `null` where a list
 * or object is expected, `request_id` in every body equal to `X-Tt-Logid`, a bare trailing `?`, `""` meaning absent
 * for locators (Go), ids as numbers or numeric strings (Java), GET and POST ping.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDoc, raw, serverForThisFile, vectorOf } from './harness';

const fx = serverForThisFile();
const DOCS = { collection_name: 'demo_docs' };
const ON_INDEX = { collection_name: 'demo_docs', index_name: 'demo_docs_index' };

/** Every JSON path holding `null` in a value. */
function nullPaths(value: unknown, path = '$'): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nullPaths(v, `${path}.${k}`));
  return [];
}

beforeAll(async () => {
  await fx.client.vector.collection('demo_docs').upsert([1, 2, 3, 4].map((id) => demoDoc(id)));
  await fx.client.vector
    .collection('vector', { autoId: true })
    .upsert([{ title: 'v', paragraph: 1, score: 1, text: 't', vector: vectorOf(1, 1024) }]);
  await fx.client.memory.collection('sdk_test').addSession({
    sessionId: 'wire',
    messages: [{ role: 'user', content: 'I like tea' }],
    metadata: { defaultUserId: 'u' },
  });
});

/** One successful request per path. */
const SUCCESSES: ReadonlyArray<readonly [string, unknown]> = [
  ['/api/vikingdb/data/upsert', { ...DOCS, data: [demoDoc(5)] }],
  ['/api/vikingdb/data/update', { ...DOCS, data: [{ id: 5, rating: 1 }] }],
  ['/api/vikingdb/data/fetch_in_collection', { ...DOCS, ids: [1, 404] }],
  ['/api/vikingdb/data/fetch_in_index', { ...ON_INDEX, ids: [1, 404] }],
  [
    '/api/vikingdb/data/search/vector',
    { collection_name: 'vector', index_name: 'vector_index', dense_vector: vectorOf(1, 1024) },
  ],
  ['/api/vikingdb/data/search/multi_modal', { ...ON_INDEX, text: 'garden' }],
  ['/api/vikingdb/data/search/id', { ...ON_INDEX, id: 1 }],
  ['/api/vikingdb/data/search/scalar', { ...ON_INDEX, field: 'year' }],
  ['/api/vikingdb/data/search/keywords', { ...ON_INDEX, keywords: ['garden'] }],
  ['/api/vikingdb/data/search/random', { ...ON_INDEX, limit: 1 }],
  ['/api/vikingdb/data/agg', { ...ON_INDEX, op: 'count', field: 'lang' }],
  ['/api/vikingdb/data/sort', { ...ON_INDEX, ids: [1, 2], query_vector: new Array(256).fill(0.1) }],
  [
    '/api/vikingdb/embedding',
    { dense_model: { name: 'bge-m3' }, sparse_model: { name: 'bge-m3' }, data: [{ text: 'a b' }] },
  ],
  [
    '/api/vikingdb/rerank',
    { model_name: 'm', query: [{ text: 'a' }], data: [[{ text: 'a' }]], return_origin_data: true },
  ],
  ['/api/vikingdb/data/delete', { ...DOCS, ids: [5] }],
  ['/api/memory/search', { collection_name: 'sdk_test', query: 'tea' }],
  ['/api/memory/session/info', { collection_name: 'sdk_test', session_id: 'wire' }],
];

describe('envelopes the SDKs can parse', () => {
  it.each(SUCCESSES)('%s: 200, string code/request_id (vector) or code 0 (memory), no nulls', async (path, body) => {
    const answer = await raw(fx.url, path, body);
    expect(answer.status).toBe(200);
    expect(typeof answer.body.request_id).toBe('string');
    expect(answer.body.request_id).toBe(answer.headers.get('x-tt-logid'));
    if (path.startsWith('/api/vikingdb/')) {
      expect(answer.body.code).toBe('Success');
      expect(typeof answer.body.message).toBe('string');
      expect(typeof answer.body.api).toBe('string');
    } else {
      expect(answer.body).toMatchObject({ code: 0, message: 'success' });
      expect(answer.body.data).toBeTypeOf('object');
    }
    expect(nullPaths(answer.body)).toEqual([]);
    const result = answer.body.result;
    if (result && 'data' in result && path.includes('/search/')) {
      for (const hit of result.data) {
        expect(hit.id).toBeDefined();
        expect(hit.fields).toBeTypeOf('object');
      }
    }
    if (path.includes('fetch_in')) {
      expect(Array.isArray(result.fetch)).toBe(true);
      expect(result.ids_not_exist).toEqual([404]);
    }
  });

  it('errors carry request_id equal to X-Tt-Logid, generated or echoed, and no nulls', async () => {
    const generated = await raw(fx.url, '/api/vikingdb/data/upsert', { ...DOCS, data: null });
    expect(generated.status).toBe(400);
    expect(typeof generated.body.code).toBe('string');
    expect(generated.body.request_id).toMatch(/\S/);
    expect(generated.body.request_id).toBe(generated.headers.get('x-tt-logid'));
    expect(nullPaths(generated.body)).toEqual([]);
    const echoed = await raw(
      fx.url,
      '/api/memory/session/info',
      { collection_name: 'sdk_test', session_id: 'nope' },
      {
        headers: { 'X-Tt-Logid': 'my-request-7' },
      },
    );
    expect(echoed.status).toBe(404);
    expect(echoed.body).toEqual({ code: 1000011, message: expect.any(String), request_id: 'my-request-7' });
    expect(echoed.headers.get('x-tt-logid')).toBe('my-request-7');
    const notFound = await raw(fx.url, '/api/vikingdb/nope', {}, { headers: { 'X-Tt-Logid': 'nf-1' } });
    expect(notFound.body.request_id).toBe('nf-1');
  });
});

describe('what the SDKs send', () => {
  it('a bare trailing "?" (Python) and a query string are accepted', async () => {
    const bare = await raw(fx.url, '/api/vikingdb/data/search/random?', { ...ON_INDEX, limit: 2 });
    expect(bare.status).toBe(200);
    expect(bare.body.result.data).toHaveLength(2);
    const write = await raw(fx.url, '/api/vikingdb/data/upsert?', { ...DOCS, data: [demoDoc(6)] });
    expect(write.status).toBe(200);
    const withQuery = await raw(fx.url, '/api/memory/search?a=1&b=x%20y', { collection_name: 'sdk_test' });
    expect(withQuery.status).toBe(200);
    expect((await raw(fx.url, '/api/vikingdb/Ping?', undefined, { method: 'GET' })).status).toBe(200);
  });

  it('"" counts as absent for collection_name, resource_id, index_name and project_name (Go)', async () => {
    const byName = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', {
      collection_name: 'demo_docs',
      resource_id: '',
      project_name: '',
      ids: [1],
    });
    expect(byName.status).toBe(200);
    expect(byName.body.result.fetch).toHaveLength(1);
    const byResource = await raw(fx.url, '/api/vikingdb/data/search/random', {
      collection_name: '',
      resource_id: 'demo_docs',
      index_name: 'demo_docs_index',
    });
    expect(byResource.status).toBe(200);
    const neither = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', {
      collection_name: '',
      resource_id: '',
      ids: [1],
    });
    expect(neither.status).toBe(400);
    expect(neither.body).toMatchObject({
      code: 'MissingParameter',
      message: expect.stringContaining('collection_name'),
    });
    const noIndex = await raw(fx.url, '/api/vikingdb/data/search/random', { ...DOCS, resource_id: '', index_name: '' });
    expect(noIndex.status).toBe(400);
    expect(noIndex.body).toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('index_name') });
    const memory = await raw(fx.url, '/api/memory/search', {
      collection_name: 'sdk_test',
      resource_id: '',
      project_name: '',
    });
    expect(memory.status).toBe(200);
    const memoryByResource = await raw(fx.url, '/api/memory/session/info', {
      collection_name: '',
      resource_id: 'sdk_test',
      project_name: 'default',
      session_id: 'wire',
    });
    expect(memoryByResource.status).toBe(200);
  });

  it('ids as numbers or numeric strings (Java sends "1" and 1)', async () => {
    const fetched = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', {
      ...DOCS,
      ids: ['1', 2, '-99', 'abc'],
    });
    expect(fetched.body.result.fetch.map((row: { id: unknown }) => row.id)).toEqual([1, 2]);
    expect(fetched.body.result.ids_not_exist).toEqual(['-99', 'abc']);
    const update = await raw(fx.url, '/api/vikingdb/data/update', { ...DOCS, data: [{ id: '3', rating: 9 }] });
    expect(update.status).toBe(200);
    const byId = await raw(fx.url, '/api/vikingdb/data/search/id', { ...ON_INDEX, id: '3', limit: 1 });
    expect(byId.body.result.data[0].id).toBe(3);
    const idsIn = await raw(fx.url, '/api/vikingdb/data/search/random', { ...ON_INDEX, advance: { ids_in: ['1', 2] } });
    expect(idsIn.body.result.data.map((hit: { id: number }) => hit.id).sort()).toEqual([1, 2]);
    const sorted = await raw(fx.url, '/api/vikingdb/data/sort', {
      ...ON_INDEX,
      ids: ['1', 2],
      query_vector: new Array(256).fill(0.1),
    });
    expect(sorted.body.result.sort).toHaveLength(2);
    const deleted = await raw(fx.url, '/api/vikingdb/data/delete', { ...DOCS, ids: ['4', 4] });
    expect(deleted.status).toBe(200);
    expect(deleted.body).not.toHaveProperty('result');
    const gone = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', { ...DOCS, ids: [4] });
    expect(gone.body.result.ids_not_exist).toEqual([4]);
  });

  it('auto ids come back as digit strings and address rows in update/fetch', async () => {
    const hit = await raw(fx.url, '/api/vikingdb/data/search/random', {
      collection_name: 'vector',
      index_name: 'vector_index',
    });
    const id = hit.body.result.data[0].id;
    expect(id).toMatch(/^\d+$/);
    const updated = await raw(fx.url, '/api/vikingdb/data/update', {
      collection_name: 'vector',
      data: [{ __AUTO_ID__: id, score: 47 }],
    });
    expect(updated.status).toBe(200);
    const fetched = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', {
      collection_name: 'vector',
      ids: [id],
    });
    expect(fetched.body.result.fetch[0]).toMatchObject({ id, fields: { score: 47 } });
  });

  it('Go zero values: null for optional fields is absent', async () => {
    const answer = await raw(fx.url, '/api/vikingdb/data/search/random', {
      ...ON_INDEX,
      resource_id: '',
      filter: null,
      output_fields: null,
      partition: null,
      advance: null,
      limit: 2,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result.data).toHaveLength(2);
  });
});
