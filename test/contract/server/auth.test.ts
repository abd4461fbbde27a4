/**
 * Authentication over real HTTP (`--api-key` and `--verify-signature`): 401 with a message naming what failed, in
 * the domain's envelope; pings always answer 200 unauthenticated (api doc §9.1); refused writes change nothing.
 */
import { describe, expect, it } from 'vitest';
import { aksk, apiKey, AuthError, createVikingClient, headerAuth } from '../../../src/client/index.node';
import { callWire, demoDoc, raw, rejection, serverForThisFile } from './harness';
import { MEMORY_ADD_EVENT, VECTOR_DELETE, VECTOR_SEARCH_RANDOM, VECTOR_UPSERT } from '../../../src/client/endpoints';

const KEY = 'contract-api-key';
const AK = 'AKLTcontractTest';
const SK = 'Y29udHJhY3QgdGVzdCBzZWNyZXQ=';
const fx = serverForThisFile({ apiKey: KEY, verifySignature: { accessKeyId: AK, secretAccessKey: SK } });

const UPSERT_BODY = { collection_name: 'demo_docs', data: [demoDoc(9)] };

function clientWith(auth: Parameters<typeof createVikingClient>[0]['auth']) {
  return createVikingClient({ baseUrl: fx.url, auth, retry: { maxRetries: 0 } });
}

async function rowNine(): Promise<unknown> {
  const answer = await raw(
    fx.url,
    '/api/vikingdb/data/fetch_in_collection',
    { collection_name: 'demo_docs', ids: [9] },
    { headers: { Authorization: `Bearer ${KEY}` } },
  );
  expect(answer.status).toBe(200);
  return answer.body.result;
}

describe('auth', () => {
  it('pings answer 200 without credentials, by GET and POST (Python/Java SDK constructors)', async () => {
    for (const [method, path] of [
      ['GET', '/api/vikingdb/Ping'],
      ['POST', '/api/vikingdb/Ping'],
      ['GET', '/api/memory/ping'],
      ['GET', '/ping'],
    ] as const) {
      const answer = await raw(fx.url, path, method === 'POST' ? '' : undefined, { method });
      expect(answer.status, `${method} ${path}`).toBe(200);
    }
    expect((await clientWith(headerAuth({})).vector.ping()).status).toBe(200);
  });

  it('no Authorization → 401 Unauthorized (vector) / 1000001 (memory), nothing written', async () => {
    const before = await rowNine();
    const none = clientWith(headerAuth({}));
    const error = await rejection(callWire(none, VECTOR_UPSERT, UPSERT_BODY));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 401, code: 'Unauthorized' });
    expect(error['serviceMessage']).toContain('Authorization header is missing');
    const memory = await rejection(
      callWire(none, MEMORY_ADD_EVENT, {
        collection_name: 'sdk_test',
        event_type: 'event_v1',
        memory_info: { summary: 'x' },
      }),
    );
    expect(memory).toMatchObject({ status: 401, code: 1000001 });
    expect(await rowNine()).toEqual(before);
  });

  it('a wrong API key → 401 naming the key; the right one → 200', async () => {
    const before = await rowNine();
    const wrong = await rejection(callWire(clientWith(apiKey('nope')), VECTOR_UPSERT, UPSERT_BODY));
    expect(wrong).toMatchObject({ status: 401, code: 'Unauthorized' });
    expect(wrong['serviceMessage']).toContain('API key is not valid');
    expect(await rowNine()).toEqual(before);
    await callWire(clientWith(apiKey(KEY)), VECTOR_UPSERT, UPSERT_BODY);
    expect(await rowNine()).toMatchObject({ fetch: [{ id: 9 }] });
  });

  it('V4: a valid signature passes; a wrong secret, a missing X-Date or an unsigned body do not', async () => {
    const good = clientWith(aksk({ accessKeyId: AK, secretAccessKey: SK }));
    const search = { collection_name: 'demo_docs', index_name: 'demo_docs_index', limit: 1 };
    expect((await callWire(good, VECTOR_SEARCH_RANDOM, search)).status).toBe(200);
    expect((await good.memory.collection('sdk_test').search({ limit: 1 })).count).toBeGreaterThanOrEqual(0);

    const before = await rowNine();
    const bad = clientWith(aksk({ accessKeyId: AK, secretAccessKey: 'wrong' }));
    const mismatch = await rejection(callWire(bad, VECTOR_DELETE, { collection_name: 'demo_docs', ids: [9] }));
    expect(mismatch).toMatchObject({ status: 401, code: 'Unauthorized' });
    expect(mismatch['serviceMessage']).toMatch(/signature does not match/);

    const unknownKey = clientWith(aksk({ accessKeyId: 'AKLTother', secretAccessKey: SK }));
    const who = await rejection(callWire(unknownKey, VECTOR_DELETE, { collection_name: 'demo_docs', ids: [9] }));
    expect(who['status']).toBe(401);

    const forged = await raw(
      fx.url,
      '/api/vikingdb/data/delete',
      { collection_name: 'demo_docs', ids: [9] },
      {
        headers: {
          Authorization: `HMAC-SHA256 Credential=${AK}/20250101/cn-beijing/vikingdb/request, SignedHeaders=content-type, Signature=${'0'.repeat(64)}`,
        },
      },
    );
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('Unauthorized');
    expect(forged.body.message).toMatch(/X-Date/i);
    expect(forged.body.request_id).toBe(forged.headers.get('x-tt-logid'));
    expect(await rowNine()).toEqual(before);
  });
});
