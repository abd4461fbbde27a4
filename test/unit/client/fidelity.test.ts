import { describe, expect, it } from 'vitest';
import { apiKey, createVikingClient, f, type FilterNode } from '../../../src/client/index.node';
import { expectInvalid } from '../../support/expectInvalid';
import { answerOnce } from '../../support/recordCall';
import { startMswServer } from '../../support/mswServer';

/*
 * What the service accepts reaches the wire unchanged: each test answers the call with MSW and checks the exact body.
 */

const server = startMswServer();
const client = createVikingClient({ baseUrl: 'http://vikingdb.test', auth: apiKey('k') });
const docs = client.vector.collection('docs');
const docsIndex = client.vector.index('docs', 'docs_index');
const memory = client.memory.collection('sdk_test');

const vectorOk = (result: unknown = {}) => ({ code: 'Success', message: 'ok', request_id: 'r1', result });
const memoryOk = (data: unknown = {}) => ({ code: 0, message: 'success', request_id: 'r1', data });
const SEARCH = { data: [{ id: 1, fields: {}, score: 1, new_score: 0.5 }], total_return_count: 1, new_stat: 'x' };
const asAny = <T = never>(value: unknown) => value as T;

describe('RequestOptions.extraBody', () => {
  it('merges raw wire keys into a search body, verbatim, winning over generated keys', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/search/vector', vectorOk(SEARCH));
    await docsIndex.search.vector(
      { denseVector: [0.1, 0.2], limit: 3 },
      { extraBody: { limit: 7, newFlag: { keepCase: true }, index_name: 'other_index' } },
    );
    expect(calls[0]!.rawBody).toBe(
      '{"collection_name":"docs","index_name":"other_index","dense_vector":[0.1,0.2],"limit":7,"newFlag":{"keepCase":true}}',
    );
  });

  it('on an upsert and a memory call', async () => {
    const upsert = answerOnce(server, '/api/vikingdb/data/upsert', vectorOk({ token_usage: {} }));
    await docs.upsert([{ id: 1, title: 't' }], { ttl: 60, extraBody: { write_mode: 'fast' } });
    expect(upsert[0]!.body).toEqual({
      collection_name: 'docs',
      data: [{ id: 1, title: 't' }],
      ttl: 60,
      write_mode: 'fast',
    });

    const session = answerOnce(server, '/api/memory/session/add', memoryOk({ session_id: 's1' }));
    await memory.addSession(
      { sessionId: 's1', messages: [{ role: 'user', content: 'hi' }] },
      { extraBody: { project_name: 'p2', trace: [1, null] } },
    );
    expect(session[0]!.body).toEqual({
      session_id: 's1',
      messages: [{ role: 'user', content: 'hi' }],
      collection_name: 'sdk_test',
      project_name: 'p2',
      trace: [1, null],
    });
  });

  it('is not sent by a GET (it has no body)', async () => {
    const calls = answerOnce(server, '/api/vikingdb/Ping', { code: 'Success' });
    await client.vector.ping({ extraBody: { x: 1 } });
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.rawBody).toBe('');
  });
});

describe('keys the typed params do not model reach the wire', () => {
  it('search: top level and inside advance, rerank, instruction and tensorRerank (snake_case names)', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/search/multi_modal', vectorOk(SEARCH));
    await docsIndex.search.multiModal(
      asAny({
        text: 'q',
        futureMode: 'fast',
        already_snake: 1,
        advance: { denseWeight: 0.4, newKnob: [1, 2] },
        rerank: { modelName: 'm', newOption: true },
        instruction: { autoFill: true, extraFill: 'x' },
        tensorRerank: { tensor: [[1]], newAlgo: 'y' },
      }),
    );
    expect(calls[0]!.body).toEqual({
      collection_name: 'docs',
      index_name: 'docs_index',
      text: 'q',
      future_mode: 'fast',
      already_snake: 1,
      advance: { dense_weight: 0.4, new_knob: [1, 2] },
      rerank: { model_name: 'm', new_option: true },
      instruction: { auto_fill: true, extra_fill: 'x' },
      tensor_rerank: { tensor: [[1]], new_algo: 'y' },
    });
  });

  it('memory: search filter, event and profile writes', async () => {
    const search = answerOnce(server, '/api/memory/search', memoryOk({ count: 0, result_list: [] }));
    await memory.search(asAny({ query: 'q', filter: { userId: 'u', sessionId: 's' }, rankMode: 'recent' }));
    expect(search[0]!.body).toEqual({
      query: 'q',
      filter: { user_id: 'u', session_id: 's' },
      rank_mode: 'recent',
      collection_name: 'sdk_test',
      project_name: 'default',
    });

    const event = answerOnce(server, '/api/memory/event/add', memoryOk({ event_id: 'e1' }));
    await memory.events.add(asAny({ eventType: 'e', memoryInfo: { camelKept: 1 }, sessionId: 's' }));
    expect(event[0]!.body).toEqual({
      event_type: 'e',
      memory_info: { camelKept: 1 },
      session_id: 's',
      collection_name: 'sdk_test',
      project_name: 'default',
    });

    const profile = answerOnce(server, '/api/memory/profile/add', memoryOk({ profile_id: 'p1' }));
    await memory.profiles.add({ profileType: 'p', memoryInfo: { a: 1 } });
    expect(profile[0]!.rawBody).toBe(
      '{"is_upsert":false,"profile_type":"p","memory_info":{"a":1},"collection_name":"sdk_test","project_name":"default"}',
    );
  });

  it('write and fetch options: every key that is not a request option goes to the body', async () => {
    const upsert = answerOnce(server, '/api/vikingdb/data/upsert', vectorOk({ token_usage: {} }));
    await docs.upsert([{ id: 1 }], asAny({ ttl: 5, async: true, writeMode: 'fast', timeoutMs: 1000, requestId: 'q' }));
    expect(upsert[0]!.body).toEqual({
      collection_name: 'docs',
      data: [{ id: 1 }],
      ttl: 5,
      async: true,
      write_mode: 'fast',
    });
    expect(upsert[0]!.headers.get('x-tt-logid')).toBe('q');

    const del = answerOnce(server, '/api/vikingdb/data/delete', vectorOk());
    await docs.delete({ all: true }, asAny({ async: true, reason: 'reset' }));
    expect(del[0]!.body).toEqual({ collection_name: 'docs', del_all: true, async: true, reason: 'reset' });

    const fetched = answerOnce(server, '/api/vikingdb/data/fetch_in_index', vectorOk({ fetch: [] }));
    await docsIndex.fetch([1], asAny({ outputFields: ['title'], returnSparse: true, headers: { 'X-A': '1' } }));
    expect(fetched[0]!.body).toEqual({
      collection_name: 'docs',
      index_name: 'docs_index',
      ids: [1],
      output_fields: ['title'],
      return_sparse: true,
    });
  });

  it('embedding and rerank: model objects and inputs keep unknown keys', async () => {
    const embedding = answerOnce(server, '/api/vikingdb/embedding', vectorOk({ data: [] }));
    await client.vector.embedding(
      asAny({
        data: [{ image: { url: 'https://x/a.png', detail: 'low' }, newPart: 'p' }],
        denseModel: { name: 'doubao-embedding-vision', version: '250615', newSetting: 1 },
        futureTopLevel: true,
      }),
    );
    expect(embedding[0]!.body).toEqual({
      data: [{ image: { url: 'https://x/a.png', detail: 'low' }, new_part: 'p' }],
      dense_model: { name: 'doubao-embedding-vision', version: '250615', new_setting: 1 },
      future_top_level: true,
    });

    const rerank = answerOnce(server, '/api/vikingdb/rerank', vectorOk({ data: [] }));
    await client.vector.rerank(asAny({ modelName: 'm', query: 'q', data: ['a'], topN: 1 }));
    expect(rerank[0]!.body).toEqual({ model_name: 'm', query: [{ text: 'q' }], data: [[{ text: 'a' }]], top_n: 1 });
  });
});

describe('requests the service accepts are not refused', () => {
  it('addSession: multi-part content, any role, per-message speaker and time, extraction options, no session id', async () => {
    const calls = answerOnce(server, '/api/memory/session/add', memoryOk({ session_id: 'generated-1' }));
    const result = await memory.addSession({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is this?' },
            { type: 'image_url', image_url: { url: 'https://x/cat.png' } },
          ],
          roleId: 'u-7',
          roleName: 'Li',
          time: 1735689600000,
        },
        { role: 'tool', content: 'lookup done' },
      ],
      extractMemoryType: ['event_v1'],
      ttlAbsolute: 1767225600000,
      ttlRelative: 86400,
    });
    expect(calls[0]!.body).toEqual({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is this?' },
            { type: 'image_url', image_url: { url: 'https://x/cat.png' } },
          ],
          role_id: 'u-7',
          role_name: 'Li',
          time: 1735689600000,
        },
        { role: 'tool', content: 'lookup done' },
      ],
      extract_memory_type: ['event_v1'],
      ttl_absolute: 1767225600000,
      ttl_relative: 86400,
      collection_name: 'sdk_test',
      project_name: 'default',
    });
    expect(result.sessionId).toBe('generated-1');
  });

  it('sessionInfo: multi-part messages keep their parts, and their text is readable', async () => {
    const parts = [
      { type: 'text', text: 'look' },
      { type: 'image_url', image_url: { url: 'u' } },
      { type: 'text', text: 'here' },
    ];
    answerOnce(
      server,
      '/api/memory/session/info',
      memoryOk({ session_id: 's', messages: [{ role: 'user', content: parts, role_id: 'u-7', time: 5 }] }),
    );
    const info = await memory.sessionInfo('s');
    expect(info.messages).toEqual([{ role: 'user', content: 'look\nhere', parts, roleId: 'u-7', time: 5 }]);
    expect(info.raw).toMatchObject({ session_id: 's' });
  });

  it('memory locator: collection_name and resource_id together, project_name default', async () => {
    const both = client.memory.collection({ collection_name: 'c', resource_id: 'r-1' });
    const calls = answerOnce(server, '/api/memory/profile/search', memoryOk({ count: 0, result_list: [] }));
    await both.profiles.search({ limit: 1 });
    expect(calls[0]!.body).toEqual({ limit: 1, collection_name: 'c', resource_id: 'r-1', project_name: 'default' });
    expect(both.locator).toEqual({ collection_name: 'c', resource_id: 'r-1', project_name: 'default' });
  });

  it('aggregate: any op and any cond', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/agg', vectorOk({ agg: { total: 9 }, op: 'sum' }));
    const result = await docsIndex.aggregate({ op: 'sum', field: 'year', cond: { lt: 3, between: [1, 2] } });
    expect(calls[0]!.body).toEqual({
      collection_name: 'docs',
      index_name: 'docs_index',
      op: 'sum',
      field: 'year',
      cond: { lt: 3, between: [1, 2] },
    });
    expect(result).toMatchObject({ op: 'sum', agg: { total: 9 } });
  });

  it('multi-modal search and embedding: image and video in every documented form', async () => {
    const forms = [
      { image: 'https://x/cat.png' },
      { image: 'tos://bucket/cat.png' },
      { image: 'data:image/png;base64,iVBORw0KGgo=' },
      { image: { url: 'https://x/cat.png' } },
      { video: 'https://x/v.mp4' },
      { video: { value: 'https://x/v.mp4', fps: 0.2 } },
    ];
    for (const form of forms) {
      const calls = answerOnce(server, '/api/vikingdb/data/search/multi_modal', vectorOk(SEARCH));
      await docsIndex.search.multiModal(form);
      expect(calls[0]!.body).toEqual({ collection_name: 'docs', index_name: 'docs_index', ...form });
      const embedded = answerOnce(server, '/api/vikingdb/embedding', vectorOk({ data: [] }));
      await client.vector.embedding({ data: [form], denseModel: { name: 'doubao-embedding-vision' } });
      expect(embedded[0]!.body).toEqual({ data: [form], dense_model: { name: 'doubao-embedding-vision' } });
    }
  });

  it('rows: object-valued fields that are not sparse vectors', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/upsert', vectorOk({ token_usage: {} }));
    const row = { id: 1, clip: { value: 'tos://b/k.mp4', fps: 1 }, sparse: { '1': 0.5 }, meta: { tag: 'x' } };
    await docs.upsert([row]);
    expect(calls[0]!.body).toEqual({ collection_name: 'docs', data: [row] });
  });

  it('filters: a node of an unknown op passes through unchanged, inside and outside the builder', async () => {
    const prefix = { op: 'prefix', field: 'title', prefix: 'Vik', options: { caseSensitive: false } };
    const filter: FilterNode = f.and(f.must('lang', ['en']), f.raw(prefix));
    const calls = answerOnce(server, '/api/vikingdb/data/search/random', vectorOk(SEARCH));
    await docsIndex.search.random({ filter });
    expect(calls[0]!.body).toEqual({
      collection_name: 'docs',
      index_name: 'docs_index',
      filter: { op: 'and', conds: [{ op: 'must', field: 'lang', conds: ['en'] }, prefix] },
    });
  });

  it('results keep fields the kit does not type yet', async () => {
    answerOnce(server, '/api/vikingdb/data/search/random', vectorOk(SEARCH));
    const result = await docsIndex.search.random();
    expect(result.raw['new_stat']).toBe('x');
    expect(result.items[0]!.raw?.['new_score']).toBe(0.5);
  });
});

describe('refusals name the field, say what the service takes, and send nothing', () => {
  it('NaN inside an object field, more than 100 rows, an id beyond 2^53 as a number', async () => {
    const rows = [{ id: 1, clip: { value: 'v', fps: Number.NaN } }];
    await expectInvalid(server, () => docs.upsert(rows), 'data[0].clip.fps', /finite number/);
    const many = Array.from({ length: 101 }, (_, i) => ({ id: i + 1 }));
    await expectInvalid(server, () => docs.upsert(many), 'data', /at most 100 rows.*upsertAll/);
    await expectInvalid(server, () => docs.fetch([2 ** 60]), 'ids[0]', /beyond 2\^53, a digit string/);
    await expectInvalid(server, () => docsIndex.search.id({ id: 2 ** 53 + 2 }), 'id', /digit string/);
    // The rows passed are the caller's and unchanged.
    expect(rows[0]!.clip.fps).toBeNaN();
    expect(many).toHaveLength(101);
  });

  it('empty required fields and a filter node with no op', async () => {
    await expectInvalid(server, () => memory.addSession({ messages: [] }), 'messages', /at least one message/);
    await expectInvalid(
      server,
      () => memory.addSession({ messages: [{ role: 'user', content: 'x', time: -1 }] }),
      'messages[0].time',
      /whole number ≥ 0/,
    );
    await expectInvalid(server, () => docsIndex.aggregate({ field: '' }), 'field', /non-empty/);
    await expectInvalid(
      server,
      () => docsIndex.search.random({ filter: asAny({ op: 'and', conds: [{ field: 'x' }] }) }),
      'filter.conds[0].op',
      /op name such as must/,
    );
  });
});
