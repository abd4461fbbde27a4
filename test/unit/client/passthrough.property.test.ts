import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiKey, createVikingClient } from '../../../src/client/index.node';
import { answerOnce } from '../../support/recordCall';
import { startMswServer } from '../../support/mswServer';

/*
 * For random JSON-able keys the typed parameters do not model, at the top level and inside nested parameter objects,
 * the wire body holds them unchanged (as JSON carries them); extraBody keys arrive verbatim, whatever their case.
 */

const server = startMswServer();
const client = createVikingClient({ baseUrl: 'http://vikingdb.test', auth: apiKey('k') });
const docsIndex = client.vector.index('docs', 'docs_index');
const docs = client.vector.collection('docs');
const memory = client.memory.collection('sdk_test');

const SEARCH = { code: 'Success', message: 'ok', request_id: 'r', result: { data: [] } };
const MEMORY = { code: 0, message: 'success', request_id: 'r', data: { count: 0, result_list: [] } };

/** Names no typed parameter uses, already in snake_case (params keys are sent in snake_case). */
const extraName = fc.stringMatching(/^x_[a-z0-9_]{1,10}$/);
/** Any name, for extraBody (sent verbatim). */
const anyName = fc.string({ minLength: 1, maxLength: 12 }).filter((name) => name !== '__proto__');
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const extras = (name: fc.Arbitrary<string>) => fc.dictionary(name, jsonValue, { minKeys: 1, maxKeys: 5 });

/** What JSON makes of a value (e.g. -0 → 0): what the wire can hold. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('caller keys reach the wire unchanged (property)', () => {
  it('search: extra keys at the top level and inside advance and rerank', async () => {
    await fc.assert(
      fc.asyncProperty(extras(extraName), extras(extraName), extras(extraName), async (top, advance, rerank) => {
        const calls = answerOnce(server, '/api/vikingdb/data/search/multi_modal', SEARCH);
        await docsIndex.search.multiModal({ text: 'q', ...top, advance: { ...advance }, rerank: { ...rerank } });
        const body = calls[0]!.body as Record<string, unknown>;
        expect(body).toEqual(
          asJson({ collection_name: 'docs', index_name: 'docs_index', text: 'q', ...top, advance, rerank }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('memory search: extra keys at the top level and inside the filter', async () => {
    await fc.assert(
      fc.asyncProperty(extras(extraName), extras(extraName), async (top, filter) => {
        const calls = answerOnce(server, '/api/memory/search', MEMORY);
        await memory.search({ query: 'q', ...top, filter: { userId: 'u', ...filter } });
        expect(calls[0]!.body).toEqual(
          asJson({
            query: 'q',
            ...top,
            filter: { user_id: 'u', ...filter },
            collection_name: 'sdk_test',
            project_name: 'default',
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('extraBody: any keys, verbatim, on top of the generated body', async () => {
    await fc.assert(
      fc.asyncProperty(extras(anyName), async (extraBody) => {
        const calls = answerOnce(server, '/api/vikingdb/data/upsert', SEARCH);
        await docs.upsert([{ id: 1 }], { extraBody });
        expect(calls[0]!.body).toEqual(asJson({ collection_name: 'docs', data: [{ id: 1 }], ...extraBody }));
      }),
      { numRuns: 60 },
    );
  });
});
