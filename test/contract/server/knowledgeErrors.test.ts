/**
 * Bad input on every knowledge endpoint over real HTTP: a 400 (or 404) in the knowledge integer-code envelope whose
 * message names the field, and nothing stored is lost or changed. Unknown paths and methods under /api/knowledge/
 * and refused credentials answer with integer codes too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import { raw, serverForThisFile } from './harness';
import { dataUri, KB, knowledgeSnapshot, knowledgeTestConfig, LIGHTHOUSE_MD, waitForDoc } from './knowledgeHarness';

const fixture = serverForThisFile({ config: knowledgeTestConfig('.') });
let pointId: string;
let before: unknown;

beforeAll(async () => {
  await raw(fixture.url, '/api/knowledge/doc/v2/add', {
    ...KB,
    doc_id: 'kept',
    uri: dataUri(LIGHTHOUSE_MD),
    tag_list: [{ field_name: 'year', field_value: 2024 }],
  });
  await waitForDoc(fixture.url, 'kept');
  pointId = (await raw(fixture.url, '/api/knowledge/point/list', { ...KB })).body.data.point_list[0].point_id;
  before = await knowledgeSnapshot(fixture.url);
});

type Case = [path: string, body: unknown, status: number, code: number, message: RegExp];

const CASES: () => Case[] = () => [
  ['doc/v2/add', { ...KB }, 400, 1000003, /^uri is required/],
  [
    'doc/v2/add',
    { ...KB, uri: 'ftp://example.com/a.md' },
    400,
    1000003,
    /^uri must be an http\(s\):\/\/, data:, file: or tos:\/\/ URI/,
  ],
  ['doc/v2/add', { ...KB, uri: 42 }, 400, 1000003, /^uri must be a string/],
  ['doc/v2/add', { ...KB, uri: dataUri('x'), doc_id: 'kept' }, 400, 1000003, /doc_id 'kept' already exists/],
  ['doc/v2/add', { ...KB, uri: dataUri('x'), doc_id: '' }, 400, 1000003, /^doc_id must be 1–256 characters/],
  [
    'doc/v2/add',
    { ...KB, uri: dataUri('x'), tag_list: [{ field_name: 'year', field_value: 'soon' }] },
    400,
    1000003,
    /^tag_list\[0\]\.field_value must be an int64/,
  ],
  [
    'doc/v2/add',
    { ...KB, uri: dataUri('x'), tag_list: [{ field_value: 1 }] },
    400,
    1000003,
    /^tag_list\[0\]\.field_name must be a non-empty string/,
  ],
  ['doc/v2/add', { ...KB, uri: dataUri('x'), tag_list: 'year' }, 400, 1000003, /^tag_list must be an array/],
  [
    'doc/v2/add',
    { ...KB, uri: dataUri('x'), dedup: { auto_skip: 'yes' } },
    400,
    1000003,
    /^dedup\.auto_skip must be true or false/,
  ],
  [
    'doc/v2/add',
    { collection_name: 'nope', uri: dataUri('x') },
    404,
    1000005,
    /collection not exist: 'nope' in project 'default'/,
  ],
  ['doc/v2/add', { uri: dataUri('x') }, 400, 1000003, /^collection_name or resource_id is required/],
  ['doc/add', { ...KB }, 400, 1000003, /^add_type is required/],
  ['doc/add', { ...KB, add_type: 'ftp' }, 400, 1000003, /^add_type must be 'url', 'tos' or 'lark'/],
  ['doc/add', { ...KB, add_type: 'url' }, 400, 1000003, /^url is required when add_type is 'url'/],
  ['doc/add', { ...KB, add_type: 'tos' }, 400, 1000003, /^tos_path is required when add_type is 'tos'/],
  ['doc/info', { ...KB }, 400, 1000003, /^doc_id is required/],
  ['doc/info', { ...KB, doc_id: 'missing' }, 404, 1001001, /doc not exist: 'missing'/],
  ['doc/list', { ...KB, limit: 'all' }, 400, 1000003, /^limit must be an integer/],
  ['doc/list', { ...KB, offset: -1 }, 400, 1000003, /^offset must be >= 0/],
  ['doc/v2/list', { ...KB, next_token: 'garbage' }, 400, 1000003, /^next_token is not a token this server gave out/],
  ['doc/v2/search_by_filter', { ...KB }, 400, 1000003, /^filter is required/],
  [
    'doc/v2/search_by_filter',
    { ...KB, filter: { op: 'must', field: 'colour', conds: ['red'] } },
    400,
    1000003,
    /^filter\.field: 'colour' is not a scalar field/,
  ],
  [
    'doc/v2/search_by_filter',
    { ...KB, filter: { op: 'near' } },
    400,
    1000003,
    /^filter\.op 'near' is not a filter operator/,
  ],
  ['doc/update', { ...KB, doc_id: 'kept' }, 400, 1000003, /^doc_name is required/],
  ['doc/update', { ...KB, doc_id: 'missing', doc_name: 'x' }, 404, 1001001, /doc not exist/],
  ['doc/update_meta', { ...KB, doc_id: 'kept' }, 400, 1000003, /^meta is required/],
  [
    'doc/update_meta',
    { ...KB, doc_id: 'kept', meta: [{ field_name: 'year', field_value: 1.5 }] },
    400,
    1000003,
    /^meta\[0\]\.field_value must be an int64/,
  ],
  ['doc/update_meta', { ...KB, doc_id: 'kept', meta: [1] }, 400, 1000003, /^meta\[0\] must be an object/],
  ['doc/delete', { ...KB, doc_id: 'missing' }, 404, 1001001, /doc not exist/],
  ['doc/delete', { ...KB, doc_id: 7 }, 400, 1000003, /^doc_id must be a string/],
  ['point/add', { ...KB, doc_id: 'kept' }, 400, 1000003, /^chunk_type is required/],
  ['point/add', { ...KB, chunk_type: 'text' }, 400, 1000003, /^doc_id is required/],
  ['point/add', { ...KB, doc_id: 'missing', chunk_type: 'text', content: 'x' }, 404, 1001001, /doc not exist/],
  ['point/add', { ...KB, doc_id: 'kept', chunk_type: 'text', content: 5 }, 400, 1000003, /^content must be a string/],
  ['point/info', { ...KB }, 400, 1000003, /^point_id is required/],
  ['point/info', { ...KB, point_id: 'missing' }, 404, 1002001, /point not exist: 'missing'/],
  ['point/list', { ...KB, doc_ids: 'kept' }, 400, 1000003, /^doc_ids must be an array/],
  ['point/update', { ...KB, point_id: 'missing', content: 'x' }, 404, 1002001, /point not exist/],
  ['point/update', { ...KB, point_id: pointId, content: ['x'] }, 400, 1000003, /^content must be a string/],
  ['point/delete', { ...KB, point_id: 'missing' }, 404, 1002001, /point not exist/],
  ['collection/search', { ...KB }, 400, 1000003, /^query is required/],
  ['collection/search', { ...KB, query: '  ' }, 400, 1000003, /^query must not be empty/],
  ['collection/search', { ...KB, query: 'x', limit: 0 }, 400, 1000003, /^limit must be >= 1/],
  ['collection/search', { ...KB, query: 'x', dense_weight: 2 }, 400, 1000003, /^dense_weight must be <= 1/],
  [
    'collection/search',
    { ...KB, query: 'x', query_param: { doc_filter: { op: 'must', field: 'nope', conds: [1] } } },
    400,
    1000003,
    /^query_param\.doc_filter\.field: 'nope' is not a scalar field/,
  ],
  [
    'collection/search_knowledge',
    { ...KB, query: 'x', post_processing: { retrieve_count: 'many' } },
    400,
    1000003,
    /^post_processing\.retrieve_count must be an integer/,
  ],
  [
    'collection/search_knowledge',
    { ...KB, query: 'x', post_processing: { rerank_threshold: 3 } },
    400,
    1000003,
    /^post_processing\.rerank_threshold must be <= 1/,
  ],
  [
    'collection/search_knowledge',
    { ...KB, query: 'x', pre_processing: { messages: [{ content: 'hi' }] } },
    400,
    1000003,
    /^pre_processing\.messages\[0\]\.role must be a non-empty string/,
  ],
  ['collection/search_knowledge', { name: 'nope', query: 'x' }, 404, 1000005, /collection not exist: 'nope'/],
  ['service/rerank', {}, 400, 1000003, /^datas is required/],
  ['service/rerank', { datas: [] }, 400, 1000003, /^datas must not be empty/],
  ['service/rerank', { datas: [{ content: 'x' }] }, 400, 1000003, /^datas\[0\]\.query is required/],
  ['chat/completions', { messages: [{ role: 'user', content: 'x' }] }, 400, 1000003, /^model is required/],
  ['chat/completions', { model: 'm' }, 400, 1000003, /^messages is required/],
  ['chat/completions', { model: 'm', messages: [] }, 400, 1000003, /^messages must not be empty/],
  [
    'chat/completions',
    { model: 'm', messages: [{ role: 'user', content: 3 }] },
    400,
    1000003,
    /^messages\[0\]\.content must be a string or an array/,
  ],
  [
    'chat/completions',
    { model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 9 },
    400,
    1000003,
    /^temperature must be <= 2/,
  ],
  [
    'chat/completions',
    { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: 'yes' },
    400,
    1000003,
    /^stream must be true or false/,
  ],
  ['service/chat', { messages: [{ role: 'user', content: 'x' }] }, 400, 1000003, /^service_resource_id is required/],
  [
    'service/chat',
    { service_resource_id: 'nope', messages: [{ role: 'user', content: 'x' }] },
    404,
    1000005,
    /service not exist: service_resource_id 'nope'/,
  ],
  [
    'service/chat',
    { service_resource_id: 'kb_test_service', messages: [{ role: 'assistant', content: 'x' }] },
    400,
    1000003,
    /^messages must contain a user message/,
  ],
  [
    'service/chat',
    {
      service_resource_id: 'kb_test_service',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      query_param: { doc_filter: { op: 'or', conds: [] } },
    },
    400,
    1000003,
    /^query_param\.doc_filter\.conds must be a non-empty array/,
  ],
];

describe('bad knowledge requests', () => {
  it('answers each with its status, integer code and a message naming the field, and changes nothing', async () => {
    for (const [path, body, status, code, message] of CASES()) {
      const answer = await raw(fixture.url, `/api/knowledge/${path}`, body);
      expect({ path, status: answer.status, code: answer.body?.code }).toEqual({ path, status, code });
      expect(answer.body.message, path).toMatch(message);
      expect(typeof answer.body.request_id).toBe('string');
    }
    expect(await knowledgeSnapshot(fixture.url)).toEqual(before);
  });

  it('refuses invalid JSON and non-object bodies on every knowledge path with 1000003', async () => {
    for (const path of [
      'doc/add',
      'doc/v2/add',
      'point/add',
      'collection/search_knowledge',
      'service/chat',
      'chat/completions',
    ]) {
      for (const body of ['{"collection_name":', '[1,2]', '"text"']) {
        const answer = await raw(fixture.url, `/api/knowledge/${path}`, body);
        expect(answer.status).toBe(400);
        expect(answer.body.code).toBe(1000003);
      }
    }
    expect(await knowledgeSnapshot(fixture.url)).toEqual(before);
  });

  it('answers unknown knowledge paths and wrong methods with integer codes', async () => {
    const unknown = await raw(fixture.url, '/api/knowledge/doc/nope', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(1000003);
    const get = await raw(fixture.url, '/api/knowledge/doc/list', undefined, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.body.code).toBe(1000003);
  });
});

describe('credentials on knowledge paths', () => {
  let locked: LocalServer;
  beforeAll(async () => {
    locked = await createLocalServer({ port: 0, inMemory: true, log: false, apiKey: 'secret' });
  });
  afterAll(async () => {
    await locked?.close();
  });

  it('refuses a missing key with 401 and code 1000001, accepts the right Bearer key', async () => {
    const refused = await raw(locked.url, '/api/knowledge/doc/list', { collection_name: 'demo_kb' });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe(1000001);
    const accepted = await raw(
      locked.url,
      '/api/knowledge/doc/list',
      { collection_name: 'demo_kb' },
      { headers: { Authorization: 'Bearer secret' } },
    );
    expect(accepted.status).toBe(200);
  });
});
