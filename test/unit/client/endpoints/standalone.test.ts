import { describe, expect, it } from 'vitest';
import {
  aggregateIndex,
  apiKey,
  ConfigError,
  createVikingClient,
  createVikingCore,
  f,
  fetchInIndex,
  indexRef,
  searchById,
  searchByKeywords,
  searchByMultiModal,
  searchByRandom,
  searchByScalar,
  searchByVector,
  sortInIndex,
  type VikingCore,
} from '../../../../src/client/index.node';
import { expectInvalid as expectInvalidOn } from '../../../support/expectInvalid';
import { answerOnce, type RecordedCall } from '../../../support/recordCall';
import { startMswServer } from '../../../support/mswServer';

const server = startMswServer();
const options = { baseUrl: 'http://vikingdb.test', auth: apiKey('key-1') };
const core = createVikingCore(options);
const client = createVikingClient(options);

interface Doc {
  id: number;
  title: string;
  year: number;
  vector: number[];
}
const docs = indexRef<Doc>('docs', 'docs_index');

const ok = (result: unknown, request_id = 'req-1') => ({ code: 'Success', message: 'ok', request_id, result });
const HIT = { id: 7, fields: { title: 'Seven' }, score: 0.9, ann_score: 0.8 };
const SEARCH_RESULT = { data: [HIT], total_return_count: 1, filter_matched_count: 12, real_text_query: 'seven' };

/** Runs `standalone` and `viaClient` against the same answer; returns the two wire calls and results. */
async function both<T>(path: string, answer: unknown, standalone: () => Promise<T>, viaClient: () => Promise<T>) {
  const first = answerOnce(server, path, answer);
  const a = await standalone();
  const second = answerOnce(server, path, answer);
  const b = await viaClient();
  return { calls: [first[0], second[0]] as [RecordedCall, RecordedCall], results: [a, b] as const };
}

const withoutLatency = (value: unknown) => ({ ...(value as object), latencyMs: 0 });

describe('createVikingCore', () => {
  it('resolves options exactly as createVikingClient does, without the API objects', () => {
    const resolved = ({ transport: { config } }: VikingCore) => {
      const { retry, onRequestEnd, onRetry, ...plain } = config;
      return { ...plain, maxRetries: retry.maxRetries, hooks: [onRequestEnd, onRetry] };
    };
    expect(resolved(core)).toEqual(resolved(client));
    expect(resolved(core)).toMatchObject({ baseUrls: { vector: 'http://vikingdb.test' }, auth: options.auth });
    expect(Object.keys(core)).toEqual(['transport']);
    expect(() => createVikingCore({ auth: undefined as never })).toThrow(ConfigError);
  });
});

describe('standalone index operations send what the client object sends', () => {
  it.each([
    [
      'searchByVector',
      '/api/vikingdb/data/search/vector',
      (c: VikingCore) =>
        searchByVector(c, docs, {
          denseVector: [0.1, 0.2],
          sparseVector: { Apple: 0.5 },
          filter: f.range('year', { gte: 2000 }),
          outputFields: ['title'],
          limit: 3,
          advance: { idsNotIn: [1], denseWeight: 0.5 },
          tensorRerank: { tensor: [[1, 0]], inputLimit: 20 },
        }),
      () =>
        client.vector.index<Doc>('docs', 'docs_index').search.vector({
          denseVector: [0.1, 0.2],
          sparseVector: { Apple: 0.5 },
          filter: f.range('year', { gte: 2000 }),
          outputFields: ['title'],
          limit: 3,
          advance: { idsNotIn: [1], denseWeight: 0.5 },
          tensorRerank: { tensor: [[1, 0]], inputLimit: 20 },
        }),
    ],
    [
      'searchByMultiModal',
      '/api/vikingdb/data/search/multi_modal',
      (c: VikingCore) =>
        searchByMultiModal(c, docs, {
          text: 'seven',
          needInstruction: true,
          instruction: { autoFill: true },
          rerank: { modelName: 'm-rerank', timeoutMs: 800 },
          limit: 5,
        }),
      () =>
        client.vector.index<Doc>('docs', 'docs_index').search.multiModal({
          text: 'seven',
          needInstruction: true,
          instruction: { autoFill: true },
          rerank: { modelName: 'm-rerank', timeoutMs: 800 },
          limit: 5,
        }),
    ],
    [
      'searchById',
      '/api/vikingdb/data/search/id',
      (c: VikingCore) => searchById(c, docs, { id: 7, limit: 2 }),
      () => client.vector.index<Doc>('docs', 'docs_index').search.id({ id: 7, limit: 2 }),
    ],
    [
      'searchByScalar',
      '/api/vikingdb/data/search/scalar',
      (c: VikingCore) => searchByScalar(c, docs, { field: 'year', limit: 2 }),
      () => client.vector.index<Doc>('docs', 'docs_index').search.scalar({ field: 'year', limit: 2 }),
    ],
    [
      'searchByKeywords',
      '/api/vikingdb/data/search/keywords',
      (c: VikingCore) => searchByKeywords(c, docs, { keywords: ['seven'], caseSensitive: true, bm25K1: 1.2 }),
      () =>
        client.vector
          .index<Doc>('docs', 'docs_index')
          .search.keywords({ keywords: ['seven'], caseSensitive: true, bm25K1: 1.2 }),
    ],
    [
      'searchByRandom',
      '/api/vikingdb/data/search/random',
      (c: VikingCore) => searchByRandom(c, docs),
      () => client.vector.index<Doc>('docs', 'docs_index').search.random(),
    ],
  ])('%s', async (_name, path, standalone, viaClient) => {
    const { calls, results } = await both(path, ok(SEARCH_RESULT), () => standalone(core), viaClient);
    expect(calls[0].rawBody).toBe(calls[1].rawBody);
    expect(calls[0].body).toMatchObject({ collection_name: 'docs', index_name: 'docs_index' });
    expect(calls[0].headers.get('authorization')).toBe('Bearer key-1');
    expect(withoutLatency(results[0])).toEqual(withoutLatency(results[1]));
    expect(results[0].items[0]).toEqual({
      id: 7,
      fields: { title: 'Seven' },
      score: 0.9,
      annScore: 0.8,
      originScore: undefined,
      additionScore: undefined,
      raw: HIT,
    });
    expect(results[0]).toMatchObject({ totalReturnCount: 1, filterMatchedCount: 12, realTextQuery: 'seven' });
    expect(results[0].raw).toEqual(SEARCH_RESULT);
  });

  it('the wire names of every search parameter (snake_case; filters, vectors and field names as given)', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/search/vector', ok(SEARCH_RESULT));
    await searchByVector(core, docs, {
      denseVector: [0.1],
      sparseVector: { Apple: 0.5 },
      filter: f.must('title', ['A']),
      outputFields: ['title'],
      advance: { denseWeight: 0.5, filterPreAnnLimit: 100, scaleK: 2 },
      tensorRerank: { tensor: [[1]], maxSimilarityAlgo: 'dot' },
      returnSchema: true,
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'docs',
      index_name: 'docs_index',
      filter: { op: 'must', field: 'title', conds: ['A'] },
      output_fields: ['title'],
      advance: { dense_weight: 0.5, filter_pre_ann_limit: 100, scale_k: 2 },
      return_schema: true,
      dense_vector: [0.1],
      sparse_vector: { Apple: 0.5 },
      tensor_rerank: { tensor: [[1]], max_similarity_algo: 'dot' },
    });
  });

  it('the wire names of multi-modal and keyword searches', async () => {
    const multiModal = answerOnce(server, '/api/vikingdb/data/search/multi_modal', ok(SEARCH_RESULT));
    await searchByMultiModal(core, docs, {
      text: 'seven',
      image: 'tos://bucket/seven.png',
      video: { value: 'tos://bucket/seven.mp4', fps: 1 },
      needInstruction: true,
      instruction: { autoFill: true },
      rerank: {
        modelName: 'm',
        modelVersion: 'v1',
        inputLimit: 50,
        scoreThreshold: 0.2,
        failStrategy: 'skip',
        timeoutMs: 800,
      },
      offset: 5,
    });
    expect(multiModal[0]!.body).toEqual({
      collection_name: 'docs',
      index_name: 'docs_index',
      offset: 5,
      text: 'seven',
      image: 'tos://bucket/seven.png',
      video: { value: 'tos://bucket/seven.mp4', fps: 1 },
      need_instruction: true,
      instruction: { auto_fill: true },
      rerank: {
        model_name: 'm',
        model_version: 'v1',
        input_limit: 50,
        score_threshold: 0.2,
        fail_strategy: 'skip',
        timeout_ms: 800,
      },
    });

    const keywords = answerOnce(server, '/api/vikingdb/data/search/keywords', ok(SEARCH_RESULT));
    await searchByKeywords(core, docs, {
      query: 'seven',
      caseSensitive: false,
      fields: ['title'],
      bm25K1: 1.2,
      bm25B: 0.75,
      mode: 'or',
      partition: 'p1',
    });
    expect(keywords[0]!.body).toEqual({
      collection_name: 'docs',
      index_name: 'docs_index',
      partition: 'p1',
      query: 'seven',
      case_sensitive: false,
      fields: ['title'],
      bm25_k1: 1.2,
      bm25_b: 0.75,
      mode: 'or',
    });
  });

  it('scalar search orders descending unless told otherwise', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/search/scalar', ok(SEARCH_RESULT));
    await searchByScalar(core, docs, { field: 'year' });
    const asc = answerOnce(server, '/api/vikingdb/data/search/scalar', ok(SEARCH_RESULT));
    await searchByScalar(core, docs, { field: 'year', order: 'asc' });
    expect(calls[0]!.body).toMatchObject({ field: 'year', order: 'desc' });
    expect(asc[0]!.body).toMatchObject({ field: 'year', order: 'asc' });
  });

  it('parameters the kit does not model yet are sent too, in snake_case (the service judges them)', async () => {
    const calls = answerOnce(server, '/api/vikingdb/data/search/multi_modal', ok(SEARCH_RESULT));
    const params = { text: 'seven', limit: 5, colourHint: 'red', advance: { scaleK: 2, speed: 'max' } };
    await searchByMultiModal(core, docs, params as never);
    expect(calls[0]!.body).toEqual({
      collection_name: 'docs',
      index_name: 'docs_index',
      limit: 5,
      colour_hint: 'red',
      advance: { scale_k: 2, speed: 'max' },
      text: 'seven',
    });
  });

  it('fetchInIndex, aggregateIndex and sortInIndex', async () => {
    const fetched = await both(
      '/api/vikingdb/data/fetch_in_index',
      ok({ fetch: [{ id: 7, fields: { title: 'Seven' }, dense_vector: [0.1], dense_dim: 1 }], ids_not_exist: [8] }),
      () => fetchInIndex(core, docs, [7, 8], { outputFields: ['title'] }),
      () => client.vector.index<Doc>('docs', 'docs_index').fetch([7, 8], { outputFields: ['title'] }),
    );
    expect(fetched.calls[0].rawBody).toBe(fetched.calls[1].rawBody);
    expect(fetched.results[0]).toMatchObject({ items: [{ id: 7, denseVector: [0.1], denseDim: 1 }], idsNotExist: [8] });

    const counted = await both(
      '/api/vikingdb/data/agg',
      ok({ agg: { '2001': 3, '2002': 4 }, op: 'count', field: 'year' }),
      () => aggregateIndex(core, docs, { field: 'year', cond: { gt: 1 } }),
      () => client.vector.index<Doc>('docs', 'docs_index').aggregate({ field: 'year', cond: { gt: 1 } }),
    );
    expect(counted.calls[0].rawBody).toBe(counted.calls[1].rawBody);
    expect(counted.results[0]).toMatchObject({ agg: { '2001': 3, '2002': 4 }, op: 'count', field: 'year' });

    const sorted = await both(
      '/api/vikingdb/data/sort',
      ok({ sort: [{ id: 7, score: 0.5 }], ids_not_exist: [] }),
      () => sortInIndex(core, docs, { ids: [7], queryVector: [0.1] }),
      () => client.vector.index<Doc>('docs', 'docs_index').sort({ ids: [7], queryVector: [0.1] }),
    );
    expect(sorted.calls[0].rawBody).toBe(sorted.calls[1].rawBody);
    expect(sorted.results[0]).toMatchObject({ items: [{ id: 7, score: 0.5 }], idsNotExist: [] });
  });

  it('accept a VikingClient as well as a core', async () => {
    answerOnce(server, '/api/vikingdb/data/search/random', ok(SEARCH_RESULT));
    const hits = await searchByRandom(
      client,
      { collection: { resource_id: 'r-1' }, index: 'docs_index' },
      { limit: 1 },
    );
    expect(hits.items).toHaveLength(1);
  });
});

describe('standalone operations check their input before sending', () => {
  const expectInvalid = (run: () => Promise<unknown>, path: string) => expectInvalidOn(server, run, path);

  it('an index reference without an index or a collection', async () => {
    await expectInvalid(() => searchByRandom(core, { collection: 'docs', index: '' }), 'indexName');
    await expectInvalid(() => searchByRandom(core, { collection: '', index: 'docs_index' }), 'collection');
    await expectInvalid(() => fetchInIndex(core, { collection: {}, index: 'docs_index' } as never, [1]), 'collection');
  });

  it('bad parameters, a bad filter and bad ids, each named by its path', async () => {
    await expectInvalid(() => searchByVector(core, docs, { denseVector: [0.1, Number.NaN] }), 'denseVector[1]');
    await expectInvalid(() => searchByMultiModal(core, docs, { text: 'x', limit: 0 }), 'limit');
    await expectInvalid(() => searchByRandom(core, docs, { limit: 2 ** 53 }), 'limit');
    await expectInvalid(() => searchByRandom(core, docs, { outputFields: ['title', 7 as never] }), 'outputFields[1]');
    await expectInvalid(() => searchByRandom(core, docs, { outputFields: 'title' as never }), 'outputFields');
    await expectInvalid(
      () => searchByVector(core, docs, { denseVector: [1], tensorRerank: { tensor: [[1], [Number.NaN]] } }),
      'tensorRerank.tensor[1]',
    );
    await expectInvalid(() => searchById(core, docs, { id: 1, advance: 'fast' as never }), 'advance');
    await expectInvalid(() => searchByMultiModal(core, docs, { limit: 1 }), '');
    await expectInvalid(
      () => searchByRandom(core, docs, { filter: { op: 'and', conds: [{ op: 'must', field: 'title' }] } as never }),
      'filter.conds[0].conds',
    );
    await expectInvalid(() => searchByKeywords(core, docs, { keywords: [] }), '');
    await expectInvalid(() => searchByScalar(core, docs, { field: '' as never }), 'field');
    await expectInvalid(() => fetchInIndex(core, docs, [1.5]), 'ids[0]');
    await expectInvalid(() => sortInIndex(core, docs, { ids: [1], queryVector: [] }), 'queryVector');
    await expectInvalid(() => aggregateIndex(core, docs, { op: '' }), 'op');
  });
});
