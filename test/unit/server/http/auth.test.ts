import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../../src/client/auth/crypto/nodeCrypto';
import { createV4Signer, formatXDate, queryPairs, type V4SignInput } from '../../../../src/client/auth/signV4';
import { createHttpApp, type HttpAppOptions } from '../../../../src/server/local/http/createHttpApp';
import { parseV4Authorization, parseXDate } from '../../../../src/server/local/http/verifyV4';
import { SIGNING_VECTORS } from '../../../support/signingVectors';
import { createFakeEngine } from './fakeEngine';

const AK = 'AKLTlocalTestKey';
const SK = 'localTestSecret==';
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const sign = createV4Signer(nodeCrypto);

function setup(options: Partial<HttpAppOptions> = {}) {
  const engine = createFakeEngine();
  const app = createHttpApp({
    engine,
    log: false,
    verifySignature: { credentials: { accessKeyId: AK, secretAccessKey: SK }, now: () => NOW },
    ...options,
  });
  return { engine, app };
}

interface SignedRequestOptions {
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  accessKeyId?: string;
  secretAccessKey?: string;
  service?: string;
  region?: string;
  date?: Date;
  host?: string;
  signHost?: boolean;
}

/** A request signed by the kit's signer, as a client would send it. */
async function signedRequest(
  options: SignedRequestOptions = {},
): Promise<{ url: string; init: RequestInit; headers: Record<string, string> }> {
  const path = options.path ?? '/api/vikingdb/data/search/random';
  const body = options.body ?? '{"collection_name":"demo","index_name":"demo_idx","limit":1}';
  const host = options.host ?? '127.0.0.1:8329';
  const headers = { 'Content-Type': 'application/json', ...options.headers };
  const input: V4SignInput = {
    method: 'POST',
    path,
    query: options.query,
    headers,
    body,
    credentials: { accessKeyId: options.accessKeyId ?? AK, secretAccessKey: options.secretAccessKey ?? SK },
    region: options.region ?? 'cn-beijing',
    service: options.service ?? (path.startsWith('/api/memory/') ? 'air' : 'vikingdb'),
    date: options.date ?? new Date(NOW),
    signHost: options.signHost ? host : undefined,
  };
  const signature = await sign(input);
  const search = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const all = { ...headers, ...signature.headers };
  return { url: `http://${host}${path}${search}`, init: { method: 'POST', body, headers: all }, headers: all };
}

async function refusal(app: ReturnType<typeof setup>['app'], request: { url: string; init: RequestInit }) {
  const response = await app.fetch(new Request(request.url, request.init));
  const body = (await response.json()) as { code: unknown; message: string; request_id: string };
  return { status: response.status, ...body };
}

describe('V4 signature verification', () => {
  it('accepts the four signing vectors of the API doc byte for byte (host signed or not, query, request id)', async () => {
    for (const vector of SIGNING_VECTORS) {
      const { input, expected } = vector;
      const { app, engine } = setup({
        verifySignature: {
          credentials: input.credentials,
          now: () => input.date!.getTime() + 60_000,
        },
        // Go/Java sign the cloud's Host; a server reached under that name must list it.
        allowedHosts: ['api-vikingdb.vikingdb.cn-beijing.volces.com'],
      });
      const host = input.headers['Host'] ?? 'localhost:8329';
      const pairs = queryPairs(input.query);
      const search = pairs.length > 0 ? `?${new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString()}` : '';
      const headers: Record<string, string> = {
        ...input.headers,
        'X-Date': formatXDate(input.date!),
        'X-Content-Sha256': expected.bodyHash,
        Authorization: expected.authorization,
      };
      const response = await app.fetch(
        new Request(`http://${host}${input.path}${search}`, { method: 'POST', body: input.body as string, headers }),
      );
      expect(response.status, vector.name).toBe(200);
      expect(engine.requests[0]!.body).toBe(input.body);
    }
  });

  it('accepts a signature with or without Host signed, and an STS token header', async () => {
    const { app } = setup();
    for (const request of [
      await signedRequest(),
      await signedRequest({ signHost: true }),
      await signedRequest({ headers: { 'X-Security-Token': 'sts-token', 'X-Tt-Logid': 'abc' } }),
      await signedRequest({ path: '/api/memory/search', body: '{"collection_name": "c", "query": "\\u5929"}' }),
      await signedRequest({ query: { b: '2', a: 'x y', z: '' } }),
      await signedRequest({ date: new Date(NOW - 14 * 60_000) }),
    ]) {
      const response = await app.fetch(new Request(request.url, request.init));
      expect(response.status, request.url).toBe(200);
    }
  });

  it('names each failing part in a 401 with the domain’s envelope', async () => {
    const { app } = setup({
      verifySignature: {
        credentials: { accessKeyId: AK, secretAccessKey: SK },
        regions: ['cn-beijing'],
        now: () => NOW,
      },
    });
    const cases: Array<[string, Promise<{ url: string; init: RequestInit; headers: Record<string, string> }>, RegExp]> =
      [
        ['missing', strip(signedRequest(), 'Authorization'), /Authorization header is missing/],
        [
          'malformed',
          edit(signedRequest(), 'Authorization', () => 'HMAC-SHA256 Credential=nope'),
          /Authorization is not/,
        ],
        ['unknown key', signedRequest({ accessKeyId: 'AKLTother' }), /unknown access key AKLTother/],
        ['wrong service', signedRequest({ service: 'air' }), /service is "air"; .* expects "vikingdb"/],
        ['memory wrong service', signedRequest({ path: '/api/memory/search', service: 'vikingdb' }), /expects "air"/],
        [
          'wrong region',
          signedRequest({ region: 'ap-southeast-1' }),
          /region "ap-southeast-1" is not one of cn-beijing/,
        ],
        ['no X-Date', strip(signedRequest(), 'X-Date'), /X-Date header is missing/],
        ['bad X-Date', edit(signedRequest(), 'X-Date', () => '2025-06-15T12:00:00Z'), /is not YYYYMMDDTHHMMSSZ/],
        ['expired', signedRequest({ date: new Date(NOW - 16 * 60_000) }), /16 min old; the limit is 15 min/],
        ['future', signedRequest({ date: new Date(NOW + 20 * 60_000) }), /20 min in the future/],
        ['no body hash', strip(signedRequest(), 'X-Content-Sha256'), /X-Content-Sha256 header is missing/],
        [
          'body changed',
          signedRequest().then((r) => ({
            ...r,
            init: { ...r.init, body: '{"collection_name":"demo","index_name":"demo_idx","limit":2}' },
          })),
          /X-Content-Sha256 does not match/,
        ],
        [
          'signed header dropped',
          strip(signedRequest({ headers: { 'X-Tt-Logid': 'abc' } }), 'X-Tt-Logid'),
          /signed header x-tt-logid is not in the request/,
        ],
        [
          'x-date not signed',
          edit(signedRequest(), 'Authorization', (v) =>
            v.replace('content-type;x-content-sha256;x-date', 'content-type;x-content-sha256'),
          ),
          /must include x-date/,
        ],
        ['wrong secret', signedRequest({ secretAccessKey: 'wrong' }), /signature does not match/],
        [
          'header value changed',
          edit(signedRequest({ headers: { 'X-Tt-Logid': 'abc' } }), 'X-Tt-Logid', () => 'abd'),
          /signature does not match/,
        ],
        ['query added', signedRequest().then((r) => ({ ...r, url: `${r.url}?extra=1` })), /signature does not match/],
        ['bearer not accepted', edit(signedRequest(), 'Authorization', () => 'Bearer k'), /does not accept API keys/],
        ['other scheme', edit(signedRequest(), 'Authorization', () => 'Basic dXNlcg=='), /scheme is not supported/],
      ];
    for (const [name, request, message] of cases) {
      const answer = await refusal(app, await request);
      expect(answer.status, name).toBe(401);
      const memory = (await request).url.includes('/api/memory/');
      expect(answer.code, name).toBe(memory ? 1000001 : 'Unauthorized');
      expect(answer.message, name).toMatch(message);
      expect(answer.request_id, name).toBeTruthy();
    }
  });
});

describe('API key auth', () => {
  it('requires the exact Bearer key, and accepts either credential when both modes are on', async () => {
    const { app, engine } = setup({ apiKey: 'k-123', verifySignature: undefined });
    const send = (headers: Record<string, string>, path = '/api/vikingdb/data/upsert') =>
      app.fetch(
        new Request(`http://127.0.0.1:8329${path}`, {
          method: 'POST',
          body: '{}',
          headers: { 'Content-Type': 'application/json', ...headers },
        }),
      );
    expect((await send({ Authorization: 'Bearer k-123' })).status).toBe(200);
    const wrong = await send({ Authorization: 'Bearer k-1234' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'Unauthorized', message: 'API key is not valid for this server' });
    const memory = await send({}, '/api/memory/search');
    expect(await memory.json()).toMatchObject({ code: 1000001, message: /Authorization header is missing/ });
    const signed = await signedRequest();
    expect((await app.fetch(new Request(signed.url, signed.init))).status).toBe(401);
    expect(engine.requests).toHaveLength(1);

    const both = setup({ apiKey: 'k-123' }).app;
    expect((await both.fetch(new Request(signed.url, signed.init))).status).toBe(200);
    const bearer = await both.fetch(
      new Request(signed.url, {
        method: 'POST',
        body: '{}',
        headers: { Authorization: 'Bearer k-123', 'Content-Type': 'application/json' },
      }),
    );
    expect(bearer.status).toBe(200);
  });
});

describe('V4 parsing helpers', () => {
  it('parses Authorization values and X-Date strictly', () => {
    expect(parseV4Authorization(SIGNING_VECTORS[0]!.expected.authorization)).toEqual({
      accessKeyId: 'AKLTexampleAccessKeyId',
      date: '20250101',
      region: 'cn-beijing',
      service: 'vikingdb',
      signedHeaders: ['content-type', 'x-content-sha256', 'x-date'],
      signature: 'f224c0115ace6bf0ac5f3a33b5caa2a55027c56bf710f9281df4225c4377cb30',
    });
    expect(
      parseV4Authorization('HMAC-SHA256 Credential=a/2025/r/s/request, SignedHeaders=x, Signature=00'),
    ).toBeUndefined();
    expect(parseXDate('20250101T000000Z')).toBe(Date.UTC(2025, 0, 1));
    expect(parseXDate('20250230T000000Z')).toBeUndefined();
  });
});

function edit(
  request: Promise<{ url: string; init: RequestInit; headers: Record<string, string> }>,
  name: string,
  change: (value: string) => string,
) {
  return request.then((r) => {
    const headers = { ...r.headers, [name]: change(r.headers[name] ?? '') };
    return { ...r, headers, init: { ...r.init, headers } };
  });
}

function strip(request: Promise<{ url: string; init: RequestInit; headers: Record<string, string> }>, name: string) {
  return request.then((r) => {
    const headers = Object.fromEntries(Object.entries(r.headers).filter(([key]) => key !== name));
    return { ...r, headers, init: { ...r.init, headers } };
  });
}
