/** The client's ky hooks: when they run relative to auth, retries and the per-call `hooks` option. */
import ky, { type HTTPError } from 'ky';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  aksk,
  apiKey,
  createVikingClient,
  NetworkError,
  type KyHooks,
  type VikingClientOptions,
} from '../../../src/client/index.node';
import { BASE_URL, vectorOk } from '../../support/envelopes';
import { startMswServer } from '../../support/mswServer';
import { searchRandom } from '../../support/probeEndpoints';

const server = startMswServer();
const SEARCH_URL = `${BASE_URL}/api/vikingdb/data/search/random`;

type BeforeRequest = NonNullable<KyHooks['beforeRequest']>[number];

/** Answers with `statuses` in order (then 200s) and records the headers of every request. */
function answering(...statuses: number[]) {
  const seen: Headers[] = [];
  server.use(
    http.post(SEARCH_URL, ({ request }) => {
      seen.push(request.headers);
      const status = statuses[seen.length - 1] ?? 200;
      return status === 200
        ? HttpResponse.json(vectorOk({ data: [] }))
        : HttpResponse.json({ code: 'InternalError', message: 'busy' }, { status });
    }),
  );
  return seen;
}

function client(extra: Partial<VikingClientOptions>) {
  return createVikingClient({
    baseUrl: BASE_URL,
    auth: aksk({ accessKeyId: 'AKLTunit', secretAccessKey: 'c2VjcmV0' }),
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

const signedHeadersOf = (headers: Headers) => /SignedHeaders=([^,]+)/.exec(headers.get('authorization') ?? '')?.[1];

describe('client ky hooks', () => {
  it('runs beforeRequest on every attempt before signing, so each retry is signed with its own header', async () => {
    const seen = answering(503, 503);
    let attempt = 0;
    const trace: BeforeRequest = (request) => {
      attempt++;
      request.headers.set('X-Trace-Id', `attempt-${attempt}`);
    };
    const c = client({ hooks: { beforeRequest: [trace] } });
    const response = await c.transport.call(searchRandom, {});
    expect(response.attempts).toBe(3);
    expect(seen.map((h) => h.get('x-trace-id'))).toEqual(['attempt-1', 'attempt-2', 'attempt-3']);
    for (const headers of seen) expect(signedHeadersOf(headers)).toContain('x-trace-id');
    const authorizations = new Set(seen.map((h) => h.get('authorization')));
    expect(authorizations.size).toBe(3);
  });

  it('authorizes a request a beforeRequest hook replaced', async () => {
    const seen = answering();
    const replace: BeforeRequest = (request) => {
      const copy = new Request(request);
      copy.headers.set('X-Replaced', 'yes');
      return copy;
    };
    const c = client({ hooks: { beforeRequest: [replace] } });
    await c.transport.call(searchRandom, {});
    expect(seen[0]!.get('x-replaced')).toBe('yes');
    expect(signedHeadersOf(seen[0]!)).toContain('x-replaced');
  });

  it('lets a call’s hooks replace the client’s, and runs afterResponse and beforeRetry hooks', async () => {
    const seen = answering(503);
    const statuses: number[] = [];
    const retries: number[] = [];
    const c = createVikingClient({
      baseUrl: BASE_URL,
      auth: apiKey('k'),
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      hooks: { beforeRequest: [(request) => request.headers.set('X-From', 'client')] },
    });
    await c.transport.call(
      searchRandom,
      {},
      {
        hooks: {
          beforeRequest: [(request) => request.headers.set('X-From', 'call')],
          afterResponse: [(_request, _options, response) => void statuses.push(response.status)],
          beforeRetry: [({ retryCount }) => void retries.push(retryCount)],
        },
      },
    );
    expect(seen.map((h) => h.get('x-from'))).toEqual(['call', 'call']);
    expect(statuses).toEqual([503, 200]);
    expect(retries).toEqual([1]);
    await c.transport.call(searchRandom, {});
    expect(seen[2]!.get('x-from')).toBe('client');
  });

  it('hands hooks that get a response its body, and still parses the answer and the error', async () => {
    answering(503, 400);
    const bodies: string[] = [];
    const c = client({
      hooks: {
        afterResponse: [async (_request, _options, response) => void bodies.push(await response.text())],
        // ky runs beforeError before beforeRetry, on the same error: this one reads what the other did not.
        beforeRetry: [({ error }) => void bodies.push(`retry after ${(error as HTTPError).response.status}`)],
        beforeError: [
          async (error) => {
            bodies.push(await error.response.text());
            return error;
          },
        ],
      },
    });
    const error = await c.transport.call(searchRandom, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'InternalError', serviceMessage: 'busy' });
    const busy = JSON.stringify({ code: 'InternalError', message: 'busy' });
    expect(bodies).toEqual([busy, busy, 'retry after 503', busy, busy]);
    answering();
    const ok = await c.transport.call<{ data: unknown[] }>(searchRandom, {});
    expect(ok.payload).toEqual({ data: [] });
    expect(JSON.parse(bodies.at(-1)!)).toMatchObject({ result: { data: [] } });

    // A beforeError hook alone also gets the body.
    answering(400);
    const read: string[] = [];
    const onlyBeforeError = client({ hooks: { beforeError: [async (e) => (read.push(await e.response.text()), e)] } });
    await expect(onlyBeforeError.transport.call(searchRandom, {})).rejects.toMatchObject({ status: 400 });
    expect(read).toEqual([busy]);
  });

  it('ends the call with an error when a beforeRetry hook returns ky.stop, sending no retry', async () => {
    const seen = answering(503);
    const c = client({ hooks: { beforeRetry: [() => ky.stop] } });
    const error = await c.transport.call(searchRandom, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/retries stopped by a hook/);
    expect(seen).toHaveLength(1);
  });
});
