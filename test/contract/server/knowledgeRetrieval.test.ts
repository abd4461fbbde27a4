/**
 * Knowledge points and retrieval over real HTTP: point/add|info|list|update (re-embeds)|delete, collection/search
 * and search_knowledge (hybrid dense_weight, doc_filter, limit, retrieve_count → rerank → rerank_threshold,
 * chunk_diffusion_count, chunk_group, rewrite_query, token_usage, multi-turn messages), and service/rerank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import { raw } from './harness';
import { dataUri, KB, knowledgeTestConfig, LIGHTHOUSE_MD, waitForDoc } from './knowledgeHarness';

let server: LocalServer;
let url: string;

const TEA_MD = [
  '# Tea',
  '',
  'Green tea is steamed or pan-fired soon after picking, so its leaves stay green.',
  '',
  '## Oolong',
  '',
  'Oolong tea is partly oxidised and rolled into tight balls.',
].join('\n');

beforeAll(async () => {
  server = await createLocalServer({ port: 0, inMemory: true, log: false, config: knowledgeTestConfig('.') });
  url = server.url;
  const add = (doc_id: string, text: string, category: string) =>
    raw(url, '/api/knowledge/doc/v2/add', {
      ...KB,
      doc_id,
      uri: dataUri(text),
      tag_list: [{ field_name: 'category', field_type: 'string', field_value: category }],
    });
  await add('lighthouse', LIGHTHOUSE_MD, 'sea');
  await add('tea', TEA_MD, 'food');
  await waitForDoc(url, 'lighthouse');
  await waitForDoc(url, 'tea');
});

afterAll(async () => {
  await server?.close();
});

type Hit = Record<string, unknown> & { point_id: string; content: string; doc_info: { doc_id: string } };

async function searchKnowledge(
  body: Record<string, unknown>,
): Promise<{ data: { result_list: Hit[] } & Record<string, unknown> }> {
  const answer = await raw(url, '/api/knowledge/collection/search_knowledge', { ...KB, ...body });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('points', () => {
  it('adds, reads, lists, updates (re-embedded) and deletes a point', async () => {
    const added = await raw(url, '/api/knowledge/point/add', {
      ...KB,
      doc_id: 'tea',
      chunk_type: 'text',
      chunk_title: 'Matcha',
      content: 'Matcha is stone-ground powdered green tea.',
      question: 'What is matcha?',
    });
    expect(added.status).toBe(200);
    const pointId = added.body.data.point_id as string;
    expect(added.body.data).toMatchObject({
      doc_id: 'tea',
      collection_name: 'kb_test',
      project: 'default',
      resource_id: 'kb-test-resource',
    });
    const tea = await raw(url, '/api/knowledge/point/list', { ...KB, doc_ids: ['tea'] });
    const chunkIds = tea.body.data.point_list.map((p: { chunk_id: number }) => p.chunk_id);
    expect(added.body.data.chunk_id).toBe(Math.max(...chunkIds));
    const info = await raw(url, '/api/knowledge/point/info', { ...KB, point_id: pointId });
    expect(info.body.data).toMatchObject({
      point_id: pointId,
      chunk_title: 'Matcha',
      chunk_type: 'text',
      content: 'Matcha is stone-ground powdered green tea.',
      original_question: 'What is matcha?',
      doc_info: { doc_id: 'tea', doc_name: 'document' },
    });
    const byId = await raw(url, '/api/knowledge/point/list', { ...KB, point_ids: [pointId], offset: 0, limit: 10 });
    expect(byId.body.data).toMatchObject({ count: 1, total_num: 1 });
    const before = await searchKnowledge({ query: 'zeppelin airship', limit: 1 });
    expect(before.data.result_list[0]?.point_id).not.toBe(pointId);
    await raw(url, '/api/knowledge/point/update', {
      ...KB,
      point_id: pointId,
      content: 'The zeppelin airship floats over the bay.',
    });
    const after = await searchKnowledge({ query: 'zeppelin airship', limit: 1, dense_weight: 1 });
    expect(after.data.result_list[0]).toMatchObject({
      point_id: pointId,
      chunk_title: 'Matcha',
      content: 'The zeppelin airship floats over the bay.',
    });
    expect((await raw(url, '/api/knowledge/point/delete', { ...KB, point_id: pointId })).body.code).toBe(0);
    const gone = await raw(url, '/api/knowledge/point/info', { ...KB, point_id: pointId });
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe(1002001);
  });
});

describe('collection/search and search_knowledge', () => {
  it('ranks the chunk that answers first, hybrid at any dense_weight', async () => {
    for (const dense_weight of [0, 0.5, 1]) {
      const result = await searchKnowledge({ query: 'Who designed the Fresnel lens?', limit: 2, dense_weight });
      expect(result.data.result_list[0]!.content).toContain('Augustin Fresnel designed the lens');
      expect(result.data.result_list).toHaveLength(2);
    }
    const search = await raw(url, '/api/knowledge/collection/search', {
      collection_name: 'kb_test',
      project: 'default',
      query: 'oxidised oolong',
      limit: 1,
      dense_weight: 0.5,
      rerank_switch: false,
      rerank_model: 'Doubao-pro-4k-rerank',
      rerank_only_chunk: false,
      name: 'kb_test',
    });
    expect(search.status).toBe(200);
    expect(search.body.data.result_list).toHaveLength(1);
    expect(search.body.data.result_list[0]).toMatchObject({ chunk_title: 'Tea > Oolong', doc_info: { doc_id: 'tea' } });
    expect(typeof search.body.data.result_list[0].score).toBe('number');
    // `name` alone locates the collection too (the SDK sends it; opened by resource id it sends `name: null`).
    const byName = await raw(url, '/api/knowledge/collection/search', { name: 'kb_test', query: 'oolong', limit: 1 });
    expect(byName.body.data.result_list).toHaveLength(1);
  });

  it('doc_filter narrows to docs by tag or doc_id (the vector filter DSL)', async () => {
    const sea = await searchKnowledge({
      query: 'green',
      limit: 10,
      query_param: { doc_filter: { op: 'must', field: 'category', conds: ['sea'] } },
    });
    expect(sea.data.result_list.length).toBeGreaterThan(0);
    expect(new Set(sea.data.result_list.map((hit) => hit.doc_info.doc_id))).toEqual(new Set(['lighthouse']));
    const byId = await searchKnowledge({
      query: 'green tea',
      limit: 10,
      query_param: { doc_filter: { op: 'must_not', field: 'doc_id', conds: ['tea'] } },
    });
    expect(byId.data.result_list.every((hit) => hit.doc_info.doc_id !== 'tea')).toBe(true);
  });

  it('reranks retrieve_count candidates, drops those under rerank_threshold, and reports token_usage', async () => {
    const reranked = await searchKnowledge({
      query: 'lighthouse lamp keeper',
      limit: 2,
      pre_processing: { return_token_usage: true },
      post_processing: { rerank_switch: true, retrieve_count: 5 },
    });
    const hits = reranked.data.result_list;
    expect(hits).toHaveLength(2);
    const scores = hits.map((hit) => hit['rerank_score'] as number);
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1]!);
    expect(hits.map((hit) => hit['rerank_position'])).toEqual([0, 1]);
    expect(reranked.data['token_usage']).toMatchObject({ embedding_token_usage: { total_tokens: 3 } });
    expect(reranked.data['rewrite_query']).toBe('lighthouse lamp keeper');
    const strict = await searchKnowledge({
      query: 'lighthouse lamp keeper',
      limit: 5,
      post_processing: { rerank_switch: true, rerank_threshold: 1 },
    });
    expect(strict.data.result_list).toEqual([]);
    const noUsage = await searchKnowledge({ query: 'lamp' });
    expect(noUsage.data['token_usage']).toEqual({});
  });

  it('chunk_diffusion_count adds neighbouring chunks; chunk_group orders them by document and chunk', async () => {
    const plain = await searchKnowledge({ query: 'Augustin Fresnel 1822', limit: 1 });
    const hit = plain.data.result_list[0]!;
    const diffused = await searchKnowledge({
      query: 'Augustin Fresnel 1822',
      limit: 1,
      post_processing: { chunk_diffusion_count: 1 },
    });
    const ids = diffused.data.result_list.map((item) => item['chunk_id'] as number);
    expect(diffused.data.result_list[0]!.point_id).toBe(hit.point_id);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids.slice(1)) expect(Math.abs(id - (hit['chunk_id'] as number))).toBe(1);
    const grouped = await searchKnowledge({
      query: 'green tea lamp',
      limit: 6,
      post_processing: { chunk_group: true },
    });
    const order = grouped.data.result_list.map((item) => `${item.doc_info.doc_id}:${item['chunk_id']}`);
    const docs = grouped.data.result_list.map((item) => item.doc_info.doc_id);
    expect(docs).toEqual([...docs].sort((a, b) => docs.indexOf(a) - docs.indexOf(b)));
    for (let i = 1; i < order.length; i++)
      if (docs[i] === docs[i - 1])
        expect(grouped.data.result_list[i]!['chunk_id'] as number).toBeGreaterThan(
          grouped.data.result_list[i - 1]!['chunk_id'] as number,
        );
  });

  it('uses earlier user turns of pre_processing.messages for a follow-up question', async () => {
    const alone = await searchKnowledge({ query: 'and how is it processed?', limit: 1 });
    const followUp = await searchKnowledge({
      query: 'and how is it processed?',
      limit: 1,
      pre_processing: {
        rewrite: true,
        messages: [
          { role: 'user', content: 'Tell me about green tea' },
          { role: 'assistant', content: 'Sure.' },
          { role: 'user', content: 'and how is it processed?' },
        ],
      },
    });
    expect(followUp.data['rewrite_query']).toBe('and how is it processed?'); // identity: no LLM configured
    expect(followUp.data.result_list[0]!.doc_info.doc_id).toBe('tea');
    expect(alone.data.result_list[0]?.content).not.toBe(followUp.data.result_list[0]!.content);
  });
});

describe('service/rerank', () => {
  it('scores each data item against its query, in request order, with an integer token_usage', async () => {
    const answer = await raw(url, '/api/knowledge/service/rerank', {
      datas: [
        { query: 'green tea', content: 'Green tea is steamed.', title: 'Tea' },
        { query: 'green tea', content: 'The lighthouse lamp.' },
        { query: 'green tea', content: 'Tea.', title: 'Green' },
      ],
      rerank_model: 'Doubao-pro-4k-rerank',
    });
    expect(answer.status).toBe(200);
    const { scores, token_usage } = answer.body.data;
    expect(scores).toHaveLength(3);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[1]).toBe(0);
    expect(scores[2]).toBeGreaterThan(0);
    expect(Number.isInteger(token_usage)).toBe(true);
  });
});
