import { describe, expect, it, vi } from 'vitest';
import {
  aksk,
  AuthError,
  createVikingClient,
  HttpError,
  NotFoundError,
  searchKnowledge,
  createVikingCore,
} from '../../../../src/client/index.node';
import { expectInvalid } from '../../../support/expectInvalid';
import { answerOnce } from '../../../support/recordCall';
import { startMswServer } from '../../../support/mswServer';
import { http, HttpResponse } from 'msw';

const server = startMswServer();
const BASE = 'http://vikingdb.test';
const client = createVikingClient({
  baseUrl: BASE,
  auth: aksk({ accessKeyId: 'AKLTkb', secretAccessKey: 'kb-secret' }),
});
const ok = (data: unknown, request_id = 'r1') => ({ code: 0, message: 'success', request_id, data });
const kb = client.knowledge.collection({ collection_name: 'financial_reports', project_name: 'default' });
const byName = client.knowledge.collection('financial_reports');
const byId = client.knowledge.collection({ resource_id: 'kb-123' });
const LOCATOR = { collection_name: 'financial_reports', project: 'default' };

/** A DocInfo as the service sends it: `meta` is a JSON string, times may be numeric strings. */
const DOC = {
  collection_name: 'financial_reports',
  doc_id: 'doc_001',
  doc_name: 'Q3 report',
  doc_type: 'pdf',
  create_time: '1735689600000',
  update_time: 1735689600001,
  point_num: 12,
  status: { process_status: 0, failed_code: 0, failed_msg: '' },
  meta: '[{"field_name":"category","field_type":"string","field_value":"financial_report"}]',
  labels: { source: 'upload' },
  brand_new_field: { kept: true },
};

/** A PointInfo as the service sends it. */
const POINT = {
  collection_name: 'financial_reports',
  point_id: 'p_1',
  chunk_id: '7',
  chunk_type: 'text',
  chunk_title: 'Revenue',
  content: 'Revenue grew 12%.',
  score: 0.91,
  rerank_score: 0.8,
  doc_info: { doc_id: 'doc_001', doc_name: 'Q3 report', create_time: 1, doc_meta: '[{"field_name":"year"}]' },
  chunk_attachment: [{ uuid: 'u1', link: 'https://x/y.png', info_link: 'i', column_name: 'c' }],
  table_chunk_fields: [{ field_name: 'col', field_value: 3 }],
};

function expectSignedForAir(call: { method: string; headers: Headers } | undefined) {
  expect(call?.headers.get('authorization')).toMatch(
    /^HMAC-SHA256 Credential=AKLTkb\/\d{8}\/cn-beijing\/air\/request, /,
  );
}

describe('knowledge documents: exact wire bodies and parsed results', () => {
  it('doc/v2/add sends the locator then the caller’s keys in snake_case (tag items too), signed for air', async () => {
    const calls = answerOnce(
      server,
      '/api/knowledge/doc/v2/add',
      ok({ collection_name: 'financial_reports', doc_id: 'doc_001', task_id: '42', dedup_info: { skip: false } }),
    );
    const result = await kb.docs.addV2({
      docId: 'doc_001',
      docName: 'Q3 report',
      docType: 'pdf',
      description: 'third quarter',
      tagList: [{ fieldName: 'category', fieldType: 'string', fieldValue: 'financial_report' }],
      uri: 'https://example.com/q3.pdf',
    });
    expectSignedForAir(calls[0]);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.rawBody).toBe(
      JSON.stringify({
        ...LOCATOR,
        doc_id: 'doc_001',
        doc_name: 'Q3 report',
        doc_type: 'pdf',
        description: 'third quarter',
        tag_list: [{ field_name: 'category', field_type: 'string', field_value: 'financial_report' }],
        uri: 'https://example.com/q3.pdf',
      }),
    );
    expect(result).toMatchObject({ docId: 'doc_001', taskId: 42, dedupInfo: { skip: false, sameDocIds: [] } });
    expect(result.requestId).toBe('r1');
  });

  it('doc/add (v1) converts dedup and meta, warns once that it is deprecated', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const calls = answerOnce(server, '/api/knowledge/doc/add', ok({ doc_id: 'd1' }));
    await byName.docs.add({
      addType: 'url',
      docId: 'd1',
      docName: 'page',
      docType: 'html',
      url: 'https://example.com',
      meta: [{ fieldName: 'year', fieldType: 'int64', fieldValue: 2025 }],
      dedup: { contentDedup: true, autoSkip: true },
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'financial_reports',
      add_type: 'url',
      doc_id: 'd1',
      doc_name: 'page',
      doc_type: 'html',
      url: 'https://example.com',
      meta: [{ field_name: 'year', field_type: 'int64', field_value: 2025 }],
      dedup: { content_dedup: true, auto_skip: true },
    });
    answerOnce(server, '/api/knowledge/doc/add', ok({ doc_id: 'd2' }));
    await byName.docs.add({ addType: 'url', url: 'https://example.com/2' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/deprecated.*addV2/);
    warn.mockRestore();
  });

  it('doc/info parses DocInfo: meta string exposed parsed (raw kept), numeric strings, unknown keys in raw', async () => {
    const calls = answerOnce(server, '/api/knowledge/doc/info', ok(DOC));
    const doc = await kb.docs.info('doc_001', { returnTokenUsage: true });
    expect(calls[0]!.body).toEqual({ ...LOCATOR, doc_id: 'doc_001', return_token_usage: true });
    expect(doc).toMatchObject({
      docId: 'doc_001',
      docName: 'Q3 report',
      createTime: 1735689600000,
      updateTime: 1735689600001,
      pointNum: 12,
      status: { processStatus: 0, failedCode: 0, failedMsg: '' },
      meta: [{ fieldName: 'category', fieldType: 'string', fieldValue: 'financial_report' }],
      metaText: DOC.meta,
      labels: { source: 'upload' },
      requestId: 'r1',
    });
    expect(doc.raw['brand_new_field']).toEqual({ kept: true });
  });

  it('doc/info without flags sends only the locator and doc_id; result wins over data', async () => {
    const calls = answerOnce(server, '/api/knowledge/doc/info', {
      ...ok({ doc_id: 'from-data' }),
      result: { doc_id: 'from-result' },
    });
    const doc = await byId.docs.info('x');
    expect(calls[0]!.body).toEqual({ resource_id: 'kb-123', doc_id: 'x' });
    expect(doc.docId).toBe('from-result');
  });

  it('doc/list: filter keys converted, counts read from data or from the envelope', async () => {
    const calls = answerOnce(server, '/api/knowledge/doc/list', {
      ...ok({ doc_list: [DOC] }),
      count: 1,
      total_num: 9,
    });
    const page = await kb.docs.list({
      offset: 0,
      limit: 10,
      filter: { docIdList: ['doc_001'] },
      returnTokenUsage: true,
    });
    expect(calls[0]!.body).toEqual({
      ...LOCATOR,
      offset: 0,
      limit: 10,
      filter: { doc_id_list: ['doc_001'] },
      return_token_usage: true,
    });
    expect(page).toMatchObject({ count: 1, totalNum: 9 });
    expect(page.items[0]!.meta[0]!.fieldName).toBe('category');

    answerOnce(server, '/api/knowledge/doc/list', ok({ doc_list: [], count: '0', total_num: 3 }));
    expect(await kb.docs.list()).toMatchObject({ items: [], count: 0, totalNum: 3 });
  });

  it('doc/v2/list: cursor fields; an empty request sends only the locator', async () => {
    const calls = answerOnce(
      server,
      '/api/knowledge/doc/v2/list',
      ok({ doc_list: [DOC], count: 1, total_num: 2, has_more: true, next_token: 'tok-2' }),
    );
    const page = await kb.docs.listV2();
    expect(calls[0]!.body).toEqual(LOCATOR);
    expect(page).toMatchObject({ hasMore: true, nextToken: 'tok-2', count: 1, totalNum: 2 });
  });

  it('docs.scan follows the v2 cursor until has_more is false', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${BASE}/api/knowledge/doc/v2/list`, async ({ request }) => {
        const body = (await request.json()) as { next_token?: string };
        bodies.push(body);
        return HttpResponse.json(
          body.next_token === undefined
            ? ok({ doc_list: [{ doc_id: 'a' }, { doc_id: 'b' }], has_more: true, next_token: 'n1' })
            : ok({ doc_list: [{ doc_id: 'c' }], has_more: false, next_token: '' }),
        );
      }),
    );
    const ids: Array<string | undefined> = [];
    for await (const doc of kb.docs.scan({ pageSize: 2 })) ids.push(doc.docId);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(bodies).toEqual([
      { ...LOCATOR, limit: 2 },
      { ...LOCATOR, limit: 2, next_token: 'n1' },
    ]);
  });

  it('doc/v2/search_by_filter passes the filter DSL untouched', async () => {
    const filter = { op: 'must', field: 'category', conds: ['financial_report'] };
    const calls = answerOnce(server, '/api/knowledge/doc/v2/search_by_filter', ok({ doc_list: [DOC], count: 1 }));
    const page = await kb.docs.searchByFilter({ filter, limit: 5 });
    expect(calls[0]!.body).toEqual({ ...LOCATOR, filter, limit: 5 });
    expect(page.items).toHaveLength(1);
  });

  it('doc/update_meta, doc/update and doc/delete', async () => {
    let calls = answerOnce(server, '/api/knowledge/doc/update_meta', ok(null));
    const meta = await kb.docs.updateMeta('doc_001', [{ fieldName: 'note', fieldType: 'string', fieldValue: 'x' }]);
    expect(calls[0]!.body).toEqual({
      ...LOCATOR,
      doc_id: 'doc_001',
      meta: [{ field_name: 'note', field_type: 'string', field_value: 'x' }],
    });
    expect(meta).toMatchObject({ requestId: 'r1', data: null });

    calls = answerOnce(server, '/api/knowledge/doc/update', ok({}));
    await kb.docs.update('doc_001', { docName: 'Renamed' });
    expect(calls[0]!.body).toEqual({ ...LOCATOR, doc_id: 'doc_001', doc_name: 'Renamed' });

    calls = answerOnce(server, '/api/knowledge/doc/delete', ok({}));
    await kb.docs.delete('doc_001');
    expect(calls[0]!.body).toEqual({ ...LOCATOR, doc_id: 'doc_001' });
  });
});

describe('knowledge points: exact wire bodies and parsed results', () => {
  it('point/add returns the point id and chunk id', async () => {
    const calls = answerOnce(
      server,
      '/api/knowledge/point/add',
      ok({ collection_name: 'financial_reports', doc_id: 'doc_001', chunk_id: 3, point_id: 'p_3' }),
    );
    const added = await kb.points.add({
      docId: 'doc_001',
      chunkType: 'text',
      chunkTitle: 'Title',
      content: 'Body',
      question: 'Q?',
      fields: [{ fieldName: 'col', fieldType: 'string', fieldValue: 'v' }],
    });
    expect(calls[0]!.body).toEqual({
      ...LOCATOR,
      doc_id: 'doc_001',
      chunk_type: 'text',
      chunk_title: 'Title',
      content: 'Body',
      question: 'Q?',
      fields: [{ field_name: 'col', field_type: 'string', field_value: 'v' }],
    });
    expect(added).toMatchObject({ pointId: 'p_3', chunkId: 3, docId: 'doc_001' });
  });

  it('point/info parses PointInfo (numeric chunk_id string, doc_info meta string, attachments)', async () => {
    const calls = answerOnce(server, '/api/knowledge/point/info', ok(POINT));
    const point = await kb.points.info('p_1', { getAttachmentLink: true });
    expect(calls[0]!.body).toEqual({ ...LOCATOR, point_id: 'p_1', get_attachment_link: true });
    expect(point).toMatchObject({
      pointId: 'p_1',
      chunkId: 7,
      score: 0.91,
      rerankScore: 0.8,
      docInfo: { docId: 'doc_001', docMeta: [{ fieldName: 'year' }], docMetaText: '[{"field_name":"year"}]' },
      chunkAttachment: [{ uuid: 'u1', link: 'https://x/y.png', infoLink: 'i', columnName: 'c' }],
      tableChunkFields: [{ fieldName: 'col', fieldValue: 3 }],
    });
  });

  it('point/list: counts inside data; update and delete', async () => {
    let calls = answerOnce(server, '/api/knowledge/point/list', ok({ point_list: [POINT], count: 1, total_num: 1 }));
    const page = await kb.points.list({ offset: 0, limit: 10, docIds: ['doc_001'], getAttachmentLink: false });
    expect(calls[0]!.body).toEqual({
      ...LOCATOR,
      offset: 0,
      limit: 10,
      doc_ids: ['doc_001'],
      get_attachment_link: false,
    });
    expect(page).toMatchObject({ count: 1, totalNum: 1, items: [{ pointId: 'p_1' }] });

    calls = answerOnce(server, '/api/knowledge/point/update', ok({}));
    await kb.points.update('p_1', { chunkTitle: 'New', content: 'New body' });
    expect(calls[0]!.body).toEqual({ ...LOCATOR, point_id: 'p_1', chunk_title: 'New', content: 'New body' });

    calls = answerOnce(server, '/api/knowledge/point/delete', ok({}));
    await kb.points.delete('p_1');
    expect(calls[0]!.body).toEqual({ ...LOCATOR, point_id: 'p_1' });
  });

  it('points.scan pages by offset until a short page', async () => {
    const offsets: number[] = [];
    server.use(
      http.post(`${BASE}/api/knowledge/point/list`, async ({ request }) => {
        const body = (await request.json()) as { offset: number; doc_ids: string[] };
        offsets.push(body.offset);
        expect(body.doc_ids).toEqual(['d']);
        const n = body.offset === 0 ? 2 : 1;
        return HttpResponse.json(
          ok({ point_list: Array.from({ length: n }, (_, i) => ({ point_id: `p${body.offset + i}` })) }),
        );
      }),
    );
    const ids: Array<string | undefined> = [];
    for await (const point of kb.points.scan({ pageSize: 2, docIds: ['d'] })) ids.push(point.pointId);
    expect(ids).toEqual(['p0', 'p1', 'p2']);
    expect(offsets).toEqual([0, 2]);
  });
});

describe('knowledge retrieval, rerank, chat and ping', () => {
  it('collection/search sends only what was set (no SDK defaults), query_param keys converted, filter untouched, name last', async () => {
    const docFilter = { op: 'must', field: 'doc_id', conds: ['doc_001'] };
    const calls = answerOnce(server, '/api/knowledge/collection/search', ok({ result_list: [POINT] }));
    const result = await kb.search({
      query: 'revenue',
      limit: 5,
      queryParam: { docFilter },
      rerankSwitch: true,
      retrieveCount: 20,
    });
    expect(calls[0]!.rawBody).toBe(
      JSON.stringify({
        ...LOCATOR,
        query: 'revenue',
        limit: 5,
        query_param: { doc_filter: docFilter },
        rerank_switch: true,
        retrieve_count: 20,
        name: 'financial_reports',
      }),
    );
    expect(result.items[0]).toMatchObject({ pointId: 'p_1', chunkId: 7 });
  });

  it('collection/search_knowledge converts pre/post processing keys; by resource id sends no name', async () => {
    const calls = answerOnce(
      server,
      '/api/knowledge/collection/search_knowledge',
      ok({ count: 1, rewrite_query: 'revenue 2025', token_usage: { total: 3 }, result_list: [POINT] }),
    );
    const result = await byId.searchKnowledge({
      query: 'revenue',
      limit: 3,
      preProcessing: { needInstruction: true, rewrite: true, messages: [{ role: 'user', content: 'revenue?' }] },
      postProcessing: { rerankSwitch: true, chunkGroup: true, retrieveCount: 25 },
    });
    expect(calls[0]!.body).toEqual({
      resource_id: 'kb-123',
      query: 'revenue',
      limit: 3,
      pre_processing: { need_instruction: true, rewrite: true, messages: [{ role: 'user', content: 'revenue?' }] },
      post_processing: { rerank_switch: true, chunk_group: true, retrieve_count: 25 },
    });
    expect(result).toMatchObject({ count: 1, rewriteQuery: 'revenue 2025', tokenUsage: { total: 3 } });
    expect(result.items).toHaveLength(1);

    answerOnce(server, '/api/knowledge/collection/search_knowledge', ok({}));
    expect(await byId.searchKnowledge({ query: 'x' })).toMatchObject({ items: [], tokenUsage: {} });
  });

  it('the standalone searchKnowledge on a core sends the same body', async () => {
    const core = createVikingCore({ baseUrl: BASE, auth: aksk({ accessKeyId: 'AKLTkb', secretAccessKey: 's' }) });
    const calls = answerOnce(server, '/api/knowledge/collection/search_knowledge', ok({ result_list: [] }));
    await searchKnowledge(core, 'financial_reports', { query: 'q' });
    expect(calls[0]!.body).toEqual({ collection_name: 'financial_reports', query: 'q', name: 'financial_reports' });
  });

  it('service/rerank: no locator, only the set keys; scores and int token usage', async () => {
    const calls = answerOnce(server, '/api/knowledge/service/rerank', ok({ scores: [0.9, 0.1], token_usage: 12 }));
    const result = await client.knowledge.rerank({
      datas: [
        { query: 'q', content: 'a', title: 't' },
        { query: 'q', content: 'b' },
      ],
      rerankModel: 'm3-v2-rerank',
      rerankInstruction: 'be strict',
    });
    expect(calls[0]!.body).toEqual({
      datas: [
        { query: 'q', content: 'a', title: 't' },
        { query: 'q', content: 'b' },
      ],
      rerank_model: 'm3-v2-rerank',
      rerank_instruction: 'be strict',
    });
    expect(result).toMatchObject({ scores: [0.9, 0.1], tokenUsage: 12 });
  });

  it('chat/completions (not streamed): usage string exposed parsed, text kept', async () => {
    const calls = answerOnce(
      server,
      '/api/knowledge/chat/completions',
      ok({
        generated_answer: 'Revenue grew.',
        reasoning_content: 'look at Q3',
        usage: '{"prompt_tokens": 5, "total_tokens": 9}',
        finish_reason: 'stop',
        model: 'Doubao-1-5-pro-32k',
      }),
    );
    const result = await client.knowledge.chatCompletion({
      model: 'Doubao-1-5-pro-32k',
      messages: [{ role: 'user', content: 'How did revenue change?' }],
      maxTokens: 512,
      temperature: 0.2,
      thinking: { type: 'disabled' },
      returnTokenUsage: true,
    });
    expect(calls[0]!.headers.get('accept')).toBe('application/json');
    expect(calls[0]!.body).toEqual({
      model: 'Doubao-1-5-pro-32k',
      messages: [{ role: 'user', content: 'How did revenue change?' }],
      max_tokens: 512,
      temperature: 0.2,
      thinking: { type: 'disabled' },
      return_token_usage: true,
    });
    expect(result).toMatchObject({
      generatedAnswer: 'Revenue grew.',
      reasoningContent: 'look at Q3',
      usage: { prompt_tokens: 5, total_tokens: 9 },
      usageText: '{"prompt_tokens": 5, "total_tokens": 9}',
      finishReason: 'stop',
    });
  });

  it('service/chat (not streamed): references from result_list', async () => {
    const calls = answerOnce(
      server,
      '/api/knowledge/service/chat',
      ok({
        count: 1,
        generated_answer: 'See the report.',
        result_list: [{ ...POINT, id: 'ref-1', recall_position: 1, rerank_position: 2 }],
        end: true,
      }),
    );
    const result = await client.knowledge.serviceChat({
      serviceResourceId: 'kb-service-1',
      messages: [{ role: 'user', content: 'revenue?' }],
      queryParam: { docFilter: { op: 'must', field: 'doc_id', conds: ['a'] } },
    });
    expect(calls[0]!.body).toEqual({
      service_resource_id: 'kb-service-1',
      messages: [{ role: 'user', content: 'revenue?' }],
      query_param: { doc_filter: { op: 'must', field: 'doc_id', conds: ['a'] } },
      // The service streams service/chat by default: a call for one answer says stream: false.
      stream: false,
    });
    expect(result).toMatchObject({
      generatedAnswer: 'See the report.',
      count: 1,
      end: true,
      references: [{ id: 'ref-1', pointId: 'p_1', recallPosition: 1, rerankPosition: 2 }],
    });
  });

  it('a service chat answer that is not a JSON object (a stream) is error 1000028, never an empty result', async () => {
    server.use(
      http.post(
        `${BASE}/api/knowledge/service/chat`,
        () =>
          new HttpResponse('data: {"code": 0, "data": {"generated_answer": "x"}}\n\n', {
            headers: { 'Content-Type': 'text/event-stream', 'X-Tt-Logid': 'sse-1' },
          }),
      ),
    );
    const sse = await client.knowledge
      .serviceChat({ serviceResourceId: 's', messages: [{ role: 'user', content: 'q' }] })
      .catch((error: unknown) => error);
    expect(sse).toBeInstanceOf(HttpError);
    expect(sse).toMatchObject({ code: 1000028 });
    expect((sse as Error).message).toContain('not a JSON object: data: {"code": 0');
  });

  it('GET /ping on the knowledge host, signed for air', async () => {
    const calls = answerOnce(server, '/ping', { ok: true });
    const pong = await client.knowledge.ping();
    expect(calls[0]!.method).toBe('GET');
    expectSignedForAir(calls[0]);
    expect(pong.status).toBe(200);
  });

  it('knowledge calls go to the memory host by default (same host, service air)', async () => {
    const hosted = createVikingClient({
      auth: aksk({ accessKeyId: 'AKLTkb', secretAccessKey: 's' }),
      region: 'cn-shanghai',
    });
    const seen: Request[] = [];
    server.use(
      http.all(/.*/, ({ request }) => {
        seen.push(request);
        return HttpResponse.json(ok({}));
      }),
    );
    await hosted.knowledge.collection('c').docs.delete('d');
    expect(seen[0]!.url).toBe('https://api-knowledgebase.mlp.cn-shanghai.volces.com/api/knowledge/doc/delete');
    expect(seen[0]!.headers.get('authorization')).toMatch(/\/cn-shanghai\/air\/request/);
  });
});

describe('knowledge errors parse into the error tree', () => {
  it('flat envelope with a knowledge code: class by status, integer code, message, request id', async () => {
    answerOnce(
      server,
      '/api/knowledge/doc/info',
      { code: 1001001, message: 'doc not exist', request_id: 'req-404' },
      404,
    );
    const error = await kb.docs.info('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 1001001, serviceMessage: 'doc not exist', requestId: 'req-404', status: 404 });
    expect((error as NotFoundError).hint).toBeTruthy();
  });

  it('legacy ResponseMetadata envelope and 401 with 1000001 (hint names service air)', async () => {
    answerOnce(
      server,
      '/api/knowledge/collection/search',
      { ResponseMetadata: { RequestId: 'req-401', Error: { Code: 1000001, Message: 'unauthorized' } } },
      401,
    );
    const error = await kb.search({ query: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 1000001, requestId: 'req-401' });
    expect((error as AuthError).hint).toMatch(/"air"/);
  });

  it('400 with 1000003 is an HttpError carrying the code', async () => {
    answerOnce(server, '/api/knowledge/point/add', { code: 1000003, message: 'invalid request', request_id: 'r' }, 400);
    const error = await kb.points.add({ docId: 'd', chunkType: 'text' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 1000003, status: 400 });
  });
});

describe('knowledge request validation: a clear error naming the field, nothing sent', () => {
  it('required fields and types', async () => {
    await expectInvalid(server, () => kb.docs.add({ addType: '' }), 'addType');
    await expectInvalid(server, () => kb.docs.info(''), 'docId');
    await expectInvalid(server, () => kb.points.delete(''), 'pointId');
    await expectInvalid(server, () => kb.docs.info('d', { returnTokenUsage: 'yes' as never }), 'returnTokenUsage');
    await expectInvalid(
      server,
      () => kb.docs.addV2({ tagList: [{ field_name: 'x' } as never] }),
      'tagList[0]',
      /fieldName/,
    );
    await expectInvalid(server, () => kb.docs.searchByFilter({ filter: 'x' as never }), 'filter');
    await expectInvalid(server, () => kb.points.add({ docId: 'd' } as never), 'chunkType');
    await expectInvalid(server, () => kb.points.list({ limit: 1.5 }), 'limit');
    await expectInvalid(server, () => kb.search({ query: 3 as never }), 'query');
    await expectInvalid(
      server,
      () => client.knowledge.chatCompletion({ model: 'm', messages: [{ content: 'x' } as never] }),
      'messages[0]',
    );
    await expectInvalid(server, () => client.knowledge.serviceChat({ messages: [] } as never), 'serviceResourceId');
  });

  it('rerank refuses more than 50 items (as the service does)', async () => {
    const datas = Array.from({ length: 51 }, (_, i) => ({ query: 'q', content: String(i) }));
    await expectInvalid(server, () => client.knowledge.rerank({ datas }), 'datas', /at most 50/);
  });

  it('a locator without a name or resource id is refused before any call', () => {
    expect(() => client.knowledge.collection({ project_name: 'p' } as never)).toThrow(/collection/);
  });
});
