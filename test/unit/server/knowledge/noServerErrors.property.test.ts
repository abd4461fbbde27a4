/**
 * Property: whatever JSON a caller sends to a knowledge path — known keys with values of any type, nested
 * junk, valid-looking locators — the engine answers with the knowledge envelope and never a 5xx.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../src/server/local/config/defaultConfig';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import type { LocalEngine } from '../../../../src/server/local/engine/protocol';
import { ROUTES } from '../../../../src/server/local/engine/routes';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';

const PATHS = [...ROUTES.keys()].filter((path) => path.startsWith('/api/knowledge/'));

const KEYS = [
  'collection_name',
  'project',
  'resource_id',
  'name',
  'doc_id',
  'doc_name',
  'doc_type',
  'uri',
  'url',
  'add_type',
  'tos_path',
  'lark_file',
  'tag_list',
  'meta',
  'dedup',
  'offset',
  'limit',
  'next_token',
  'filter',
  'point_id',
  'point_ids',
  'doc_ids',
  'chunk_type',
  'chunk_title',
  'content',
  'question',
  'fields',
  'query',
  'dense_weight',
  'rerank_switch',
  'retrieve_count',
  'query_param',
  'pre_processing',
  'post_processing',
  'datas',
  'model',
  'messages',
  'max_tokens',
  'temperature',
  'stream',
  'service_resource_id',
  'return_token_usage',
];

const scalar = fc.oneof(
  fc.constantFrom('demo_kb', 'default', 'readme', 'demo_kb_service', 'data:,hello', 'tos://b/k', 'text', ''),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(...KEYS, 'op', 'field', 'conds', 'role', 'text', 'type', 'field_name', 'field_value'),
      tie('node'),
      { maxKeys: 4 },
    ),
  ),
})).node;
const body = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 });

let engine: LocalEngine;
beforeAll(async () => {
  engine = await createLocalEngine({ config: defaultConfig, storage: createMemoryStorage() });
  await engine.handle({
    method: 'POST',
    path: '/api/knowledge/doc/v2/add',
    body: JSON.stringify({
      collection_name: 'demo_kb',
      doc_id: 'readme',
      uri: 'data:text/markdown,%23%20Readme%0A%0AHello%20world.',
    }),
    requestId: 'setup',
  });
  await engine.settled();
});
afterAll(async () => {
  await engine.close();
});

describe('knowledge paths under arbitrary JSON', () => {
  it('never answer 5xx and always answer an integer-code envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), body, async (path, json) => {
        const answer = await engine.handle({
          method: 'POST',
          path,
          body: JSON.stringify({ collection_name: 'demo_kb', ...json }),
          requestId: 'p',
        });
        if ('stream' in answer) await new Response(answer.stream).text();
        expect(answer.status, `${path} ${JSON.stringify(json)} → ${JSON.stringify(answer.body)}`).toBeLessThan(500);
        expect(Number.isInteger(answer.body['code'])).toBe(true);
      }),
      { numRuns: 1500 },
    );
    await engine.settled();
  });
});
