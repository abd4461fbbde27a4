/**
 * Every error the local server names for the vector API, over real HTTP: a VikingDB-shaped 4xx with a message that
 * names the problem, through the kit's client (typed errors) or raw HTTP where the client would not send the body —
 * and each rejected write is shown to change nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpError, NotFoundError } from '../../../src/client/index.node';
import { callWire, demoDoc, raw, rejection, serverForThisFile, vectorOf, vectorSnapshot } from './harness';
import {
  VECTOR_AGGREGATE,
  VECTOR_DELETE,
  VECTOR_EMBEDDING,
  VECTOR_FETCH_IN_COLLECTION,
  VECTOR_FETCH_IN_INDEX,
  VECTOR_RERANK,
  VECTOR_SEARCH_BY_ID,
  VECTOR_SEARCH_KEYWORDS,
  VECTOR_SEARCH_MULTI_MODAL,
  VECTOR_SEARCH_RANDOM,
  VECTOR_SEARCH_SCALAR,
  VECTOR_SEARCH_VECTOR,
  VECTOR_SORT,
  VECTOR_UPDATE,
  VECTOR_UPSERT,
} from '../../../src/client/endpoints';

const fx = serverForThisFile();
const DOCS = { collection_name: 'demo_docs' };
const ON_INDEX = { collection_name: 'demo_docs', index_name: 'demo_docs_index' };
const WATCHED = [1, 2, 3, 50, 51, 101];

const snapshot = () => vectorSnapshot(fx.url, 'demo_docs', 'demo_docs_index', WATCHED);

/** Runs a rejected request and checks it changed nothing. */
async function unchanged(run: () => Promise<void>): Promise<void> {
  const before = await snapshot();
  await run();
  expect(await snapshot()).toEqual(before);
}

beforeAll(async () => {
  await fx.client.vector.collection('demo_docs').upsert([demoDoc(1), demoDoc(2), demoDoc(3)]);
});

describe('malformed bodies', () => {
  it.each([
    ['not JSON', '{"collection_name":"demo_docs", data: [}', /not valid JSON/],
    ['a JSON array', '[{"collection_name":"demo_docs"}]', /must be a JSON object/],
    ['a JSON string', '"upsert"', /must be a JSON object/],
    ['truncated', '{"collection_name":"demo_docs","data":[{"id":50,', /not valid JSON/],
  ])('upsert with %s → 400 InvalidParameter, nothing written', async (_label, body, message) => {
    await unchanged(async () => {
      const answer = await raw(fx.url, '/api/vikingdb/data/upsert', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'InvalidParameter', message: expect.stringMatching(message) });
      expect(answer.body.request_id).toBe(answer.headers.get('x-tt-logid'));
    });
  });

  it('a search with invalid JSON is a 400 too', async () => {
    const answer = await raw(fx.url, '/api/vikingdb/data/search/random', '{');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameter');
  });
});

describe('wrong types and missing fields name the path', () => {
  it.each([
    ['data not an array', { ...DOCS, data: { id: 50 } }, 'InvalidParameter', 'data must be an array'],
    ['a row not an object', { ...DOCS, data: [7] }, 'InvalidParameter', 'data[0]'],
    ['year as a string', { ...DOCS, data: [demoDoc(50, { year: '2050' })] }, 'InvalidParameter', 'data[0].year'],
    ['tags with a number', { ...DOCS, data: [demoDoc(50, { tags: ['a', 1] })] }, 'InvalidParameter', 'data[0].tags[1]'],
    ['rating NaN-ish', { ...DOCS, data: [demoDoc(50, { rating: 'NaN' })] }, 'InvalidParameter', 'data[0].rating'],
    ['id as an object', { ...DOCS, data: [demoDoc(50, { id: { n: 1 } })] }, 'InvalidParameter', 'data[0].id'],
    ['id 0', { ...DOCS, data: [demoDoc(50, { id: 0 })] }, 'InvalidParameter', 'data[0].id'],
    ['unknown field', { ...DOCS, data: [demoDoc(50, { colour: 'red' })] }, 'InvalidParameter', 'data[0].colour'],
    ['ttl negative', { ...DOCS, data: [demoDoc(50)], ttl: -1 }, 'InvalidParameter', 'ttl'],
    ['async as a string', { ...DOCS, data: [demoDoc(50)], async: 'no' }, 'InvalidParameter', 'async'],
    ['missing data', { ...DOCS }, 'MissingParameter', 'data'],
    ['missing primary key', { ...DOCS, data: [{ title: 'no id' }] }, 'MissingParameter', 'data[0].id'],
    ['missing locator', { data: [demoDoc(50)] }, 'MissingParameter', 'collection_name'],
    ['collection_name a number', { collection_name: 5, data: [demoDoc(50)] }, 'InvalidParameter', 'collection_name'],
  ])('upsert with %s → 400 %s naming %s', async (_label, body, code, path) => {
    await unchanged(async () => {
      const error = await rejection(callWire(fx.client, VECTOR_UPSERT, body));
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ status: 400, code });
      expect(error['serviceMessage']).toContain(path);
      expect(error['requestId']).toMatch(/\S/);
    });
  });

  it('one bad row rejects the whole batch', async () => {
    await unchanged(async () => {
      const rows = [demoDoc(50), demoDoc(51, { year: 1.5 }), demoDoc(1, { title: 'overwritten?' })];
      const error = await rejection(fx.client.vector.collection('demo_docs').upsert(rows));
      expect(error).toMatchObject({ status: 400, code: 'InvalidParameter' });
      expect(error['serviceMessage']).toContain('data[1].year');
    });
  });

  it.each([
    ['update of an id that does not exist', VECTOR_UPDATE, { ...DOCS, data: [{ id: 50, title: 'x' }] }, 'data[0]'],
    ['update without the key', VECTOR_UPDATE, { ...DOCS, data: [{ title: 'x' }] }, 'data[0].id'],
    ['update with a bad type', VECTOR_UPDATE, { ...DOCS, data: [{ id: 1, year: 'x' }] }, 'data[0].year'],
    ['delete without ids', VECTOR_DELETE, { ...DOCS }, 'ids'],
    ['delete with ids not an array', VECTOR_DELETE, { ...DOCS, ids: 1 }, 'ids'],
    ['delete with an object id', VECTOR_DELETE, { ...DOCS, ids: [1, { id: 2 }] }, 'ids[1]'],
    ['delete with del_all a string', VECTOR_DELETE, { ...DOCS, del_all: 'true' }, 'del_all'],
  ])('%s → 400 naming %s, nothing changed', async (_label, endpoint, body, path) => {
    await unchanged(async () => {
      const error = await rejection(callWire(fx.client, endpoint, body));
      expect(error['status']).toBe(400);
      expect(['InvalidParameter', 'MissingParameter']).toContain(error['code']);
      expect(error['serviceMessage']).toContain(path);
    });
  });

  it.each([
    ['fetch_in_collection', VECTOR_FETCH_IN_COLLECTION, { ...DOCS }, 'ids'],
    ['fetch_in_index', VECTOR_FETCH_IN_INDEX, { ...ON_INDEX, ids: [1], output_fields: ['nope'] }, 'output_fields[0]'],
    ['search/vector', VECTOR_SEARCH_VECTOR, { ...ON_INDEX }, 'dense_vector'],
    ['search/multi_modal', VECTOR_SEARCH_MULTI_MODAL, { ...ON_INDEX, text: 7 }, 'text'],
    ['search/multi_modal image', VECTOR_SEARCH_MULTI_MODAL, { ...ON_INDEX, image: 'tos://b/k' }, 'text only'],
    ['search/id', VECTOR_SEARCH_BY_ID, { ...ON_INDEX }, 'id'],
    ['search/id unknown', VECTOR_SEARCH_BY_ID, { ...ON_INDEX, id: 4040 }, '4040'],
    ['search/scalar', VECTOR_SEARCH_SCALAR, { ...ON_INDEX, field: 'title' }, "'title'"],
    ['search/keywords', VECTOR_SEARCH_KEYWORDS, { ...ON_INDEX, keywords: [] }, 'keywords'],
    ['search/random limit', VECTOR_SEARCH_RANDOM, { ...ON_INDEX, limit: '10' }, 'limit'],
    ['search/random limit 0', VECTOR_SEARCH_RANDOM, { ...ON_INDEX, limit: 0 }, 'limit'],
    ['search/random offset', VECTOR_SEARCH_RANDOM, { ...ON_INDEX, offset: -1 }, 'offset'],
    [
      'search/random filter',
      VECTOR_SEARCH_RANDOM,
      { ...ON_INDEX, filter: { op: 'must', field: 'body', conds: ['x'] } },
      'body',
    ],
    ['search/random filter op', VECTOR_SEARCH_RANDOM, { ...ON_INDEX, filter: { op: 'like' } }, 'like'],
    ['search/random ids_in', VECTOR_SEARCH_RANDOM, { ...ON_INDEX, advance: { ids_in: [[1]] } }, 'ids_in[0]'],
    ['agg without op', VECTOR_AGGREGATE, { ...ON_INDEX }, 'op'],
    ['agg op sum', VECTOR_AGGREGATE, { ...ON_INDEX, op: 'sum' }, 'sum'],
    ['agg cond', VECTOR_AGGREGATE, { ...ON_INDEX, op: 'count', cond: { lt: 1 } }, 'cond.lt'],
    ['sort without ids', VECTOR_SORT, { ...ON_INDEX, query_vector: [1] }, 'ids'],
    ['embedding without data', VECTOR_EMBEDDING, { dense_model: { name: 'bge-m3' } }, 'data'],
    ['rerank without query', VECTOR_RERANK, { data: [[{ text: 'a' }]] }, 'query'],
  ])('%s → 400 naming %s', async (_label, endpoint, body, path) => {
    const error = await rejection(callWire(fx.client, endpoint, body));
    expect(error['status']).toBe(400);
    expect(['InvalidParameter', 'MissingParameter']).toContain(error['code']);
    expect(error['serviceMessage']).toContain(path);
  });
});

describe('unknown collections and indexes', () => {
  it('404 NotFound.VikingdbCollection for writes and reads, nothing changed', async () => {
    await unchanged(async () => {
      const missing = fx.client.vector.collection('no_such_collection');
      const error = await rejection(missing.upsert([demoDoc(50)]));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'NotFound.VikingdbCollection' });
      expect(error['serviceMessage']).toContain('no_such_collection');
      await expect(missing.fetch([1])).rejects.toMatchObject({ code: 'NotFound.VikingdbCollection' });
      await expect(missing.delete({ all: true })).rejects.toMatchObject({ status: 404 });
      const byResource = fx.client.vector.collection({ resource_id: 'no_such_resource' });
      await expect(byResource.fetch([1])).rejects.toMatchObject({ code: 'NotFound.VikingdbCollection' });
      const wrongProject = fx.client.vector.collection({ collection_name: 'demo_docs', project_name: 'other' });
      await expect(wrongProject.update([{ id: 1, title: 'x' }])).rejects.toMatchObject({ status: 404 });
    });
  });

  it('404 NotFound.VikingdbIndex, naming the known indexes', async () => {
    const index = fx.client.vector.index('demo_docs', 'no_such_index');
    const error = await rejection(index.search.random({}));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'NotFound.VikingdbIndex' });
    expect(error['serviceMessage']).toContain('demo_docs_index');
    await expect(index.aggregate()).rejects.toMatchObject({ code: 'NotFound.VikingdbIndex' });
    await expect(index.fetch([1])).rejects.toMatchObject({ code: 'NotFound.VikingdbIndex' });
    const onMissingCollection = fx.client.vector.index('nope', 'demo_docs_index');
    await expect(onMissingCollection.search.random({})).rejects.toMatchObject({ code: 'NotFound.VikingdbCollection' });
  });
});

describe('limits', () => {
  it('dim mismatch on upsert, search/vector and sort → 400 naming the dimension', async () => {
    const before = await vectorSnapshot(fx.url, 'vector', 'vector_index', [1]);
    const rows = fx.client.vector.collection('vector', { autoId: true });
    const error = await rejection(rows.upsert([{ title: 'short', vector: vectorOf(1, 3) }]));
    expect(error).toMatchObject({ status: 400, code: 'InvalidParameter' });
    expect(error['serviceMessage']).toMatch(/data\[0\]\.vector has 3 dimensions.*1024/);
    expect(await vectorSnapshot(fx.url, 'vector', 'vector_index', [1])).toEqual(before);

    const index = fx.client.vector.index('vector', 'vector_index');
    const search = await rejection(index.search.vector({ denseVector: vectorOf(1, 1023) }));
    expect(search['serviceMessage']).toMatch(/dense_vector has 1023 dimensions.*1024/);
    const sort = await rejection(index.sort({ ids: [1], queryVector: [1, 2] }));
    expect(sort['serviceMessage']).toMatch(/query_vector has 2 dimensions/);
  });

  it('more than 100 rows → 400, and none of them is written', async () => {
    const rows = Array.from({ length: 101 }, (_, i) => demoDoc(i + 1, { title: 'batch' }));
    await unchanged(async () => {
      const error = await rejection(callWire(fx.client, VECTOR_UPSERT, { ...DOCS, data: rows }));
      expect(error).toMatchObject({ status: 400, code: 'InvalidParameter' });
      expect(error['serviceMessage']).toContain('1 to 100 rows (got 101)');
      const empty = await rejection(callWire(fx.client, VECTOR_UPSERT, { ...DOCS, data: [] }));
      expect(empty['serviceMessage']).toContain('got 0');
      const update = await rejection(callWire(fx.client, VECTOR_UPDATE, { ...DOCS, data: rows }));
      expect(update['status']).toBe(400);
    });
  });

  it('a body over the limit (4 MiB) → 413, nothing written', async () => {
    const huge = { ...DOCS, data: [demoDoc(50, { body: 'x'.repeat(5 * 1024 * 1024) })] };
    await unchanged(async () => {
      const answer = await raw(fx.url, '/api/vikingdb/data/upsert', huge);
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ code: 'RequestEntityTooLarge', message: expect.stringContaining('4194304') });
      expect(answer.body.request_id).toBe(answer.headers.get('x-tt-logid'));
      const viaClient = await rejection(callWire(fx.client, VECTOR_UPSERT, huge));
      expect(viaClient).toMatchObject({ status: 413, code: 'RequestEntityTooLarge' });
    });
  });

  it('unknown paths → 404 in the envelope of their domain; other methods → 405', async () => {
    const vector = await raw(fx.url, '/api/vikingdb/data/upsert_all', { ...DOCS });
    expect(vector.status).toBe(404);
    expect(vector.body).toMatchObject({
      code: 'NotFound.Api',
      message: expect.stringContaining('/api/vikingdb/data/upsert_all'),
    });
    const memory = await raw(fx.url, '/api/memory/nothing', {});
    expect(memory.status).toBe(404);
    expect(memory.body.code).toBe(1000003);
    const root = await raw(fx.url, '/', undefined, { method: 'GET' });
    expect(root.status).toBe(404);
    const getUpsert = await raw(fx.url, '/api/vikingdb/data/upsert', undefined, { method: 'GET' });
    expect(getUpsert.status).toBe(405);
    const put = await raw(fx.url, '/api/vikingdb/data/upsert', { ...DOCS, data: [demoDoc(50)] }, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.body).toMatchObject({ code: 'MethodNotAllowed', message: expect.stringContaining('accepts POST') });
    const putUnknown = await raw(fx.url, '/api/vikingdb/data/nope', {}, { method: 'PUT' });
    expect(putUnknown.status).toBe(404);
    expect((await fx.client.vector.collection('demo_docs').fetch([50])).idsNotExist).toEqual([50]);
  });
});
