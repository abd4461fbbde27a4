import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../src/server/proxy/rateLimit';
import { json, makeProxy, post } from './harness';

const SEARCH = '/api/vikingdb/data/search/random';

describe('token bucket', () => {
  it('allows a burst, then one request per refill interval', () => {
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 });
    expect([0, 0, 0].map(() => limiter.take('k', 1000).ok)).toEqual([true, true, true]);
    expect(limiter.take('k', 1000)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('k', 1499).ok).toBe(false);
    expect(limiter.take('k', 1500).ok).toBe(true);
    expect(limiter.take('other', 1500).ok).toBe(true);
  });

  it('reports whole seconds until the next token and refills to the burst at most', () => {
    const limiter = createRateLimiter({ perSecond: 0.1 });
    expect(limiter.take('k', 0).ok).toBe(true);
    expect(limiter.take('k', 0)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('k', 1_000_000).ok).toBe(true);
    expect(limiter.take('k', 1_000_000).ok).toBe(false);
  });

  it('keeps at most maxKeys buckets, forgetting the least recently used', () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 1, maxKeys: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('c', 0).ok).toBe(false);
  });
});

describe('rateLimit option', () => {
  it('answers 429 with Retry-After per client address, before the body is read or forwarded', async () => {
    const { proxy, upstream } = makeProxy({ rateLimit: { perSecond: 1, burst: 2 } });
    const ip = { clientAddress: '203.0.113.7' };
    expect((await proxy(post(SEARCH, {}), ip)).status).toBe(200);
    expect((await proxy(post(SEARCH, {}), ip)).status).toBe(200);
    const limited = await proxy(post(SEARCH, {}, { 'X-Tt-Logid': 'rl-1' }), ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await json(limited)).toMatchObject({ code: 'TooManyRequests', request_id: 'rl-1' });
    const memory = await proxy(post('/api/memory/search', {}), ip);
    expect((await json(memory))['code']).toBe(1000029);
    expect((await proxy(post(SEARCH, {}), { clientAddress: '203.0.113.8' })).status).toBe(200);
    expect(upstream.seen).toHaveLength(3);
  });

  it('uses the key authorize returns instead of the address', async () => {
    const { proxy } = makeProxy({
      rateLimit: { perSecond: 1, burst: 1 },
      authorize: (request) => ({ rateLimitKey: request.headers.get('x-user') ?? 'anon' }),
    });
    expect((await proxy(post(SEARCH, {}, { 'X-User': 'alice' }), { clientAddress: '1.1.1.1' })).status).toBe(200);
    expect((await proxy(post(SEARCH, {}, { 'X-User': 'alice' }), { clientAddress: '2.2.2.2' })).status).toBe(429);
    expect((await proxy(post(SEARCH, {}, { 'X-User': 'bob' }), { clientAddress: '1.1.1.1' })).status).toBe(200);
  });
});
