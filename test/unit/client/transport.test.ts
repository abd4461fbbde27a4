import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  apiKey,
  AuthError,
  createVikingClient,
  exponentialJitter,
  HttpError,
  NetworkError,
  none,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  VikingDBError,
  type RequestLog,
  type RetryNotice,
  type VikingClientOptions,
} from '../../../src/client/index.node';
import { BASE_URL, memoryOk, vectorOk } from '../../support/envelopes';
import { startMswServer } from '../../support/mswServer';
import { addSession, searchRandom } from '../../support/probeEndpoints';

const server = startMswServer();
const SEARCH_URL = `${BASE_URL}/api/vikingdb/data/search/random`;
const SESSION_URL = `${BASE_URL}/api/memory/session/add`;

function client(extra: Partial<VikingClientOptions> = {}) {
  const retries: RetryNotice[] = [];
  const logs: RequestLog[] = [];
  const c = createVikingClient({
    baseUrl: BASE_URL,
    auth: apiKey('test-key'),
    retry: exponentialJitter({ baseDelayMs: 1, maxDelayMs: 20 }),
    onRetry: (n) => retries.push(n),
    onRequestEnd: (l) => logs.push(l),
    ...extra,
  });
  return { c, retries, logs };
}

/** Answers with `responses` in order, then repeats the last; counts the calls. */
function sequence(url: string, responses: Array<() => Response | Promise<Response>>) {
  const state = { calls: 0, bodies: [] as string[] };
  server.use(
    http.post(url, async ({ request }) => {
      state.bodies.push(await request.text());
      const answer = responses[Math.min(state.calls, responses.length - 1)]!;
      state.calls++;
      return answer();
    }),
  );
  return state;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('success envelopes', () => {
  it('unwraps the vector result and keeps the request id and status', async () => {
    sequence(SEARCH_URL, [() => HttpResponse.json(vectorOk({ data: [{ id: 1, score: 0.5 }] }, 'r-1'))]);
    const { c } = client();
    const response = await c.transport.call(searchRandom, { collection_name: 'c', index_name: 'i' });
    expect(response.payload).toEqual({ data: [{ id: 1, score: 0.5 }] });
    expect(response.requestId).toBe('r-1');
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(1);
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('unwraps memory `data`, and `result` when `data` is absent', async () => {
    const { c } = client();
    sequence(SESSION_URL, [
      () => HttpResponse.json(memoryOk({ session_id: 's1' })),
      () => HttpResponse.json({ code: 0, message: 'success', request_id: 'm2', result: { session_id: 's2' } }),
    ]);
    expect((await c.transport.call(addSession, {})).payload).toEqual({ session_id: 's1' });
    expect((await c.transport.call(addSession, {})).payload).toEqual({ session_id: 's2' });
  });

  it('treats any 2xx as success without looking at `code`', async () => {
    sequence(SEARCH_URL, [() => HttpResponse.json({ code: 'Weird', result: { ok: true } }, { status: 201 })]);
    const { c } = client();
    expect((await c.transport.call(searchRandom, {})).payload).toEqual({ ok: true });
  });

  it('sends compact JSON with the default headers and the bearer key', async () => {
    let seen: Request | undefined;
    let text = '';
    server.use(
      http.post(SEARCH_URL, async ({ request }) => {
        seen = request;
        text = await request.text();
        return HttpResponse.json(vectorOk({}));
      }),
    );
    const { c } = client({ headers: { 'X-Team': 'search' } });
    await c.transport.call(searchRandom, { collection_name: 'c', index_name: 'i', limit: 1, skip: undefined });
    expect(text).toBe('{"collection_name":"c","index_name":"i","limit":1}');
    expect(seen!.headers.get('authorization')).toBe('Bearer test-key');
    expect(seen!.headers.get('content-type')).toBe('application/json');
    expect(seen!.headers.get('accept')).toBe('application/json');
    expect(seen!.headers.get('user-agent')).toBe('vikingdb-kit/0.1.0');
    expect(seen!.headers.get('x-team')).toBe('search');
  });
});

describe('error envelopes', () => {
  it('parses the flat vector shape into NotFoundError with code, request id, method, url and hint', async () => {
    sequence(SEARCH_URL, [
      () =>
        HttpResponse.json(
          {
            code: 'NotFound.VikingdbCollection',
            message: "The specified collection 'x' does not exist.",
            request_id: 'r-404',
            result: null,
          },
          { status: 404 },
        ),
    ]);
    const { c } = client();
    const error = await failure(c.transport.call(searchRandom, {}));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toBeInstanceOf(VikingDBError);
    const e = error as NotFoundError;
    expect(e.code).toBe('NotFound.VikingdbCollection');
    expect(e.serviceMessage).toBe("The specified collection 'x' does not exist.");
    expect(e.status).toBe(404);
    expect(e.requestId).toBe('r-404');
    expect(e.method).toBe('POST');
    expect(e.url).toBe(SEARCH_URL);
    expect(e.hint).toMatch(/collection_name/);
    expect(e.message).toContain('r-404');
    expect(e.toJSON()).toMatchObject({ name: 'NotFoundError', code: 'NotFound.VikingdbCollection', status: 404 });
  });

  it('parses the ResponseMetadata shape', async () => {
    sequence(SEARCH_URL, [
      () =>
        HttpResponse.json(
          { ResponseMetadata: { RequestId: 'rm-1', Error: { Code: 'InvalidParameter', Message: 'limit too large' } } },
          { status: 400 },
        ),
    ]);
    const { c } = client();
    const e = (await failure(c.transport.call(searchRandom, {}))) as HttpError;
    expect(e.constructor).toBe(HttpError);
    expect(e.code).toBe('InvalidParameter');
    expect(e.serviceMessage).toBe('limit too large');
    expect(e.requestId).toBe('rm-1');
  });

  it('parses a memory error with a numeric code into AuthError with the credentials hint', async () => {
    sequence(SESSION_URL, [
      () => HttpResponse.json({ code: 1000001, message: 'unauthorized', request_id: 'm-401' }, { status: 401 }),
    ]);
    const { c } = client();
    const e = (await failure(c.transport.call(addSession, {}))) as AuthError;
    expect(e).toBeInstanceOf(AuthError);
    expect(e.code).toBe(1000001);
    expect(e.requestId).toBe('m-401');
    expect(e.hint).toMatch(/AK\/SK/);
    expect(e.hint).toMatch(/"air"/);
    expect(e.hint).toMatch(/clock/);
  });

  it('turns an HTML 502 page into a ServerError with the page title as message and the header request id', async () => {
    sequence(SEARCH_URL, [
      () =>
        new HttpResponse('<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html', 'X-Tt-Logid': 'gw-502' },
        }),
    ]);
    const { c } = client({ retry: none() });
    const e = (await failure(c.transport.call(searchRandom, {}))) as ServerError;
    expect(e).toBeInstanceOf(ServerError);
    expect(e.code).toBe('InternalError');
    expect(e.serviceMessage).toBe('502 Bad Gateway');
    expect(e.requestId).toBe('gw-502');
  });

  it('uses capitalised Code/Message keys of a flat body', async () => {
    sequence(SEARCH_URL, [() => HttpResponse.json({ Code: 'AccessDenied', Message: 'no access' }, { status: 403 })]);
    const { c } = client();
    const e = (await failure(c.transport.call(searchRandom, {}))) as AuthError;
    expect(e).toBeInstanceOf(AuthError);
    expect(e.code).toBe('AccessDenied');
    expect(e.hint).toMatch(/permission|IAM/);
  });
});

describe('request id', () => {
  it('sends requestId as X-Tt-Logid and takes the id from the response header when the body has none', async () => {
    let sent: string | null = null;
    server.use(
      http.post(SEARCH_URL, ({ request }) => {
        sent = request.headers.get('x-tt-logid');
        return HttpResponse.json({ code: 'Success', result: {} }, { headers: { 'X-Tt-Logid': 'from-header' } });
      }),
    );
    const { c } = client();
    const response = await c.transport.call(searchRandom, {}, { requestId: 'mine-1' });
    expect(sent).toBe('mine-1');
    expect(response.requestId).toBe('from-header');
  });

  it('prefers the body request_id over the header', async () => {
    sequence(SEARCH_URL, [
      () => HttpResponse.json(vectorOk({}, 'from-body'), { headers: { 'X-Tt-Logid': 'from-header' } }),
    ]);
    const { c } = client();
    expect((await c.transport.call(searchRandom, {})).requestId).toBe('from-body');
  });

  it('keeps the caller request id on a network failure', async () => {
    sequence(SEARCH_URL, [() => HttpResponse.error()]);
    const { c } = client({ retry: none() });
    const e = (await failure(c.transport.call(searchRandom, {}, { requestId: 'mine-2' }))) as NetworkError;
    expect(e.requestId).toBe('mine-2');
  });
});

describe('retries', () => {
  it('retries a 503 and then succeeds, reporting each retry', async () => {
    const state = sequence(SEARCH_URL, [
      () => HttpResponse.json({ code: 'InternalError', message: 'busy' }, { status: 503 }),
      () => HttpResponse.json(vectorOk({ data: [] })),
    ]);
    const { c, retries, logs } = client();
    const response = await c.transport.call(searchRandom, { limit: 1 });
    expect(state.calls).toBe(2);
    expect(state.bodies[0]).toBe(state.bodies[1]);
    expect(response.attempts).toBe(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.error).toBeInstanceOf(ServerError);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ operation: 'vector.search.random', status: 200, attempts: 2, aborted: false });
  });

  it('gives up after maxRetries (1 + 3 attempts) and throws the last error with the attempt count', async () => {
    const state = sequence(SEARCH_URL, [
      () => HttpResponse.json({ code: 'InternalError', message: 'down' }, { status: 500 }),
    ]);
    const { c, logs } = client();
    const e = (await failure(c.transport.call(searchRandom, {}))) as ServerError;
    expect(state.calls).toBe(4);
    expect(e.attempts).toBe(4);
    expect(logs[0]).toMatchObject({ status: 500, attempts: 4 });
    expect(logs[0]!.error).toBe(e);
  });

  it.each([400, 401, 403, 404, 409, 413])('never retries a %i', async (status) => {
    const state = sequence(SEARCH_URL, [() => HttpResponse.json({ code: 'X', message: 'no' }, { status })]);
    const { c, retries } = client();
    const e = (await failure(c.transport.call(searchRandom, {}))) as HttpError;
    expect(e.status).toBe(status);
    expect(state.calls).toBe(1);
    expect(retries).toHaveLength(0);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries a %i', async (status) => {
    const state = sequence(SEARCH_URL, [
      () => HttpResponse.json({ code: 'X', message: 'again' }, { status }),
      () => HttpResponse.json(vectorOk({})),
    ]);
    const { c } = client();
    await c.transport.call(searchRandom, {});
    expect(state.calls).toBe(2);
  });

  it('waits Retry-After given in seconds', async () => {
    const state = sequence(SEARCH_URL, [
      () =>
        HttpResponse.json(
          { code: 'TooManyRequests', message: 'slow down' },
          { status: 429, headers: { 'Retry-After': '1' } },
        ),
      () => HttpResponse.json(vectorOk({})),
    ]);
    const { c, retries } = client({ retry: exponentialJitter({ maxDelayMs: 5000 }) });
    const started = Date.now();
    await c.transport.call(searchRandom, {});
    expect(state.calls).toBe(2);
    expect(retries[0]!.delayMs).toBe(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(retries[0]!.error).toBeInstanceOf(RateLimitError);
    expect((retries[0]!.error as RateLimitError).retryAfterMs).toBe(1000);
  });

  it('waits Retry-After given as an HTTP date', async () => {
    const when = new Date(Date.now() + 2000);
    const state = sequence(SEARCH_URL, [
      () =>
        HttpResponse.json({ code: 'TooManyRequests' }, { status: 429, headers: { 'Retry-After': when.toUTCString() } }),
      () => HttpResponse.json(vectorOk({})),
    ]);
    const { c, retries } = client({ retry: exponentialJitter({ maxDelayMs: 5000 }) });
    await c.transport.call(searchRandom, {});
    expect(state.calls).toBe(2);
    // An HTTP date has whole seconds, so the wait is between 1 s and 2 s.
    expect(retries[0]!.delayMs).toBeGreaterThan(900);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(2000);
  });

  it('stops retrying when Retry-After exceeds maxDelayMs and exposes retryAfterMs', async () => {
    const state = sequence(SEARCH_URL, [
      () => HttpResponse.json({ code: 'TooManyRequests' }, { status: 429, headers: { 'Retry-After': '120' } }),
    ]);
    const { c } = client();
    const e = (await failure(c.transport.call(searchRandom, {}))) as RateLimitError;
    expect(state.calls).toBe(1);
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.retryAfterMs).toBe(120_000);
    expect(e.hint).toMatch(/Rate limited/);
  });

  it('keeps each jittered wait within [0, base·2^(n−1)) using the injected random source', async () => {
    sequence(SEARCH_URL, [() => HttpResponse.json({ code: 'InternalError' }, { status: 503 })]);
    for (const r of [0, 0.5, 0.999]) {
      const { c, retries } = client({ retry: exponentialJitter({ baseDelayMs: 8, maxDelayMs: 20, random: () => r }) });
      await failure(c.transport.call(searchRandom, {}));
      const caps = [8, 16, 20];
      expect(retries.map((n) => n.delayMs)).toEqual(caps.map((cap) => Math.floor(r * cap)));
      for (const [i, n] of retries.entries()) {
        expect(n.delayMs).toBeGreaterThanOrEqual(0);
        expect(n.delayMs).toBeLessThan(caps[i]!);
      }
    }
  });

  it('does not retry a non-idempotent call by default', async () => {
    const state = sequence(SESSION_URL, [() => HttpResponse.json({ code: 1000028 }, { status: 503 })]);
    const { c } = client();
    await failure(c.transport.call(addSession, {}));
    expect(state.calls).toBe(1);
  });

  it('retries a non-idempotent call when the caller sets maxRetries or retry on that call', async () => {
    const state = sequence(SESSION_URL, [
      () => HttpResponse.json({ code: 1000028 }, { status: 503 }),
      () => HttpResponse.json(memoryOk({ session_id: 's' })),
    ]);
    const { c } = client();
    await c.transport.call(addSession, {}, { maxRetries: 1 });
    expect(state.calls).toBe(2);
    const again = sequence(SESSION_URL, [
      () => HttpResponse.json({ code: 1000028 }, { status: 503 }),
      () => HttpResponse.json(memoryOk({ session_id: 's' })),
    ]);
    await c.transport.call(addSession, {}, { retry: { maxRetries: 2, baseDelayMs: 1 } });
    expect(again.calls).toBe(2);
  });

  it('lets a call lower maxRetries to 0', async () => {
    const state = sequence(SEARCH_URL, [() => HttpResponse.json({ code: 'X' }, { status: 503 })]);
    const { c } = client();
    await failure(c.transport.call(searchRandom, {}, { maxRetries: 0 }));
    expect(state.calls).toBe(1);
  });

  it('uses a custom strategy object', async () => {
    const state = sequence(SEARCH_URL, [() => HttpResponse.json({ code: 'Conflict' }, { status: 409 })]);
    const seen: number[] = [];
    const { c } = client({
      retry: {
        maxRetries: 2,
        shouldRetry: ({ error }) => error.status === 409,
        delayMs: ({ retry }) => {
          seen.push(retry);
          return 1;
        },
      },
    });
    await failure(c.transport.call(searchRandom, {}));
    expect(state.calls).toBe(3);
    expect(seen).toEqual([1, 2]);
  });
});

describe('timeouts, network failures and aborts', () => {
  it('times out each attempt separately and retries timeouts', async () => {
    const state = sequence(SEARCH_URL, [
      async () => {
        await delay(300);
        return HttpResponse.json(vectorOk({}));
      },
      () => HttpResponse.json(vectorOk({ second: true })),
    ]);
    const { c, retries } = client({ timeoutMs: 50 });
    const response = await c.transport.call(searchRandom, {});
    expect(response.payload).toEqual({ second: true });
    expect(state.calls).toBe(2);
    expect(retries[0]!.error).toBeInstanceOf(TimeoutError);
  });

  it('throws TimeoutError with a hint once the retries are spent', async () => {
    sequence(SEARCH_URL, [
      async () => {
        await delay(300);
        return HttpResponse.json(vectorOk({}));
      },
    ]);
    const { c } = client();
    const e = (await failure(c.transport.call(searchRandom, {}, { timeoutMs: 30, maxRetries: 1 }))) as TimeoutError;
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.code).toBe('Timeout');
    expect(e.status).toBeUndefined();
    expect(e.attempts).toBe(2);
    expect(e.hint).toMatch(/timeoutMs/);
  });

  it('wraps a network failure in NetworkError with a server-side hint and retries it', async () => {
    const state = sequence(SEARCH_URL, [() => HttpResponse.error()]);
    const { c } = client();
    const e = (await failure(c.transport.call(searchRandom, {}))) as NetworkError;
    expect(e).toBeInstanceOf(NetworkError);
    expect(state.calls).toBe(4);
    expect(e.hint).toMatch(/base URL/);
    expect(e.cause).toBeDefined();
  });

  it('rethrows the caller’s abort reason during a request, unwrapped and not retried', async () => {
    const state = sequence(SEARCH_URL, [
      async () => {
        await delay(5000);
        return HttpResponse.json(vectorOk({}));
      },
    ]);
    const { c, logs } = client();
    const controller = new AbortController();
    const reason = new Error('user left the page');
    setTimeout(() => controller.abort(reason), 30);
    const started = Date.now();
    const error = await failure(c.transport.call(searchRandom, {}, { signal: controller.signal }));
    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(state.calls).toBe(1);
    expect(logs[0]).toMatchObject({ aborted: true, error: undefined });
  });

  it('stops at once when aborted during a backoff wait', async () => {
    const state = sequence(SEARCH_URL, [() => HttpResponse.json({ code: 'X' }, { status: 503 })]);
    const { c } = client({ retry: exponentialJitter({ baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 0.99 }) });
    const controller = new AbortController();
    const started = Date.now();
    const pending = failure(c.transport.call(searchRandom, {}, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(state.calls).toBe(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const state = sequence(SEARCH_URL, [() => HttpResponse.json(vectorOk({}))]);
    const { c } = client();
    const error = await failure(c.transport.call(searchRandom, {}, { signal: AbortSignal.abort('gone') }));
    expect(error).toBe('gone');
    expect(state.calls).toBe(0);
  });
});

describe('per-request options', () => {
  it('adds headers and an encoded query to this call only', async () => {
    const urls: string[] = [];
    const teams: Array<string | null> = [];
    server.use(
      http.post(SEARCH_URL, ({ request }) => {
        urls.push(request.url);
        teams.push(request.headers.get('x-team'));
        return HttpResponse.json(vectorOk({}));
      }),
    );
    const { c } = client();
    await c.transport.call(searchRandom, {}, { headers: { 'X-Team': 'a' }, query: { q: 'x y', tag: ['1', '2'] } });
    await c.transport.call(searchRandom, {});
    expect(urls[0]).toBe(`${SEARCH_URL}?q=x%20y&tag=1&tag=2`);
    expect(urls[1]).toBe(SEARCH_URL);
    expect(teams).toEqual(['a', null]);
  });
});

describe('ping', () => {
  it('GETs the vector and memory ping paths on their own hosts', async () => {
    const hits: string[] = [];
    server.use(
      http.get('https://vec.example/api/vikingdb/Ping', ({ request }) => {
        hits.push(`${request.method} ${request.url}`);
        return HttpResponse.json({ code: 'Success', message: 'pong', request_id: 'p1' });
      }),
      http.get('https://mem.example/api/memory/ping', ({ request }) => {
        hits.push(`${request.method} ${request.url}`);
        return new HttpResponse('ok', { headers: { 'X-Tt-Logid': 'p2' } });
      }),
    );
    const c = createVikingClient({ host: 'vec.example', memoryHost: 'mem.example', auth: apiKey('k') });
    const vector = await c.vector.ping();
    const memory = await c.memory.ping();
    expect(hits).toEqual(['GET https://vec.example/api/vikingdb/Ping', 'GET https://mem.example/api/memory/ping']);
    expect(vector).toMatchObject({ status: 200, requestId: 'p1' });
    expect(memory).toMatchObject({ status: 200, requestId: 'p2' });
    expect(vector.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe('review fixes', () => {
  it('keeps int64 ids beyond 2^53 exact (as digit strings) instead of rounding them', async () => {
    server.use(
      http.post(
        SEARCH_URL,
        () =>
          new HttpResponse(
            '{"code":"Success","message":"ok","request_id":"r","result":{"data":[' +
              '{"id":9007199254740993,"fields":{"n":12345678901234567890,"f":1e20,"g":100000000000000000000,' +
              '"s":"9007199254740993","x":0.12345678901234567,"small":-9007199254740991},"score":0.5}],' +
              '"ids_not_exist":[-9223372036854775807,42]}}',
            { headers: { 'Content-Type': 'application/json' } },
          ),
      ),
    );
    const { c } = client();
    const response = await c.transport.call<{
      data: Array<{ id: unknown; fields: Record<string, unknown> }>;
      ids_not_exist: unknown[];
    }>(searchRandom, {});
    const item = response.payload.data[0]!;
    expect(item.id).toBe('9007199254740993');
    expect(item.fields).toEqual({
      n: '12345678901234567890',
      f: 1e20,
      g: 1e20,
      s: '9007199254740993',
      x: 0.12345678901234566,
      small: -9007199254740991,
    });
    expect(response.payload.ids_not_exist).toEqual(['-9223372036854775807', 42]);
  });

  it('lets a header given in another case replace the default instead of sending both', async () => {
    const seen: Array<Record<string, string | null>> = [];
    server.use(
      http.post(SEARCH_URL, ({ request }) => {
        seen.push({
          ua: request.headers.get('user-agent'),
          ct: request.headers.get('content-type'),
          logid: request.headers.get('x-tt-logid'),
        });
        return HttpResponse.json(vectorOk({}));
      }),
    );
    const { c } = client({ headers: { 'user-agent': 'my-app/1', 'content-type': 'application/json; charset=utf-8' } });
    await c.transport.call(searchRandom, {}, { headers: { 'x-tt-logid': 'mine', 'USER-AGENT': 'call/2' } });
    await c.transport.call(searchRandom, {}, { headers: { 'x-tt-logid': 'mine' }, requestId: 'rid' });
    expect(seen).toEqual([
      { ua: 'call/2', ct: 'application/json; charset=utf-8', logid: 'mine' },
      { ua: 'my-app/1', ct: 'application/json; charset=utf-8', logid: 'rid' },
    ]);
  });

  it('times out an attempt whose response body stalls after the headers', async () => {
    let calls = 0;
    const stalling: typeof fetch = async () => {
      calls++;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"code":"Success","result":'));
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const { c } = client({ fetch: stalling, timeoutMs: 50 });
    const started = Date.now();
    const error = await failure(c.transport.call(searchRandom, {}, { maxRetries: 1 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(2);
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
