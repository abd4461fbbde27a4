/**
 * Shared pieces of the proxy unit tests: credentials, a recording fake upstream (the proxy's `fetch` option, no
 * network), and request builders.
 */
import { createSigningProxy, type SigningProxyHandler, type SigningProxyOptions } from '../../../../src/server';

export const KEYS = { accessKeyId: 'AKLTunitProxyKeyId', secretAccessKey: 'unit/Secret+Key==' } as const;
export const VECTOR_UPSTREAM = 'http://vector.upstream.test';
export const MEMORY_UPSTREAM = 'http://memory.upstream.test:9000/prefix';
/** Where the proxy under test is reached: a loopback host, as the proxy answers by default. */
export const PROXY = 'http://localhost:8330';

/** Answers like VikingDB: the vector or memory success envelope for the path. */
export function okEnvelope(request: Request): Response {
  const memory = new URL(request.url).pathname.includes('/api/memory/');
  const requestId = request.headers.get('x-tt-logid') ?? 'upstream-id';
  const body = memory
    ? { code: 0, message: 'success', request_id: requestId, data: {} }
    : { code: 'Success', message: 'ok', request_id: requestId, result: {} };
  return Response.json(body, { headers: { 'X-Tt-Logid': requestId } });
}

export interface FakeUpstream {
  /** Every request the proxy forwarded (clones, bodies readable). */
  seen: Request[];
  fetch: typeof globalThis.fetch;
}

/** A recording upstream; `answer` defaults to {@link okEnvelope}. */
export function fakeUpstream(answer: (request: Request) => Response | Promise<Response> = okEnvelope): FakeUpstream {
  const seen: Request[] = [];
  return {
    seen,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push(request.clone());
      return answer(request);
    },
  };
}

/** A proxy on a fake upstream, with test credentials. */
export function makeProxy(
  options: Partial<SigningProxyOptions> = {},
  upstream: FakeUpstream = fakeUpstream(),
): { proxy: SigningProxyHandler; upstream: FakeUpstream } {
  const proxy = createSigningProxy({
    credentials: KEYS,
    vector: { url: VECTOR_UPSTREAM },
    memory: { url: MEMORY_UPSTREAM },
    fetch: upstream.fetch,
    ...options,
  });
  return { proxy, upstream };
}

/** A JSON POST to the proxy. */
export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${PROXY}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The parsed JSON body of a response. */
export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
