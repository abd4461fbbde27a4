import { describe, expect, it } from 'vitest';
import { createHttpApp, type HttpAppOptions } from '../../../../src/server/local/http/createHttpApp';
import { createOriginMatcher } from '../../../../src/server/local/http/corsOrigins';
import { responseTextOf } from '../../../../src/server/local/http/responseText';
import { createFakeEngine } from './fakeEngine';

const BASE = 'http://127.0.0.1:8329';

function setup(options: Partial<HttpAppOptions> = {}) {
  const engine = createFakeEngine();
  const lines: string[] = [];
  const app = createHttpApp({ engine, log: (line) => lines.push(line), ...options });
  const send = (path: string, init?: RequestInit) => app.fetch(new Request(`${BASE}${path}`, init));
  return { engine, lines, app, send };
}

const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  body,
  headers: { 'Content-Type': 'application/json', ...headers },
});

describe('createHttpApp: routing and request ids', () => {
  it('hands the engine the raw body, the path without the bare trailing "?", and the caller’s request id', async () => {
    const { engine, send } = setup();
    const raw = '{"collection_name": "c",  "data":[{"t":"\\u4e2d"}]}';
    const response = await send('/api/vikingdb/data/upsert?', post(raw, { 'X-Tt-Logid': 'my-id-1' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-tt-logid')).toBe('my-id-1');
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['request_id']).toBe('my-id-1');
    expect(engine.requests).toEqual([
      {
        method: 'POST',
        path: '/api/vikingdb/data/upsert',
        body: raw,
        requestId: 'my-id-1',
        signal: expect.any(AbortSignal),
      },
    ]);
  });

  it('ignores a query string for routing', async () => {
    const { engine, send } = setup();
    await send('/api/vikingdb/data/fetch_in_collection?b=2&a=x%20y', post('{}'));
    expect(engine.requests[0]!.path).toBe('/api/vikingdb/data/fetch_in_collection');
  });

  it('generates a VikingDB-like id when none (or an unusable one) is sent, in header and body alike', async () => {
    const { send } = setup();
    for (const headers of [{}, { 'X-Tt-Logid': 'x'.repeat(200) }, { 'X-Tt-Logid': 'has space' }]) {
      const response = await send('/api/vikingdb/data/upsert', post('{}', headers));
      const id = response.headers.get('x-tt-logid')!;
      expect(id).toMatch(/^021\d{13}[0-9a-f]{24}$/);
      expect(((await response.json()) as { request_id: string }).request_id).toBe(id);
    }
  });

  it('answers pings on GET (and POST for the vector ping) through the engine without auth', async () => {
    const { engine, send } = setup({ apiKey: 'secret' });
    for (const [method, path] of [
      ['GET', '/api/vikingdb/Ping'],
      ['POST', '/api/vikingdb/Ping?'],
      ['GET', '/api/memory/ping'],
      ['GET', '/ping'],
    ] as const) {
      const response = await send(path, { method, ...(method === 'POST' && { body: '' }) });
      expect(response.status, `${method} ${path}`).toBe(200);
    }
    expect(engine.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`)).toEqual([
      'GET /api/vikingdb/Ping ""',
      'POST /api/vikingdb/Ping ""',
      'GET /api/memory/ping ""',
      'GET /ping ""',
    ]);
    expect((await send('/api/vikingdb/data/upsert', post('{}'))).status).toBe(401);
  });

  it('hands methods other than GET/POST to the engine without body or auth, adding Allow to a 405', async () => {
    const { engine, send } = setup({ apiKey: 'secret' });
    engine.handle = async (request) => {
      engine.requests.push(request);
      return { status: 405, body: { code: 'MethodNotAllowed', message: 'no', request_id: request.requestId } };
    };
    const vector = await send('/api/vikingdb/data/upsert', { method: 'PUT', body: '{"x":1}' });
    expect(vector.status).toBe(405);
    expect(vector.headers.get('allow')).toContain('POST');
    expect(await vector.json()).toMatchObject({
      code: 'MethodNotAllowed',
      request_id: vector.headers.get('x-tt-logid'),
    });
    await send('/api/memory/search', { method: 'DELETE' });
    expect(engine.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`)).toEqual([
      'PUT /api/vikingdb/data/upsert ""',
      'DELETE /api/memory/search ""',
    ]);
  });

  it('turns an engine exception into a 500 envelope', async () => {
    const { engine, send } = setup();
    engine.handle = async () => {
      throw new Error('boom');
    };
    const response = await send('/api/memory/search', post('{}', { 'X-Tt-Logid': 'e1' }));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      code: 1000028,
      message: 'internal error in the local server: boom',
      request_id: 'e1',
    });
  });
});

describe('createHttpApp: body limit', () => {
  it('answers 413 from Content-Length alone, before the engine', async () => {
    const { engine, send } = setup({ maxBodyBytes: 10 });
    const response = await send('/api/vikingdb/data/upsert', post('x'.repeat(11)));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'RequestEntityTooLarge' });
    const memory = await send('/api/memory/search', post('x'.repeat(11)));
    expect(await memory.json()).toMatchObject({ code: 1000003 });
    expect(engine.requests).toHaveLength(0);
    expect((await send('/api/vikingdb/data/upsert', post('x'.repeat(10)))).status).toBe(200);
  });

  it('stops reading a streamed body (no Content-Length) once it passes the limit', async () => {
    const { engine, send } = setup({ maxBodyBytes: 1000 });
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(new Uint8Array(300));
      },
    });
    const response = await send('/api/vikingdb/data/upsert', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(engine.requests).toHaveLength(0);
  });
});

describe('createHttpApp: CORS', () => {
  it('answers a preflight from a localhost origin with the allowed headers, and exposes X-Tt-Logid', async () => {
    const { engine, send } = setup();
    const preflight = await send('/api/vikingdb/data/search/vector', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-date,x-content-sha256',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const name of [
      'authorization',
      'content-type',
      'x-date',
      'x-content-sha256',
      'x-security-token',
      'x-tt-logid',
    ]) {
      expect(allowed).toContain(name);
    }
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    expect(preflight.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers');
    expect(engine.requests).toHaveLength(0);

    const actual = await send('/api/vikingdb/data/upsert', post('{}', { Origin: 'http://127.0.0.1:3000' }));
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(actual.headers.get('access-control-expose-headers')).toContain('X-Tt-Logid');
    expect(actual.headers.get('vary')).toBe('Origin');
    // The headers were added to the answer the handler built, not to a copy around its body: a Node server can
    // still write it as the text it was built from.
    expect(responseTextOf(actual)).toBe(await actual.clone().text());
    expect(JSON.parse(responseTextOf(actual)!)).toMatchObject({ request_id: actual.headers.get('x-tt-logid') });
  });

  it('gives other origins no CORS grant unless configured', async () => {
    const denied = await setup().send('/api/vikingdb/data/upsert', post('{}', { Origin: 'https://evil.example' }));
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const configured = await setup({ corsOrigins: ['https://*.example.com'] }).send(
      '/api/vikingdb/data/upsert',
      post('{}', { Origin: 'https://app.example.com' }),
    );
    expect(configured.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('matches origin patterns', () => {
    const local = createOriginMatcher();
    expect(local('http://localhost')).toBe(true);
    expect(local('http://localhost:6006')).toBe(true);
    expect(local('http://[::1]:8080')).toBe(true);
    expect(local('http://localhost.evil.com')).toBe(false);
    expect(local('https://localhost:5173')).toBe(false);
    expect(createOriginMatcher(['*'])('https://anything')).toBe(true);
    expect(createOriginMatcher(['https://a.example'])('https://a.example')).toBe(true);
    expect(createOriginMatcher(['https://*.example'])('https://x.y/z.example')).toBe(false);
  });
});

describe('createHttpApp: logging', () => {
  it('logs one line per request with method, path, status, duration and id — no bodies, queries or secrets', async () => {
    const { lines, send } = setup({ apiKey: 'super-secret-key' });
    await send(
      '/api/vikingdb/data/upsert?token=query-secret',
      post('{"body-secret":1}', {
        Authorization: 'Bearer super-secret-key',
        'X-Tt-Logid': 'log-1',
      }),
    );
    await send(
      '/api/vikingdb/data/upsert',
      post('{}', { Authorization: 'Bearer wrong-secret-key', 'X-Tt-Logid': 'log-2' }),
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\S+Z POST \/api\/vikingdb\/data\/upsert 200 [\d.]+ms log-1$/);
    expect(lines[1]).toMatch(/ 401 [\d.]+ms log-2 auth=wrongApiKey$/);
    for (const line of lines) expect(line).not.toMatch(/secret/);
  });

  it('can be silenced', async () => {
    const { send } = setup({ log: false });
    expect((await send('/ping')).status).toBe(200);
  });
});
