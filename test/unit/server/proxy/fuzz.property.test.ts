import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_PATHS, type AuthorizeResult } from '../../../../src/server';
import { fakeUpstream, KEYS, makeProxy, okEnvelope, PROXY } from './harness';

/** Echoes the signing headers back in an error body, as a careless upstream might. */
function leakyUpstream() {
  return fakeUpstream((request) => {
    const url = new URL(request.url);
    if (url.searchParams.has('fail')) {
      return new Response(
        `denied ${request.headers.get('authorization')} ${request.headers.get('x-security-token')} ${url.href}`,
        { status: 403 },
      );
    }
    return okEnvelope(request);
  });
}

const headerName = fc.oneof(
  fc.constantFrom(
    'authorization',
    'cookie',
    'origin',
    'content-type',
    'x-tt-logid',
    'x-date',
    'content-length',
    'host',
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
);
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,38}[\x21-\x7e])?$/),
  fc.constantFrom(PROXY, 'http://evil.test', 'application/json', '9999999999', 'null'),
);
const path = fc.oneof(
  { arbitrary: fc.constantFrom(...ALL_PATHS), weight: 4 },
  { arbitrary: fc.constantFrom(...ALL_PATHS).map((p) => `/vikingdb${p}`), weight: 2 },
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
  fc
    .array(fc.constantFrom('api', 'vikingdb', 'memory', 'data', '..', '.', '%2e', '', 'Ping', 'search'), {
      maxLength: 6,
    })
    .map((segments) => `/${segments.join('/')}`),
);
const query = fc.oneof(
  fc.constant(''),
  fc.constant('?fail=1'),
  fc.webQueryParameters().map((q) => `?${q}`),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify({ collection_name: 'other', filter: { user_id: v } })),
  fc.uint8Array({ maxLength: 300 }),
);
const verdict: fc.Arbitrary<AuthorizeResult> = fc.oneof(
  { arbitrary: fc.constant(true), weight: 3 },
  fc.boolean(),
  fc.constant({ scope: { collectionName: 'docs', userId: 'u1' } }),
  fc.constant({ scope: { collectionName: ['a', 'b'], onConflict: 'override' as const }, rateLimitKey: 'k' }),
);

describe('fuzz: paths, headers and bodies', () => {
  it('never yields a 5xx from the proxy itself and never shows the secret, the access key id or a signature', async () => {
    const signatures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
          path,
          query,
          headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 }),
          body,
          verdict,
          cors: fc.constantFrom(undefined, ['http://evil.test'], '*' as const),
          maxBodyBytes: fc.constantFrom(64, 4096),
        }),
        async (input) => {
          const upstream = leakyUpstream();
          const { proxy } = makeProxy(
            {
              basePath: input.path.startsWith('/vikingdb/') ? '/vikingdb' : '',
              authorize: () => input.verdict,
              cors: input.cors,
              maxBodyBytes: input.maxBodyBytes,
              credentials: { ...KEYS, sessionToken: 'fuzz-session-token' },
              rateLimit: { perSecond: 1000 },
            },
            upstream,
          );
          const headers = new Headers();
          for (const [name, value] of input.headers) {
            try {
              headers.append(name, value);
            } catch {
              // not a valid header for fetch
            }
          }
          const init: RequestInit = { method: input.method, headers };
          if (input.body !== undefined && input.method !== 'GET') {
            init.body = typeof input.body === 'string' ? input.body : new Uint8Array(input.body);
          }
          let request: Request;
          try {
            request = new Request(`${PROXY}${input.path}${input.query}`, init);
          } catch {
            return;
          }
          const response = await proxy(request, { clientAddress: '192.0.2.1' });
          const text = await response.text();
          for (const sent of upstream.seen) {
            const signature = /Signature=([0-9a-f]{64})/.exec(sent.headers.get('authorization') ?? '')?.[1];
            if (signature) signatures.push(signature);
          }
          const shown = `${text}\n${[...response.headers].map(([n, v]) => `${n}: ${v}`).join('\n')}`;
          expect(response.status, shown).toBeLessThan(500);
          for (const secret of [KEYS.secretAccessKey, KEYS.accessKeyId, 'fuzz-session-token', ...signatures]) {
            expect(shown).not.toContain(secret);
          }
          expect(response.headers.get('x-tt-logid')).toBeTruthy();
        },
      ),
      { numRuns: 400 },
    );
    expect(signatures.length).toBeGreaterThan(40);
  });
});
