import { describe, expect, it } from 'vitest';
import { makeProxy, post, PROXY } from './harness';

const SEARCH = '/api/vikingdb/data/search/random';
const APP = 'https://app.example.com';

function preflight(origin: string, path = SEARCH): Request {
  return new Request(`${PROXY}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type, x-tt-logid',
    },
  });
}

describe('cors', () => {
  it('answers an allowed preflight with 204 and the allow headers, without calling upstream or authorize', async () => {
    let authorized = 0;
    const { proxy, upstream } = makeProxy({
      cors: { origin: [APP], credentials: true, maxAgeSeconds: 60 },
      authorize: () => (authorized++, true),
    });
    const response = await proxy(preflight(APP));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('X-Tt-Logid');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-max-age')).toBe('60');
    expect(response.headers.get('vary')).toBe('Origin');
    expect(upstream.seen).toHaveLength(0);
    expect(authorized).toBe(0);
  });

  it('denies a preflight from another origin with 403 and no allow headers', async () => {
    const { proxy } = makeProxy({ cors: [APP] });
    const response = await proxy(preflight('https://evil.example'));
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await proxy(preflight('null'))).status).toBe(403);
  });

  it('adds the CORS headers to answers for an allowed origin, and exposes X-Tt-Logid', async () => {
    const { proxy } = makeProxy({ cors: (origin) => origin.endsWith('.example.com') });
    const response = await proxy(post(SEARCH, {}, { Origin: APP }));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Tt-Logid');
    const denied = await proxy(post('/api/vikingdb/nope', {}, { Origin: APP }));
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('refuses a cross-site request from a foreign origin before authorize or upstream (no CSRF)', async () => {
    let authorized = 0;
    const { proxy, upstream } = makeProxy({ cors: [APP], authorize: () => (authorized++, true) });
    const forged = new Request(`${PROXY}/api/vikingdb/data/delete`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain', Cookie: 'session=victim' },
      body: '{"collection_name":"text","del_all":true}',
    });
    const response = await proxy(forged);
    expect(response.status).toBe(403);
    expect(upstream.seen).toHaveLength(0);
    expect(authorized).toBe(0);
  });

  it('lets same-origin pages and callers without Origin through when no cors is configured', async () => {
    const { proxy, upstream } = makeProxy();
    expect((await proxy(post(SEARCH, {}, { Origin: PROXY }))).status).toBe(200);
    expect(
      (await proxy(post(SEARCH, {}, { Origin: 'http://other.test', 'Sec-Fetch-Site': 'same-origin' }))).status,
    ).toBe(200);
    expect((await proxy(post(SEARCH, {}))).status).toBe(200);
    expect((await proxy(post(SEARCH, {}, { Origin: 'http://other.test' }))).status).toBe(403);
    expect((await proxy(preflight('http://other.test'))).status).toBe(403);
    expect(upstream.seen).toHaveLength(3);
  });

  it("accepts '*' for any origin (echoing it, never a literal *)", async () => {
    const { proxy } = makeProxy({ cors: '*' });
    const response = await proxy(preflight('http://anything.test:3000'));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://anything.test:3000');
  });
});
