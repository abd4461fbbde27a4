import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../src/client/index.node';
import { ALL_PATHS, READ_ONLY_PATHS, createSigningProxy } from '../../../../src/server';
import { verifyReceivedRequest } from '../../../support/referenceSigner';
import { KEYS, MEMORY_UPSTREAM, PROXY, VECTOR_UPSTREAM, fakeUpstream, json, makeProxy, post } from './harness';

const SECRETS = { [KEYS.accessKeyId]: KEYS.secretAccessKey };
const SEARCH = '/api/vikingdb/data/search/random';
const SEARCH_BODY = { collection_name: 'text', index_name: 'text_index', limit: 1 };

describe('forwarding and signing', () => {
  it('signs the exact bytes it forwards with service vikingdb, routed to the vector upstream', async () => {
    const { proxy, upstream } = makeProxy({ region: 'ap-southeast-1' });
    const raw = '{"collection_name": "text",  "index_name":"text_index", "note":"中文"}';
    const response = await proxy(post(`${SEARCH}?b=2&a=x%20y`, raw));
    expect(response.status).toBe(200);
    const sent = upstream.seen[0]!;
    // VikingDB's data APIs take no query parameters; a caller's are dropped, never signed and forwarded.
    expect(sent.url).toBe(`${VECTOR_UPSTREAM}${SEARCH}`);
    expect(await sent.clone().text()).toBe(raw);
    expect(await verifyReceivedRequest(sent, SECRETS, 'ap-southeast-1', 'vikingdb')).toBeUndefined();
    expect(sent.headers.get('authorization')).toContain(
      'SignedHeaders=content-type;x-content-sha256;x-date;x-tt-logid',
    );
  });

  it('routes memory paths to the memory upstream (with its path prefix) under service air', async () => {
    const { proxy, upstream } = makeProxy({ memory: { url: MEMORY_UPSTREAM, region: 'cn-shanghai' } });
    const response = await proxy(post('/api/memory/search', { collection_name: 'sdk_test', query: 'tea' }));
    expect(response.status).toBe(200);
    expect((await json(response))['code']).toBe(0);
    const sent = upstream.seen[0]!;
    expect(sent.url).toBe(`${MEMORY_UPSTREAM}/api/memory/search`);
    expect(await verifyReceivedRequest(sent, SECRETS, 'cn-shanghai', 'air')).toBeUndefined();
  });

  it('defaults to the VikingDB cloud hosts of the region', async () => {
    const upstream = fakeUpstream();
    const proxy = createSigningProxy({ credentials: KEYS, region: 'cn-shanghai', fetch: upstream.fetch });
    await proxy(post(SEARCH, SEARCH_BODY));
    await proxy(post('/api/memory/search', {}));
    expect(upstream.seen.map((r) => new URL(r.url).host)).toEqual([
      'api-vikingdb.vikingdb.cn-shanghai.volces.com',
      'api-knowledgebase.mlp.cn-shanghai.volces.com',
    ]);
  });

  it('strips credentials, cookies, signing and hop-by-hop headers; keeps content type, accept and X-Tt-Logid', async () => {
    const { proxy, upstream } = makeProxy();
    await proxy(
      post(SEARCH, SEARCH_BODY, {
        Authorization: 'Bearer caller-api-key',
        Cookie: 'session=abc',
        'X-Security-Token': 'caller-sts',
        'X-Date': '20200101T000000Z',
        'X-Content-Sha256': 'f'.repeat(64),
        'X-Top-Account-Id': '21',
        'X-Forwarded-For': '10.0.0.1',
        Connection: 'keep-alive, x-custom',
        'X-Custom': 'hop',
        Accept: 'application/json',
        'X-Tt-Logid': 'caller-id-1',
      }),
    );
    const sent = upstream.seen[0]!;
    expect(sent.headers.get('authorization')).toMatch(/^HMAC-SHA256 Credential=AKLTunitProxyKeyId\//);
    for (const name of ['cookie', 'x-security-token', 'x-top-account-id', 'x-forwarded-for', 'x-custom']) {
      expect(sent.headers.get(name), name).toBeNull();
    }
    expect(sent.headers.get('x-date')).not.toBe('20200101T000000Z');
    expect(sent.headers.get('accept')).toBe('application/json');
    expect(sent.headers.get('x-tt-logid')).toBe('caller-id-1');
    expect(await verifyReceivedRequest(sent, SECRETS, 'cn-beijing', 'vikingdb')).toBeUndefined();
  });

  it('forwards extra headers named in forwardHeaders (signed when x-*), never credentials', async () => {
    const { proxy, upstream } = makeProxy({ forwardHeaders: ['X-Top-Account-Id'] });
    await proxy(post(SEARCH, SEARCH_BODY, { 'X-Top-Account-Id': '21' }));
    expect(upstream.seen[0]!.headers.get('authorization')).toContain('x-top-account-id');
    expect(await verifyReceivedRequest(upstream.seen[0]!, SECRETS, 'cn-beijing', 'vikingdb')).toBeUndefined();
    expect(() => makeProxy({ forwardHeaders: ['Cookie'] })).toThrow(ConfigError);
  });

  it('adds a request id when the caller sends none (or an insane one) and returns it', async () => {
    const { proxy, upstream } = makeProxy();
    const response = await proxy(post(SEARCH, SEARCH_BODY, { 'X-Tt-Logid': 'bad id with spaces' }));
    const id = upstream.seen[0]!.headers.get('x-tt-logid')!;
    expect(id).toMatch(/^021\d{13}[0-9a-f]{24}$/);
    expect(response.headers.get('x-tt-logid')).toBe(id);
  });

  it('signs an STS session token from an async credentials provider, called per request', async () => {
    let calls = 0;
    const { proxy, upstream } = makeProxy({
      credentials: async () => ({ ...KEYS, sessionToken: `sts-token-${++calls}` }),
    });
    await proxy(post(SEARCH, SEARCH_BODY));
    await proxy(post(SEARCH, SEARCH_BODY));
    expect(upstream.seen.map((r) => r.headers.get('x-security-token'))).toEqual(['sts-token-1', 'sts-token-2']);
    expect(upstream.seen[1]!.headers.get('authorization')).toContain('x-security-token');
    expect(await verifyReceivedRequest(upstream.seen[1]!, SECRETS, 'cn-beijing', 'vikingdb')).toBeUndefined();
  });

  it('answers 500 without detail when the credentials provider fails', async () => {
    const { proxy, upstream } = makeProxy({
      credentials: () => {
        throw new Error(`vault down: ${KEYS.secretAccessKey}`);
      },
    });
    const response = await proxy(post(SEARCH, SEARCH_BODY));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(KEYS.secretAccessKey);
    expect(upstream.seen).toHaveLength(0);
  });

  it('forwards pings (GET, empty body signed)', async () => {
    const { proxy, upstream } = makeProxy();
    expect((await proxy(new Request(`${PROXY}/api/vikingdb/Ping`))).status).toBe(200);
    expect((await proxy(new Request(`${PROXY}/api/memory/ping`))).status).toBe(200);
    expect(upstream.seen.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(await verifyReceivedRequest(upstream.seen[1]!, SECRETS, 'cn-beijing', 'air')).toBeUndefined();
  });

  it('strips basePath before routing and refuses paths outside it', async () => {
    const { proxy, upstream } = makeProxy({ basePath: '/vikingdb/' });
    expect((await proxy(post(`/vikingdb${SEARCH}`, SEARCH_BODY))).status).toBe(200);
    expect(new URL(upstream.seen[0]!.url).pathname).toBe(SEARCH);
    expect((await proxy(post(SEARCH, SEARCH_BODY))).status).toBe(403);
    expect((await proxy(post(`/vikingdbx${SEARCH}`, SEARCH_BODY))).status).toBe(403);
  });
});

describe('answers from upstream', () => {
  it('streams status, body, content type, X-Tt-Logid and Retry-After back; drops other upstream headers', async () => {
    const upstream = fakeUpstream(
      () =>
        new Response('{"code":"TooManyRequests","message":"slow down","request_id":"up-1"}', {
          status: 429,
          headers: {
            'Content-Type': 'application/json',
            'X-Tt-Logid': 'up-1',
            'Retry-After': '3',
            'Set-Cookie': 'upstream=1',
            'Access-Control-Allow-Origin': '*',
            Server: 'upstream/1.0',
          },
        }),
    );
    const { proxy } = makeProxy({}, upstream);
    const response = await proxy(post(SEARCH, SEARCH_BODY));
    expect(response.status).toBe(429);
    expect(response.headers.get('x-tt-logid')).toBe('up-1');
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('server')).toBeNull();
    expect(await json(response)).toMatchObject({ code: 'TooManyRequests', request_id: 'up-1' });
  });

  it('streams a success body without buffering it', async () => {
    let pulled = 0;
    const upstream = fakeUpstream(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled++;
              controller.enqueue(new TextEncoder().encode(pulled === 1 ? '{"code":"Success",' : '"result":{}}'));
              if (pulled === 2) controller.close();
            },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const { proxy } = makeProxy({}, upstream);
    const response = await proxy(post(SEARCH, SEARCH_BODY));
    expect(pulled).toBeLessThanOrEqual(1);
    expect(await json(response)).toEqual({ code: 'Success', result: {} });
  });

  it('masks the access key id, session token and signature in upstream error bodies', async () => {
    const upstream = fakeUpstream(
      (request) =>
        new Response(
          JSON.stringify({
            code: 'Unauthorized',
            message: `bad: ${request.headers.get('authorization')} token=${request.headers.get('x-security-token')}`,
          }),
          { status: 401, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const { proxy } = makeProxy({ credentials: { ...KEYS, sessionToken: 'sts-secret-token' } }, upstream);
    const text = await (await proxy(post(SEARCH, SEARCH_BODY))).text();
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(KEYS.accessKeyId);
    expect(text).not.toContain('sts-secret-token');
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
  });

  it('answers 504 with the request id when the upstream is too slow, and aborts the upstream call', async () => {
    let aborted = false;
    const upstream = fakeUpstream(
      (request) =>
        new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => {
            aborted = true;
            reject(request.signal.reason as Error);
          });
        }),
    );
    const { proxy } = makeProxy({ timeoutMs: 50 }, upstream);
    const response = await proxy(post('/api/memory/search', {}, { 'X-Tt-Logid': 'slow-1' }));
    expect(response.status).toBe(504);
    expect(await json(response)).toMatchObject({ code: 1000028, request_id: 'slow-1' });
    expect(response.headers.get('x-tt-logid')).toBe('slow-1');
    expect(aborted).toBe(true);
  });

  it('streams a slow but steady success body past timeoutMs, and cuts one that stalls', async () => {
    const encoder = new TextEncoder();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    /** A 200 whose body sends `parts`, waiting `gapMs` before each but the first, then stalls if `stall`. */
    const dribble = (parts: string[], gapMs: number, stall: boolean) => {
      let upstreamSignal: AbortSignal | undefined;
      const upstream = fakeUpstream((request) => {
        upstreamSignal = request.signal;
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            // As a real fetch does: aborting the call breaks off its body.
            request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
          },
          async pull(controller) {
            if (sent === parts.length) {
              if (stall) return new Promise<void>(() => undefined);
              controller.close();
              return;
            }
            if (sent > 0) await sleep(gapMs);
            controller.enqueue(encoder.encode(parts[sent++]!));
          },
        });
        return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
      });
      return { upstream, aborted: () => upstreamSignal?.aborted === true };
    };

    // Four gaps of 60 ms: 240 ms in all, twice the 120 ms timeout, but never 120 ms without a chunk.
    const steady = dribble(['{"code":', '"Success",', '"result":', '{"data":[]}', '}'], 60, false);
    const steadyProxy = makeProxy({ timeoutMs: 120 }, steady.upstream).proxy;
    const started = performance.now();
    const whole = await steadyProxy(post(SEARCH, SEARCH_BODY));
    expect(whole.status).toBe(200);
    expect(await whole.json()).toEqual({ code: 'Success', result: { data: [] } });
    expect(performance.now() - started).toBeGreaterThan(200);
    expect(steady.aborted()).toBe(false);

    const stalled = dribble(['{"code":'], 0, true);
    const stalledProxy = makeProxy({ timeoutMs: 80 }, stalled.upstream).proxy;
    const cut = await stalledProxy(post(SEARCH, SEARCH_BODY));
    expect(cut.status).toBe(200);
    await expect(cut.text()).rejects.toThrow();
    // The upstream call is aborted (a real fetch then breaks off its body), not left hanging.
    expect(stalled.aborted()).toBe(true);
  });

  it('answers 502 with the request id when the upstream cannot be reached', async () => {
    const upstream = fakeUpstream(() => {
      throw new TypeError('fetch failed: connect ECONNREFUSED');
    });
    const { proxy } = makeProxy({}, upstream);
    const response = await proxy(post(SEARCH, SEARCH_BODY, { 'X-Tt-Logid': 'down-1' }));
    expect(response.status).toBe(502);
    expect(await json(response)).toMatchObject({ code: 'ServiceUnavailable', request_id: 'down-1' });
  });
});

describe('allow list', () => {
  it('refuses a path outside the allow list with 403 in the domain envelope', async () => {
    const { proxy, upstream } = makeProxy();
    const vector = await proxy(post('/api/vikingdb/collection/create', {}, { 'X-Tt-Logid': 'deny-1' }));
    expect(vector.status).toBe(403);
    expect(await json(vector)).toEqual({ code: 'AccessDenied', message: expect.any(String), request_id: 'deny-1' });
    const memory = await proxy(post('/api/memory/collection/delete', {}));
    expect(memory.status).toBe(403);
    expect((await json(memory))['code']).toBe(1000002);
    for (const path of [
      '/',
      '/api/vikingdb/data/../../../etc/passwd',
      '//api/vikingdb/data/upsert',
      '/api/knowledge/x',
    ]) {
      expect((await proxy(post(path, {}))).status, path).toBe(403);
    }
    expect(upstream.seen).toHaveLength(0);
  });

  it('allows every data-plane path by default', async () => {
    const { proxy, upstream } = makeProxy();
    for (const path of ALL_PATHS) {
      const request = path.toLowerCase().endsWith('/ping') ? new Request(`${PROXY}${path}`) : post(path, {});
      expect((await proxy(request)).status, path).toBe(200);
    }
    expect(upstream.seen).toHaveLength(ALL_PATHS.length);
    expect(ALL_PATHS).toHaveLength(51);
  });

  it('readOnly blocks upsert, update, delete, add_session and the other writes', async () => {
    const { proxy, upstream } = makeProxy({ allow: 'readOnly' });
    for (const path of [
      '/api/vikingdb/data/upsert',
      '/api/vikingdb/data/update',
      '/api/vikingdb/data/delete',
      '/api/memory/session/add',
      '/api/memory/event/add',
      '/api/memory/profile/batch_delete',
    ]) {
      expect((await proxy(post(path, {}))).status, path).toBe(403);
    }
    expect(upstream.seen).toHaveLength(0);
    for (const path of ['/api/vikingdb/data/search/vector', '/api/vikingdb/data/agg', '/api/memory/session/info']) {
      expect((await proxy(post(path, {}))).status, path).toBe(200);
    }
    expect(READ_ONLY_PATHS).toContain('/api/vikingdb/rerank');
    expect(READ_ONLY_PATHS).not.toContain('/api/memory/event/delete');
  });

  it('takes an explicit list and rejects unknown paths at creation', async () => {
    const { proxy } = makeProxy({ allow: ['/api/memory/search'] });
    expect((await proxy(post('/api/memory/search', {}))).status).toBe(200);
    expect((await proxy(post('/api/memory/event/search', {}))).status).toBe(403);
    expect(() => makeProxy({ allow: ['/api/vikingdb/data/upsrt'] })).toThrow(/unknown paths/);
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const { proxy, upstream } = makeProxy();
    const response = await proxy(new Request(`${PROXY}${SEARCH}`, { method: 'PUT', body: '{}' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await proxy(new Request(`${PROXY}/api/memory/ping`, { method: 'POST' }))).status).toBe(405);
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('authorize', () => {
  it('false → 401 before anything is read or forwarded', async () => {
    let pulled = false;
    const { proxy, upstream } = makeProxy({ authorize: () => false });
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode('{}'));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(`${PROXY}${SEARCH}`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    const response = await proxy(request);
    expect(response.status).toBe(401);
    expect((await json(response))['code']).toBe('Unauthorized');
    expect(upstream.seen).toHaveLength(0);
    expect(pulled).toBe(false);
  });

  it('a Response is returned as is (with the request id added); the upstream sees nothing', async () => {
    const { proxy, upstream } = makeProxy({
      authorize: () => Response.json({ code: 'AccessDenied', message: 'log in first' }, { status: 403 }),
    });
    const response = await proxy(post('/api/memory/search', {}, { 'X-Tt-Logid': 'authz-1' }));
    expect(response.status).toBe(403);
    expect(response.headers.get('x-tt-logid')).toBe('authz-1');
    expect(await json(response)).toEqual({ code: 'AccessDenied', message: 'log in first' });
    expect(upstream.seen).toHaveLength(0);
  });

  it('gets the request and what the proxy knows about it; true lets it through', async () => {
    const contexts: unknown[] = [];
    const { proxy, upstream } = makeProxy({
      authorize: (request, context) => {
        contexts.push(context);
        return request.headers.get('cookie') === 'session=ok';
      },
    });
    expect((await proxy(post('/api/memory/search', {}, { Cookie: 'session=ok' }))).status).toBe(200);
    expect((await proxy(post('/api/memory/search', {}, { Cookie: 'session=bad' }))).status).toBe(401);
    expect(contexts[0]).toEqual({
      path: '/api/memory/search',
      domain: 'memory',
      readOnly: true,
      clientAddress: undefined,
    });
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]!.headers.get('cookie')).toBeNull();
  });

  it('a throwing authorize answers 500 without its message', async () => {
    const { proxy, upstream } = makeProxy({
      authorize: () => {
        throw new Error('jwt library exploded');
      },
    });
    const response = await proxy(post(SEARCH, SEARCH_BODY));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('exploded');
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('scope from authorize', () => {
  it('fills in, accepts, or rejects a body naming another collection', async () => {
    const { proxy, upstream } = makeProxy({ authorize: () => ({ scope: { collectionName: 'docs' } }) });
    expect((await proxy(post(SEARCH, { index_name: 'i' }))).status).toBe(200);
    expect(await upstream.seen[0]!.json()).toEqual({ index_name: 'i', collection_name: 'docs' });
    expect((await proxy(post(SEARCH, { collection_name: 'docs', index_name: 'i' }))).status).toBe(200);
    const denied = await proxy(post(SEARCH, { collection_name: 'secret', index_name: 'i' }));
    expect(denied.status).toBe(403);
    expect((await json(denied))['code']).toBe('AccessDenied');
    expect((await proxy(post(SEARCH, { resource_id: 'rs-1' }))).status).toBe(403);
    expect((await proxy(post(SEARCH, 'not json'))).status).toBe(400);
    expect(upstream.seen).toHaveLength(2);
  });

  it('overrides instead with onConflict: override, and signs the rewritten bytes', async () => {
    const { proxy, upstream } = makeProxy({
      authorize: () => ({ scope: { collectionName: 'docs', projectName: 'p1', onConflict: 'override' } }),
    });
    expect((await proxy(post(SEARCH, { collection_name: 'secret', resource_id: 'rs-1', limit: 1 }))).status).toBe(200);
    const sent = upstream.seen[0]!;
    expect(await sent.clone().json()).toEqual({ collection_name: 'docs', limit: 1, project_name: 'p1' });
    expect(await verifyReceivedRequest(sent, SECRETS, 'cn-beijing', 'vikingdb')).toBeUndefined();
  });

  it('pins the memory user: filter.user_id on searches, user_id on adds, metadata on sessions', async () => {
    const { proxy, upstream } = makeProxy({ authorize: () => ({ scope: { userId: 'u1' } }) });
    expect((await proxy(post('/api/memory/search', { collection_name: 'm', query: 'tea' }))).status).toBe(200);
    expect((await upstream.seen[0]!.json())['filter']).toEqual({ user_id: 'u1' });
    expect((await proxy(post('/api/memory/event/search', { filter: { user_id: ['u1'] } }))).status).toBe(200);
    const other = await proxy(post('/api/memory/search', { filter: { user_id: 'u2' } }));
    expect(other.status).toBe(403);
    expect((await json(other))['code']).toBe(1000002);
    expect((await proxy(post('/api/memory/profile/search', { filter: { user_id: ['u1', 'u2'] } }))).status).toBe(403);
    expect((await proxy(post('/api/memory/event/add', { event_type: 'e', user_id: 'u2' }))).status).toBe(403);
    expect((await proxy(post('/api/memory/session/add', { session_id: 's', metadata: {} }))).status).toBe(200);
    expect((await upstream.seen[2]!.json())['metadata']).toEqual({ default_user_id: 'u1' });
    expect((await proxy(post('/api/memory/event/batch_delete', {}))).status).toBe(200);
    expect((await upstream.seen[3]!.json())['filter']).toEqual({ user_id: 'u1' });
    for (const path of ['/api/memory/event/delete', '/api/memory/profile/update', '/api/memory/session/info']) {
      expect((await proxy(post(path, { event_id: 'e1' }))).status, path).toBe(403);
    }
    expect((await proxy(post(SEARCH, SEARCH_BODY))).status).toBe(200);
  });

  it('refuses to rewrite a body whose 64-bit integers JSON.parse would corrupt', async () => {
    const { proxy, upstream } = makeProxy({ authorize: () => ({ scope: { collectionName: 'docs' } }) });
    const raw = '{"ids":[9007199254740993],"collection_name":"docs"}';
    expect((await proxy(post('/api/vikingdb/data/fetch_in_collection', raw))).status).toBe(200);
    expect(await upstream.seen[0]!.text()).toBe(raw);
    expect((await proxy(post('/api/vikingdb/data/fetch_in_collection', '{"ids":[9007199254740993]}'))).status).toBe(
      400,
    );
    expect((await proxy(post('/api/vikingdb/data/upsert', '{"data":[{"v":[0.10000000000000002]}]}'))).status).toBe(200);
  });
});

describe('configuration', () => {
  it('rejects bad options at creation with ConfigError', () => {
    expect(() => createSigningProxy({ credentials: { accessKeyId: '', secretAccessKey: 'x' } })).toThrow(ConfigError);
    expect(() => makeProxy({ vector: { url: 'ftp://x' } })).toThrow(/http or https/);
    expect(() => makeProxy({ region: 'Not A Region' })).toThrow(/region/);
    expect(() => makeProxy({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
    expect(() => makeProxy({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => makeProxy({ basePath: 'vikingdb' })).toThrow(/basePath/);
    expect(() => makeProxy({ rateLimit: { perSecond: 0 } })).toThrow(/perSecond/);
  });

  it('logs one entry per request, without bodies or secrets', async () => {
    const lines: string[] = [];
    const { proxy } = makeProxy({ log: (entry) => lines.push(JSON.stringify(entry)) });
    await proxy(post(SEARCH, { ...SEARCH_BODY, secret_field: 'body-content' }, { 'X-Tt-Logid': 'log-1' }));
    await proxy(post('/api/vikingdb/nope', {}));
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ method: 'POST', path: SEARCH, status: 200, requestId: 'log-1' });
    expect(JSON.parse(lines[1]!)).toMatchObject({ status: 403, refused: 'forbidden' });
    const all = lines.join('\n');
    for (const secret of [KEYS.accessKeyId, KEYS.secretAccessKey, 'body-content', 'Signature']) {
      expect(all).not.toContain(secret);
    }
  });
});
