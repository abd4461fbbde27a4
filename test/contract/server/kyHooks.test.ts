/**
 * The client's ky hooks over real HTTP against a local server that verifies V4 signatures: a header a
 * `beforeRequest` hook adds is signed under AK/SK (it is in SignedHeaders and the server accepts the call), and a
 * signed header changed after signing is refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { aksk, AuthError, createVikingClient, type KyHooks } from '../../../src/client/index.node';
import { VECTOR_FETCH_IN_COLLECTION, VECTOR_SEARCH_RANDOM, VECTOR_UPSERT } from '../../../src/client/endpoints';
import { callWire, demoDoc, raw, rejection, serverForThisFile } from './harness';

const AK = 'AKLTkyHooksTest';
const SK = 'a3kgaG9va3MgdGVzdCBzZWNyZXQ=';
const fx = serverForThisFile({ verifySignature: { accessKeyId: AK, secretAccessKey: SK } });
const SEARCH = { collection_name: 'demo_docs', index_name: 'demo_docs_index', limit: 1 };

/** What left the client: the headers of each request as sent. */
function recordingFetch(change?: (request: Request) => void) {
  const sent: Headers[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    change?.(request);
    sent.push(new Headers(request.headers));
    return fetch(request);
  };
  return { sent, fetchImpl };
}

function signedHeaders(headers: Headers): string[] {
  const match = /SignedHeaders=([^,]+)/.exec(headers.get('authorization') ?? '');
  return match ? match[1]!.split(';') : [];
}

const addTraceHeader =
  (value: string): NonNullable<KyHooks['beforeRequest']>[number] =>
  (request) => {
    request.headers.set('X-Trace-Id', value);
  };

async function rowNine(): Promise<unknown> {
  const client = createVikingClient({ baseUrl: fx.url, auth: aksk({ accessKeyId: AK, secretAccessKey: SK }) });
  const answer = await callWire(client, VECTOR_FETCH_IN_COLLECTION, { collection_name: 'demo_docs', ids: [9] });
  return answer.payload;
}

describe('ky hooks with V4 signing', () => {
  it('the server refuses an unsigned call (so the checks below are meaningful)', async () => {
    const answer = await raw(fx.url, '/api/vikingdb/data/search/random', SEARCH);
    expect(answer.status).toBe(401);
  });

  it('signs a header a client beforeRequest hook adds, and the server accepts the call', async () => {
    const { sent, fetchImpl } = recordingFetch();
    const client = createVikingClient({
      baseUrl: fx.url,
      auth: aksk({ accessKeyId: AK, secretAccessKey: SK }),
      fetch: fetchImpl,
      hooks: { beforeRequest: [addTraceHeader('trace-123')] },
    });
    const answer = await callWire(client, VECTOR_SEARCH_RANDOM, SEARCH);
    expect(answer.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.get('x-trace-id')).toBe('trace-123');
    expect(signedHeaders(sent[0]!)).toContain('x-trace-id');
  });

  it('signs a header a per-call hook adds', async () => {
    const { sent, fetchImpl } = recordingFetch();
    const client = createVikingClient({
      baseUrl: fx.url,
      auth: aksk({ accessKeyId: AK, secretAccessKey: SK }),
      fetch: fetchImpl,
    });
    const answer = await client.transport.call(VECTOR_SEARCH_RANDOM, SEARCH, {
      hooks: { beforeRequest: [addTraceHeader('per-call')] },
    });
    expect(answer.status).toBe(200);
    expect(sent[0]!.get('x-trace-id')).toBe('per-call');
    expect(signedHeaders(sent[0]!)).toContain('x-trace-id');
  });

  it('refuses a call whose signed hook header was changed after signing, and writes nothing', async () => {
    const before = await rowNine();
    const { sent, fetchImpl } = recordingFetch((request) => request.headers.set('X-Trace-Id', 'tampered'));
    const client = createVikingClient({
      baseUrl: fx.url,
      auth: aksk({ accessKeyId: AK, secretAccessKey: SK }),
      fetch: fetchImpl,
      retry: { maxRetries: 0 },
      hooks: { beforeRequest: [addTraceHeader('original')] },
    });
    const upsert = { collection_name: 'demo_docs', data: [demoDoc(9, { title: 'changed by a tampered call' })] };
    const error = await rejection(callWire(client, VECTOR_UPSERT, upsert));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 401, code: 'Unauthorized' });
    expect(error['serviceMessage']).toMatch(/signature does not match/);
    expect(signedHeaders(sent[0]!)).toContain('x-trace-id');
    expect(await rowNine()).toEqual(before);
  });
});
