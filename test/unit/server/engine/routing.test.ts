import { describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import { ROUTES } from '../../../../src/server/local/engine/routes';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';
import { createHarness, ON_ITEMS, testConfig, V } from './engineHarness';

describe('routing and envelopes', () => {
  it('serves all 16 vector and 15 memory paths, plus /ping', () => {
    const paths = [...ROUTES.keys()];
    expect(paths.filter((p) => p.startsWith('/api/vikingdb/'))).toHaveLength(16);
    expect(paths.filter((p) => p.startsWith('/api/memory/'))).toHaveLength(15);
    expect(paths).toContain('/ping');
  });

  it('answers the ping paths with 200', async () => {
    const h = await createHarness();
    for (const [method, path] of [
      ['GET', '/api/vikingdb/Ping'],
      ['POST', '/api/vikingdb/Ping'],
      ['GET', '/api/memory/ping'],
      ['GET', '/ping'],
    ] as const) {
      const answer = await h.call(path, '', method);
      expect(answer.status, path).toBe(200);
      expect(typeof answer.body.request_id).toBe('string');
    }
    expect((await h.call('/api/memory/ping', '', 'GET')).body.code).toBe(0);
  });

  it('uses the exact vector success envelope with string code and request id', async () => {
    const h = await createHarness();
    const answer = await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1] });
    expect(answer).toEqual({
      status: 200,
      body: {
        code: 'Success',
        message: 'The API call was executed successfully.',
        request_id: 'req-1',
        api: 'FetchDataInCollection',
        result: { fetch: [], ids_not_exist: [1] },
      },
    });
  });

  it('generates a request id when the carrier gives none', async () => {
    const engine = await createLocalEngine({ config: testConfig, storage: createMemoryStorage() });
    const answer = await engine.handle({ method: 'POST', path: '/api/vikingdb/nope', body: '', requestId: '' });
    expect(answer.body['request_id']).toMatch(/^021\d{13}[0-9a-f]{24}$/);
  });

  it('answers unknown paths with a VikingDB-shaped 404', async () => {
    const h = await createHarness();
    const vector = await h.call('/api/vikingdb/data/nope', {});
    expect(vector.status).toBe(404);
    expect(vector.body).toMatchObject({ code: 'NotFound.Api', request_id: 'req-1' });
    expect(vector.body.message).toContain('/api/vikingdb/data/nope');
    const memory = await h.call('/api/memory/nope', {});
    expect(memory.status).toBe(404);
    expect(memory.body.code).toBe(1000003);
  });

  it('rejects wrong methods', async () => {
    const h = await createHarness();
    const answer = await h.call(`${V}/upsert`, '', 'GET');
    expect(answer.status).toBe(405);
    expect(answer.body.message).toContain('POST');
  });

  it('accepts a trailing ? or slash (Python builds URLs ending in ?)', async () => {
    const h = await createHarness();
    expect((await h.call(`${V}/fetch_in_collection?`, { ...ON_ITEMS, ids: [] })).status).toBe(200);
    expect((await h.call(`${V}/fetch_in_collection/`, { ...ON_ITEMS, ids: [] })).status).toBe(200);
  });

  it('rejects bad JSON and non-object bodies with 400 InvalidParameter', async () => {
    const h = await createHarness();
    for (const body of ['{nope', '[1,2]', '"text"', 'null']) {
      const answer = await h.call(`${V}/upsert`, body);
      expect(answer.status, body).toBe(400);
      expect(answer.body.code).toBe('InvalidParameter');
      expect(answer.body.request_id).toBeDefined();
    }
    const memory = await h.call('/api/memory/search', '{nope');
    expect(memory).toMatchObject({ status: 400, body: { code: 1000003 } });
  });

  it('answers 503 after close and closes the storage', async () => {
    const h = await createHarness();
    await h.engine.close();
    const answer = await h.call(`${V}/search/random`, { collection_name: 'items', index_name: 'idx' });
    expect(answer.status).toBe(503);
    await expect(h.storage.spaces()).rejects.toThrow();
    await h.engine.close();
  });

  it('turns a storage failure into InternalError 500 and applies nothing', async () => {
    const storage = createMemoryStorage();
    let fail = true;
    const engine = await createLocalEngine({
      config: testConfig,
      storage: {
        ...storage,
        load: storage.load,
        spaces: storage.spaces,
        close: storage.close,
        commit: async (writes) => {
          if (fail) throw new Error('disk full');
          await storage.commit(writes);
        },
      },
    });
    const upsert = await engine.handle({
      method: 'POST',
      path: `${V}/upsert`,
      body: JSON.stringify({ ...ON_ITEMS, data: [{ id: 1, vec: [1, 0, 0, 0] }] }),
      requestId: 'x',
    });
    expect(upsert.status).toBe(500);
    expect(upsert.body).toMatchObject({ code: 'InternalError', request_id: 'x' });
    fail = false;
    const fetched = await engine.handle({
      method: 'POST',
      path: `${V}/fetch_in_collection`,
      body: JSON.stringify({ ...ON_ITEMS, ids: [1] }),
      requestId: 'y',
    });
    expect(fetched.body['result']).toEqual({ fetch: [], ids_not_exist: [1] });
  });

  it('never throws out of handle, whatever the input', async () => {
    const h = await createHarness();
    const bodies = ['', '{}', '{"collection_name":5}', '{"collection_name":"items","data":{}}', '{"data":[null]}'];
    for (const path of ROUTES.keys()) {
      for (const body of bodies) {
        const answer = await h.call(path, body);
        expect(answer.status, `${path} ${body}`).not.toBe(500);
        expect(answer.body.request_id).toBeDefined();
      }
    }
  });
});
