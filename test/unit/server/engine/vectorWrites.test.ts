import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';
import { createHarness, item, ON_IDX, ON_ITEMS, V } from './engineHarness';

describe('upsert', () => {
  it('stores rows with defaults for missing fields', async () => {
    const h = await createHarness();
    const answer = await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1)] });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual({ token_usage: {} });
    const fetched = await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1] });
    expect(fetched.body.result.fetch).toEqual([
      {
        id: 1,
        fields: {
          title: 't1',
          body: '',
          n: 0,
          f: 0,
          flag: false,
          tags: [],
          nums: [],
          x: 0,
          y: 0,
          region: '',
          vec: [1, 0, 0, 0],
          sparse: {},
        },
      },
    ]);
  });

  it('replaces whole rows on a second upsert', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1, { n: 5, title: 'a' })] });
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1, { title: 'b' })] });
    const fetched = await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1] });
    expect(fetched.body.result.fetch[0].fields).toMatchObject({ title: 'b', n: 0 });
  });

  it.each([
    [{ n: 1.5 }, 'data[1].n', 'InvalidParameter'],
    [{ f: 'x' }, 'data[1].f', 'InvalidParameter'],
    [{ f: 1e39 }, 'data[1].f', 'InvalidParameter'],
    [{ title: 'x'.repeat(257) }, 'data[1].title', 'InvalidParameter'],
    [{ title: '中'.repeat(86) }, 'data[1].title', 'InvalidParameter'],
    [{ flag: 1 }, 'data[1].flag', 'InvalidParameter'],
    [{ tags: ['a', 2] }, 'data[1].tags[1]', 'InvalidParameter'],
    [{ nums: [1, 2.5] }, 'data[1].nums[1]', 'InvalidParameter'],
    [{ n: 1e300 }, 'data[1].n', 'InvalidParameter'],
    [{ nums: [2 ** 63] }, 'data[1].nums[0]', 'InvalidParameter'],
    [{ vec: [1, 2, 3] }, 'data[1].vec', 'InvalidParameter'],
    [{ vec: [1, 2, 3, 'x'] }, 'data[1].vec[3]', 'InvalidParameter'],
    [{ sparse: { a: 'x' } }, 'data[1].sparse.a', 'InvalidParameter'],
    [{ sparse: [1] }, 'data[1].sparse', 'InvalidParameter'],
    [{ unknown: 1 }, 'data[1].unknown', 'InvalidParameter'],
    [{ id: 0 }, 'data[1].id', 'InvalidParameter'],
    [{ id: 1.5 }, 'data[1].id', 'InvalidParameter'],
    [{ id: 'abc' }, 'data[1].id', 'InvalidParameter'],
    [{ id: undefined }, 'data[1].id', 'MissingParameter'],
    [{ vec: undefined }, 'data[1].vec', 'MissingParameter'],
  ])('rejects %j naming %s, and writes nothing', async (patch, path, code) => {
    const h = await createHarness();
    const bad = Object.fromEntries(Object.entries({ ...item(2), ...patch }).filter(([, value]) => value !== undefined));
    const answer = await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1), bad, item(3)] });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(code);
    expect(answer.body.message).toContain(path);
    expect(answer.body.request_id).toBe('req-1');
    expect(h.commits).toHaveLength(0);
    const fetched = await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1, 3] });
    expect(fetched.body.result.fetch).toEqual([]);
  });

  it('drops unknown fields with ignore_unknown_fields', async () => {
    const h = await createHarness();
    const answer = await h.call(`${V}/upsert`, {
      ...ON_ITEMS,
      ignore_unknown_fields: true,
      data: [item(1, { zzz: 1 })],
    });
    expect(answer.status).toBe(200);
  });

  it('limits batches to 1..100 rows', async () => {
    const h = await createHarness();
    const many = Array.from({ length: 101 }, (_, i) => item(i + 1));
    expect((await h.call(`${V}/upsert`, { ...ON_ITEMS, data: many })).status).toBe(400);
    expect((await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [] })).status).toBe(400);
    expect((await h.call(`${V}/upsert`, { ...ON_ITEMS })).body.code).toBe('MissingParameter');
    expect((await h.call(`${V}/upsert`, { ...ON_ITEMS, data: many.slice(0, 100) })).status).toBe(200);
    expect(h.commits).toHaveLength(1);
    expect(h.commits[0]).toHaveLength(100);
  });

  it('generates increasing digit-string auto ids and accepts __AUTO_ID__ on update', async () => {
    const h = await createHarness();
    const data = [
      { title: 'a', content: 'alpha', year: 1 },
      { title: 'b', content: 'beta', year: 2 },
    ];
    const answer = await h.call(`${V}/upsert`, { collection_name: 'docs', data });
    expect(answer.body.result.token_usage['bge-m3'].prompt_tokens).toBe(2);
    const search = await h.call(`${V}/search/scalar`, {
      collection_name: 'docs',
      index_name: 'docs_idx',
      field: 'year',
      order: 'asc',
    });
    const ids = search.body.result.data.map((d: { id: string }) => d.id);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^\d{16,19}$/);
    expect(BigInt(ids[1]) > BigInt(ids[0])).toBe(true);
    const update = await h.call(`${V}/update`, { collection_name: 'docs', data: [{ __AUTO_ID__: ids[0], year: 9 }] });
    expect(update.status).toBe(200);
    const fetched = await h.call(`${V}/fetch_in_collection`, { collection_name: 'docs', ids: [ids[0]] });
    expect(fetched.body.result.fetch[0]).toEqual({ id: ids[0], fields: { title: 'a', content: 'alpha', year: 9 } });
  });

  it('rejects setting a computed vector and embeds vectorized text', async () => {
    const h = await createHarness();
    const answer = await h.call(`${V}/upsert`, {
      collection_name: 'docs',
      data: [{ content: 'x', __dense_vector__: [1] }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('data[0].__dense_vector__');
    await h.call(`${V}/upsert`, { collection_name: 'docs', data: [{ content: 'hello world' }] });
    const search = await h.call(`${V}/search/random`, { collection_name: 'docs', index_name: 'docs_idx' });
    const id = search.body.result.data[0].id;
    const fetched = await h.call(`${V}/fetch_in_index`, { collection_name: 'docs', index_name: 'docs_idx', ids: [id] });
    const vector: number[] = fetched.body.result.fetch[0].dense_vector;
    expect(vector).toHaveLength(32);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
  });

  it('accepts resource_id (configured or the name), ignores "" locators, checks project_name', async () => {
    const h = await createHarness();
    for (const locator of [
      { resource_id: 'res-items' },
      { resource_id: 'items' },
      { collection_name: '', resource_id: 'res-items' },
      { collection_name: 'items', resource_id: '', project_name: 'default' },
    ]) {
      expect((await h.call(`${V}/upsert`, { ...locator, data: [item(1)] })).status, JSON.stringify(locator)).toBe(200);
    }
    const wrongProject = await h.call(`${V}/upsert`, {
      collection_name: 'items',
      project_name: 'other',
      data: [item(1)],
    });
    expect(wrongProject).toMatchObject({ status: 404, body: { code: 'NotFound.VikingdbCollection' } });
    const none = await h.call(`${V}/upsert`, { collection_name: '', resource_id: '', data: [item(1)] });
    expect(none).toMatchObject({ status: 400, body: { code: 'MissingParameter' } });
    const unknown = await h.call(`${V}/upsert`, { collection_name: 'nope', data: [item(1)] });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NotFound.VikingdbCollection' } });
    expect(unknown.body.message).toContain("'nope'");
  });

  it('accepts int64 ids as numeric strings and string keys as numbers', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item('7')] });
    const fetched = await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: ['7', 7, 'x', 8] });
    expect(fetched.body.result.fetch.map((r: { id: unknown }) => r.id)).toEqual([7, 7]);
    expect(fetched.body.result.ids_not_exist).toEqual(['x', 8]);
    await h.call(`${V}/upsert`, {
      collection_name: 'named',
      data: [
        { key: 'k1', vec: [0, 1] },
        { key: 5, vec: [1, 1] },
      ],
    });
    const named = await h.call(`${V}/fetch_in_collection`, { collection_name: 'named', ids: ['k1', '5'] });
    expect(named.body.result.fetch.map((r: { id: unknown }) => r.id)).toEqual(['k1', '5']);
  });

  it('expires rows after ttl and purges them on a later write', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, ttl: 10, data: [item(1)] });
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(2)] });
    const visible = await h.call(`${V}/search/random`, ON_IDX);
    expect(visible.body.result.total_return_count).toBe(2);
    h.clock.now += 10_000;
    expect((await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1] })).body.result.ids_not_exist).toEqual([
      1,
    ]);
    expect((await h.call(`${V}/search/random`, ON_IDX)).body.result.total_return_count).toBe(1);
    expect((await h.call(`${V}/update`, { ...ON_ITEMS, data: [{ id: 1, n: 1 }] })).status).toBe(400);
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(3)] });
    const last = h.commits.at(-1)!;
    expect(last.map((w) => [w.key, w.value === undefined])).toEqual([
      ['1', true],
      ['3', false],
    ]);
    expect((await h.call(`${V}/upsert`, { ...ON_ITEMS, ttl: -1, data: [item(4)] })).status).toBe(400);
  });
});

describe('update', () => {
  it('changes only the given fields', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1, { n: 3, f: 1.5 })] });
    const answer = await h.call(`${V}/update`, { ...ON_ITEMS, data: [{ id: 1, n: 4 }] });
    expect(answer.body.result).toEqual({ token_usage: {} });
    const fetched = await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1] });
    expect(fetched.body.result.fetch[0].fields).toMatchObject({ n: 4, f: 1.5, title: 't1' });
  });

  it('rejects the whole batch when an id does not exist, or a row lacks the key', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1)] });
    const commits = h.commits.length;
    const missingRow = await h.call(`${V}/update`, {
      ...ON_ITEMS,
      data: [
        { id: 1, n: 5 },
        { id: 99, n: 1 },
      ],
    });
    expect(missingRow.status).toBe(400);
    expect(missingRow.body).toMatchObject({ code: 'InvalidParameter' });
    expect(missingRow.body.message).toContain('data[1]');
    const noKey = await h.call(`${V}/update`, { ...ON_ITEMS, data: [{ n: 5 }] });
    expect(noKey).toMatchObject({ status: 400, body: { code: 'MissingParameter' } });
    expect(noKey.body.message).toContain('data[0].id');
    const badType = await h.call(`${V}/update`, { ...ON_ITEMS, data: [{ id: 1, n: 'x' }] });
    expect(badType.body.message).toContain('data[0].n');
    expect(h.commits.length).toBe(commits);
    const fetched = await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1] });
    expect(fetched.body.result.fetch[0].fields.n).toBe(0);
  });

  it('re-embeds a changed vectorized text', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { collection_name: 'docs', data: [{ content: 'apple banana' }] });
    const before = await h.call(`${V}/search/multi_modal`, {
      collection_name: 'docs',
      index_name: 'docs_idx',
      text: 'cherry',
    });
    const id = before.body.result.data[0].id;
    const update = await h.call(`${V}/update`, {
      collection_name: 'docs',
      data: [{ __AUTO_ID__: id, content: 'cherry' }],
    });
    expect(update.body.result.token_usage).toEqual({ 'bge-m3': { prompt_tokens: 1, total_tokens: 1 } });
    const after = await h.call(`${V}/search/multi_modal`, {
      collection_name: 'docs',
      index_name: 'docs_idx',
      text: 'cherry',
    });
    expect(after.body.result.data[0].score).toBeCloseTo(1, 5);
  });
});

describe('delete and fetch', () => {
  it('deletes by ids (ignoring unknown ones) and with del_all', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1), item(2), item(3)] });
    const answer = await h.call(`${V}/delete`, { ...ON_ITEMS, ids: [1, '-99', 'x'] });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toBeUndefined();
    expect((await h.call(`${V}/search/random`, ON_IDX)).body.result.total_return_count).toBe(2);
    expect((await h.call(`${V}/delete`, { ...ON_ITEMS, ids: null })).body.code).toBe('MissingParameter');
    await h.call(`${V}/delete`, { ...ON_ITEMS, ids: null, del_all: true });
    expect((await h.call(`${V}/search/random`, ON_IDX)).body.result.data).toEqual([]);
    expect((await h.call(`${V}/delete`, { ...ON_ITEMS, ids: [{}] })).status).toBe(400);
  });

  it('fetch_in_index returns vectors, output_fields and partition', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, {
      ...ON_ITEMS,
      data: [item(1, { region: 'cn', sparse: { a: 1 } }), item(2, { region: 'sg' })],
    });
    const answer = await h.call(`${V}/fetch_in_index`, {
      ...ON_IDX,
      ids: [1, 2, 3],
      output_fields: ['title'],
      partition: 'cn',
    });
    expect(answer.body.result).toEqual({
      fetch: [{ id: 1, fields: { title: 't1' }, dense_vector: [1, 0, 0, 0], dense_dim: 4, sparse_vector: { a: 1 } }],
      ids_not_exist: [2, 3],
    });
    const noFields = await h.call(`${V}/fetch_in_index`, { ...ON_IDX, ids: [2], output_fields: [] });
    expect(noFields.body.result.fetch[0].fields).toEqual({});
    const badIndex = await h.call(`${V}/fetch_in_index`, { ...ON_ITEMS, index_name: 'nope', ids: [1] });
    expect(badIndex).toMatchObject({ status: 404, body: { code: 'NotFound.VikingdbIndex' } });
    expect((await h.call(`${V}/fetch_in_index`, { ...ON_ITEMS, ids: [1] })).body.code).toBe('MissingParameter');
    expect((await h.call(`${V}/fetch_in_index`, { ...ON_IDX })).body.code).toBe('MissingParameter');
  });

  it('shows writes to index reads only after indexDelayMs; fetch_in_collection at once', async () => {
    const h = await createHarness({ indexDelayMs: 1000 });
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1)] });
    expect((await h.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1] })).body.result.fetch).toHaveLength(1);
    expect((await h.call(`${V}/search/random`, ON_IDX)).body.result.data).toHaveLength(0);
    expect((await h.call(`${V}/fetch_in_index`, { ...ON_IDX, ids: [1] })).body.result.ids_not_exist).toEqual([1]);
    h.clock.now += 999;
    await h.call(`${V}/delete`, { ...ON_ITEMS, ids: [1] });
    h.clock.now += 1;
    expect((await h.call(`${V}/search/random`, ON_IDX)).body.result.data).toHaveLength(1);
    h.clock.now += 999;
    expect((await h.call(`${V}/search/random`, ON_IDX)).body.result.data).toHaveLength(0);
  });

  it('reloads everything from storage at start', async () => {
    const storage = createMemoryStorage();
    const first = await createHarness({ storage });
    await first.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1, { n: 4 }), item(2, { n: 8 })] });
    await first.call(`${V}/upsert`, { collection_name: 'docs', data: [{ content: 'a' }] });
    await first.call('/api/memory/event/add', {
      collection_name: 'mem',
      event_type: 'event_v1',
      memory_info: { summary: 's' },
    });
    const second = await createHarness({ storage });
    const search = await second.call(`${V}/search/scalar`, { ...ON_IDX, field: 'n' });
    expect(search.body.result.data.map((d: { id: number }) => d.id)).toEqual([2, 1]);
    const memory = await second.call('/api/memory/event/search', { collection_name: 'mem' });
    expect(memory.body.data.count).toBe(1);
    const random = await second.call(`${V}/search/random`, { collection_name: 'docs', index_name: 'docs_idx' });
    const oldId = random.body.result.data[0].id;
    await second.call(`${V}/upsert`, { collection_name: 'docs', data: [{ content: 'b' }] });
    const both = await second.call(`${V}/search/scalar`, {
      collection_name: 'docs',
      index_name: 'docs_idx',
      field: 'year',
    });
    const ids = both.body.result.data.map((d: { id: string }) => BigInt(d.id));
    expect(ids.some((id: bigint) => id > BigInt(oldId))).toBe(true);
  });
});

describe('int64 primary keys beyond 2^53 sent as JSON numbers (Go sends int64 ids as numbers)', () => {
  it('keeps neighbouring ids apart instead of rounding them onto one row', async () => {
    const h = await createHarness();
    const row = (id: string, title: string) => `{"id":${id},"title":"${title}","vec":[1,0,0,0]}`;
    const upserted = await h.call(
      `${V}/upsert`,
      `{"collection_name":"items","data":[${row('9007199254740993', 'odd')},${row('9007199254740992', 'even')}]}`,
    );
    expect(upserted.status).toBe(200);
    const fetched = await h.call(
      `${V}/fetch_in_collection`,
      '{"collection_name":"items","ids":[9007199254740993,9007199254740992,9007199254740995]}',
    );
    expect(fetched.status).toBe(200);
    expect(
      fetched.body.result.fetch.map((r: { id: unknown; fields: { title: string } }) => [r.id, r.fields.title]),
    ).toEqual([
      ['9007199254740993', 'odd'],
      ['9007199254740992', 'even'],
    ]);
    expect(fetched.body.result.ids_not_exist).toEqual(['9007199254740995']);
  });
});

describe('int64 field values beyond 2^53', () => {
  it('are refused with a 400 naming the field instead of being stored rounded', async () => {
    const h = await createHarness();
    const answer = await h.call(
      `${V}/upsert`,
      '{"collection_name":"items","data":[{"id":1,"title":"t","vec":[1,0,0,0],"n":9007199254740993}]}',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/data\[0\]\.n.*2\^53/);
  });
});
