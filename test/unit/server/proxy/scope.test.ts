import { describe, expect, it } from 'vitest';
import { PROXY_OPERATIONS } from '../../../../src/server/proxy/allowList';
import { applyScope, hasUnsafeInteger, type ProxyScope } from '../../../../src/server/proxy/scope';

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

function run(scope: ProxyScope, path: string, body: unknown) {
  const result = applyScope(scope, PROXY_OPERATIONS.get(path)!, encode(body));
  return result.ok ? { ok: true as const, body: decode(result.body) } : result;
}

describe('applyScope', () => {
  it('with several allowed collections, accepts any of them and asks for a name when none is given', () => {
    const scope = { collectionName: ['a', 'b'] };
    expect(run(scope, '/api/vikingdb/data/upsert', { collection_name: 'b' })).toEqual({
      ok: true,
      body: { collection_name: 'b' },
    });
    expect(run(scope, '/api/vikingdb/data/upsert', {})).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(
      run({ ...scope, onConflict: 'override' }, '/api/vikingdb/data/upsert', { collection_name: 'c' }),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('removes an empty resource_id (Go SDK) and leaves bodies without collections alone', () => {
    expect(
      run({ collectionName: 'a' }, '/api/vikingdb/data/fetch_in_collection', { resource_id: '', ids: [1] }),
    ).toEqual({
      ok: true,
      body: { ids: [1], collection_name: 'a' },
    });
    const rerank = applyScope({ collectionName: 'a' }, PROXY_OPERATIONS.get('/api/vikingdb/rerank')!, encode('x'));
    expect(rerank.ok).toBe(true);
  });

  it('pins the user on trigger_update filters and refuses non-object filters', () => {
    expect(run({ userId: 'u1' }, '/api/memory/profile/trigger_update', { filters: { end_time: 5 } })).toEqual({
      ok: true,
      body: { filters: { end_time: 5, user_id: 'u1' } },
    });
    expect(run({ userId: 'u1' }, '/api/memory/search', { filter: 'u2' })).toMatchObject({
      ok: false,
      kind: 'badRequest',
    });
    expect(
      run({ userId: 'u1', onConflict: 'override' }, '/api/memory/search', { filter: { user_id: ['u2'] } }),
    ).toEqual({
      ok: true,
      body: { filter: { user_id: 'u1' } },
    });
  });

  it('keeps the exact bytes when nothing changes', () => {
    const bytes = encode('{ "collection_name" : "a",\n "ids":[1] }');
    const result = applyScope({ collectionName: 'a' }, PROXY_OPERATIONS.get('/api/vikingdb/data/delete')!, bytes);
    expect(result).toEqual({ ok: true, body: bytes });
  });
});

describe('hasUnsafeInteger', () => {
  it('finds integers beyond 2^53 outside strings only', () => {
    expect(hasUnsafeInteger('{"id":9007199254740993}')).toBe(true);
    expect(hasUnsafeInteger('[1, -99999999999999999999]')).toBe(true);
    expect(hasUnsafeInteger('{"id":9007199254740991}')).toBe(false);
    expect(hasUnsafeInteger('{"id":"9007199254740993"}')).toBe(false);
    expect(hasUnsafeInteger('{"v":[0.12345678901234567890, 1e300]}')).toBe(false);
  });
});
