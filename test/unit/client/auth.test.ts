import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aksk as akskWeb } from '../../../src/client/index';
import { aksk, apiKey, createVikingClient, headerAuth, signingProxy } from '../../../src/client/index.node';
import { BASE_URL, memoryOk, vectorOk } from '../../support/envelopes';
import { startMswServer } from '../../support/mswServer';
import { addSession, searchRandom } from '../../support/probeEndpoints';
import { verifyReceivedRequest } from '../../support/referenceSigner';

const server = startMswServer();
const SECRETS = { AKLTtest: 'secret/with+chars==' };

/** Records each request and answers with the right envelope for its path. */
function recordAll() {
  const seen: Request[] = [];
  server.use(
    http.all(/.*/, ({ request }) => {
      seen.push(request.clone());
      const url = new URL(request.url);
      return HttpResponse.json(url.pathname.startsWith('/api/memory') ? memoryOk({}) : vectorOk({}));
    }),
  );
  return seen;
}

describe('apiKey', () => {
  it('sends Authorization: Bearer and no signature headers', async () => {
    const seen = recordAll();
    await createVikingClient({ baseUrl: BASE_URL, auth: apiKey('sk-123') }).transport.call(searchRandom, {});
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer sk-123');
    expect(seen[0]!.headers.get('x-date')).toBeNull();
    expect(seen[0]!.headers.get('x-content-sha256')).toBeNull();
  });
});

describe('headerAuth', () => {
  it('copies the fixed headers onto every request without signing', async () => {
    const seen = recordAll();
    const auth = headerAuth({ 'X-Top-Account-Id': '21', 'X-Top-User-Id': '7', 'X-Top-Role-Id': 'data' });
    await createVikingClient({ baseUrl: BASE_URL, auth }).vector.ping();
    expect(seen[0]!.headers.get('x-top-account-id')).toBe('21');
    expect(seen[0]!.headers.get('x-top-role-id')).toBe('data');
    expect(seen[0]!.headers.get('authorization')).toBeNull();
  });
});

describe('signingProxy', () => {
  it('sends vector and memory requests to the proxy with no credentials', async () => {
    const seen = recordAll();
    const client = createVikingClient({
      host: 'api-vikingdb.example',
      auth: signingProxy('http://proxy.test/vikingdb', { headers: { 'X-Csrf': 't' } }),
    });
    await client.transport.call(searchRandom, { limit: 1 });
    await client.transport.call(addSession, { session_id: 's' });
    expect(seen.map((r) => r.url)).toEqual([
      'http://proxy.test/vikingdb/api/vikingdb/data/search/random',
      'http://proxy.test/vikingdb/api/memory/session/add',
    ]);
    for (const request of seen) {
      expect(request.headers.get('authorization')).toBeNull();
      expect(request.headers.get('x-date')).toBeNull();
      expect(request.headers.get('x-csrf')).toBe('t');
    }
    expect(client.info.auth).toBe('signingProxy');
  });
});

describe('aksk (V4)', () => {
  it('signs vector requests with service vikingdb: the server-side check of the received bytes passes', async () => {
    const seen = recordAll();
    const client = createVikingClient({
      baseUrl: BASE_URL,
      region: 'cn-shanghai',
      auth: aksk({ accessKeyId: 'AKLTtest', secretAccessKey: SECRETS.AKLTtest }),
    });
    await client.transport.call(
      searchRandom,
      { collection_name: '向量', index_name: 'i', limit: 3 },
      { requestId: 'trace-1', query: { b: 'x y', a: '1' }, headers: { 'X-Custom': 'v' } },
    );
    const request = seen[0]!;
    expect(request.headers.get('authorization')).toMatch(
      /^HMAC-SHA256 Credential=AKLTtest\/\d{8}\/cn-shanghai\/vikingdb\/request, SignedHeaders=content-type;x-content-sha256;x-custom;x-date;x-tt-logid, Signature=[0-9a-f]{64}$/,
    );
    expect(await verifyReceivedRequest(request, SECRETS, 'cn-shanghai', 'vikingdb')).toBeUndefined();
  });

  it('signs memory requests with service air, and the memory ping (GET, empty body)', async () => {
    const seen = recordAll();
    const client = createVikingClient({
      baseUrl: BASE_URL,
      auth: aksk({ accessKeyId: 'AKLTtest', secretAccessKey: SECRETS.AKLTtest }),
    });
    await client.transport.call(addSession, { session_id: 's1', messages: [{ role: 'user', content: 'hi' }] });
    await client.memory.ping();
    for (const request of seen) {
      expect(await verifyReceivedRequest(request, SECRETS, 'cn-beijing', 'air')).toBeUndefined();
    }
  });

  it('signs Host with signHost, uses STS tokens, and its own region over the client’s', async () => {
    const seen = recordAll();
    const client = createVikingClient({
      baseUrl: 'http://vikingdb.test:8329',
      region: 'cn-beijing',
      auth: aksk({
        accessKeyId: 'AKLTtest',
        secretAccessKey: SECRETS.AKLTtest,
        sessionToken: 'sts-abc',
        region: 'ap-southeast-1',
        signHost: true,
      }),
    });
    await client.transport.call(searchRandom, {});
    const request = seen[0]!;
    expect(request.headers.get('x-security-token')).toBe('sts-abc');
    expect(request.headers.get('authorization')).toContain(
      'SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token',
    );
    expect(await verifyReceivedRequest(request, SECRETS, 'ap-southeast-1', 'vikingdb')).toBeUndefined();
  });

  it('asks a credentials() provider before each signature (rotating STS)', async () => {
    const seen = recordAll();
    let n = 0;
    const client = createVikingClient({
      baseUrl: BASE_URL,
      auth: aksk({
        credentials: async () => ({ accessKeyId: `AKLTrot${++n}`, secretAccessKey: `s${n}`, sessionToken: `t${n}` }),
      }),
    });
    await client.transport.call(searchRandom, {});
    await client.transport.call(searchRandom, {});
    expect(seen.map((r) => r.headers.get('x-security-token'))).toEqual(['t1', 't2']);
    expect(await verifyReceivedRequest(seen[1]!, { AKLTrot2: 's2' }, 'cn-beijing', 'vikingdb')).toBeUndefined();
  });

  it('signs the same on the WebCrypto entry', async () => {
    const seen = recordAll();
    const client = createVikingClient({
      baseUrl: BASE_URL,
      auth: akskWeb({ accessKeyId: 'AKLTtest', secretAccessKey: SECRETS.AKLTtest }),
    });
    await client.transport.call(searchRandom, { limit: 1 });
    expect(await verifyReceivedRequest(seen[0]!, SECRETS, 'cn-beijing', 'vikingdb')).toBeUndefined();
  });

  it('re-signs every retry with a fresh X-Date', async () => {
    const seen: Request[] = [];
    server.use(
      http.post(`${BASE_URL}/api/vikingdb/data/search/random`, ({ request }) => {
        seen.push(request.clone());
        return seen.length === 1 ? HttpResponse.json({}, { status: 503 }) : HttpResponse.json(vectorOk({}));
      }),
    );
    const client = createVikingClient({
      baseUrl: BASE_URL,
      retry: { baseDelayMs: 1 },
      auth: aksk({ accessKeyId: 'AKLTtest', secretAccessKey: SECRETS.AKLTtest }),
    });
    await client.transport.call(searchRandom, {});
    expect(seen).toHaveLength(2);
    for (const request of seen)
      expect(await verifyReceivedRequest(request, SECRETS, 'cn-beijing', 'vikingdb')).toBeUndefined();
  });

  it('rejects missing keys at construction', () => {
    expect(() => aksk({ accessKeyId: 'AK' })).toThrow(/secretAccessKey/);
  });
});
