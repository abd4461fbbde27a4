/**
 * End to end over real HTTP: the kit's knowledge client against the local server. Every endpoint and ping with typed
 * results (doc meta parsed, processing polled through `docs.info`, both scans), streamed chat completions and service
 * chat (references on the first chunk, text collected, the `end` chunk), an abort from the client that stops the
 * server's model, and `extraBody` reaching the wire (seen in the bytes sent and in what the server did with them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey, collectText, createVikingClient, type VikingClient } from '../../../src/client/index.node';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import type { ChatModel, ChatModelEvent, ChatModelRequest } from '../../../src/server/local/llm/ChatModel';
import { dataUri, LIGHTHOUSE_MD, knowledgeTestConfig, startDocServer } from '../server/knowledgeHarness';

/** What the model was asked, and which questions it saw aborted. */
const modelCalls: ChatModelRequest[] = [];
const abortedQuestions: string[] = [];

/**
 * A model that answers from the references (`[n] title`), with a reasoning delta and usage; the question `forever`
 * streams until its signal aborts (and records that).
 */
const testModel: ChatModel = {
  kind: 'extractive',
  name: 'kit e2e model',
  async *stream(request): AsyncIterable<ChatModelEvent> {
    modelCalls.push(request);
    const question = request.messages.at(-1)?.content ?? '';
    if (question === 'forever') {
      for (let i = 0; ; i++) {
        if (request.signal?.aborted) {
          abortedQuestions.push(question);
          return;
        }
        yield { type: 'content', text: `${i} ` };
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    yield { type: 'reasoning', text: 'reading references. ' };
    yield { type: 'content', text: 'Answer: ' };
    for (const chunk of request.context ?? []) yield { type: 'content', text: `[${chunk.index}] ${chunk.content} ` };
    yield { type: 'content', text: 'done.' };
    yield { type: 'usage', usage: { promptTokens: 4, completionTokens: 5, totalTokens: 9 } };
  },
};

/** Every request body the client sent, by path. */
const sent: Array<{ path: string; body: Record<string, unknown>; headers: Headers }> = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const text = request.method === 'POST' ? await request.clone().text() : '';
  sent.push({
    path: new URL(request.url).pathname,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: request.headers,
  });
  return fetch(request);
};

let server: LocalServer;
let docs: Awaited<ReturnType<typeof startDocServer>>;
let client: VikingClient;

beforeAll(async () => {
  docs = await startDocServer();
  server = await createLocalServer({
    port: 0,
    inMemory: true,
    log: false,
    config: knowledgeTestConfig('.'),
    chatModel: testModel,
  });
  client = createVikingClient({
    auth: apiKey('unused-locally'),
    baseUrl: server.url,
    fetch: recordingFetch,
    retry: { maxRetries: 0 },
  });
});

afterAll(async () => {
  await server?.close();
  await docs?.close();
});

const kbOf = () => client.knowledge.collection({ collection_name: 'kb_test', project_name: 'default' });

/** Polls `docs.info` until the doc leaves processing (`processStatus` 0 done, 1 failed). */
async function processed(docId: string) {
  const kb = kbOf();
  for (let i = 0; i < 300; i++) {
    const info = await kb.docs.info(docId);
    const status = info.status?.processStatus;
    if (status === 0 || status === 1) return info;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${docId} still processing`);
}

function lastSent(path: string) {
  const found = sent.filter((entry) => entry.path === path).at(-1);
  if (!found) throw new Error(`nothing sent to ${path}`);
  return found;
}

describe('knowledge client → local server', () => {
  it('pings', async () => {
    const pong = await client.knowledge.ping();
    expect(pong.status).toBe(200);
  });

  it('adds documents (v2 and v1), polls them to done, and reads them back typed', async () => {
    const kb = kbOf();
    const added = await kb.docs.addV2({
      docId: 'lighthouse',
      docName: 'Lighthouses.md',
      docType: 'md',
      description: 'towers with lamps',
      uri: dataUri(LIGHTHOUSE_MD),
      tagList: [
        { fieldName: 'category', fieldType: 'string', fieldValue: 'sea' },
        { fieldName: 'year', fieldType: 'int64', fieldValue: 1822 },
      ],
    });
    expect(added.docId).toBe('lighthouse');
    expect(lastSent('/api/knowledge/doc/v2/add').body).toMatchObject({
      collection_name: 'kb_test',
      project: 'default',
      doc_id: 'lighthouse',
      tag_list: [
        { field_name: 'category', field_type: 'string', field_value: 'sea' },
        { field_name: 'year', field_type: 'int64', field_value: 1822 },
      ],
    });

    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const v1 = await kb.docs.add({
        addType: 'url',
        docId: 'tea',
        docName: 'Tea page',
        docType: 'html',
        url: `${docs.url}/page.html`,
        meta: [{ fieldName: 'category', fieldType: 'string', fieldValue: 'drinks' }],
      });
      expect(v1.docId).toBe('tea');
    } finally {
      console.warn = warn;
    }

    const info = await processed('lighthouse');
    expect(info.status?.processStatus).toBe(0);
    expect(info.docName).toBe('Lighthouses.md');
    expect(info.pointNum).toBeGreaterThan(1);
    expect(info.meta).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fieldName: 'category', fieldValue: 'sea' }),
        expect.objectContaining({ fieldName: 'year', fieldValue: 1822 }),
      ]),
    );
    expect(typeof info.metaText).toBe('string');
    expect(JSON.parse(info.metaText!)).toEqual(expect.any(Array));
    expect(info.requestId).toBeTypeOf('string');
    expect((await processed('tea')).status?.processStatus).toBe(0);
  });

  it('lists, pages, scans and filters documents; renames and re-tags one', async () => {
    const kb = kbOf();
    const list = await kb.docs.list({ limit: 10 });
    expect(list.items.map((doc) => doc.docId).sort()).toEqual(['lighthouse', 'tea']);
    expect(list.totalNum ?? list.count).toBeGreaterThanOrEqual(2);
    const one = await kb.docs.list({ filter: { docIdList: ['tea'] } });
    expect(one.items.map((doc) => doc.docId)).toEqual(['tea']);

    const page = await kb.docs.listV2({ limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.hasMore).toBe(true);
    const next = await kb.docs.listV2({ limit: 1, nextToken: page.nextToken });
    expect(next.items).toHaveLength(1);
    expect(next.items[0]!.docId).not.toBe(page.items[0]!.docId);
    const scanned: string[] = [];
    for await (const doc of kb.docs.scan({ pageSize: 1 })) scanned.push(doc.docId!);
    expect(scanned.sort()).toEqual(['lighthouse', 'tea']);

    const filtered = await kb.docs.searchByFilter({
      filter: { op: 'must', field: 'category', conds: ['sea'] },
      limit: 10,
    });
    expect(filtered.items.map((doc) => doc.docId)).toEqual(['lighthouse']);
    expect(lastSent('/api/knowledge/doc/v2/search_by_filter').body['filter']).toEqual({
      op: 'must',
      field: 'category',
      conds: ['sea'],
    });

    await kb.docs.update('tea', { docName: 'Green tea' });
    await kb.docs.updateMeta('tea', [{ fieldName: 'category', fieldType: 'string', fieldValue: 'leaves' }]);
    const tea = await kb.docs.info('tea');
    expect(tea.docName).toBe('Green tea');
    expect(tea.meta).toEqual([expect.objectContaining({ fieldName: 'category', fieldValue: 'leaves' })]);
  });

  it('adds, reads, lists, scans, updates and deletes points', async () => {
    const kb = kbOf();
    const added = await kb.points.add({
      docId: 'lighthouse',
      chunkType: 'text',
      chunkTitle: 'Keepers',
      content: 'Keepers logged the weather every four hours in a ledger.',
    });
    expect(added.pointId).toBeTypeOf('string');
    const point = await kb.points.info(added.pointId!);
    expect(point.content).toContain('ledger');
    expect(point.chunkTitle).toBe('Keepers');
    expect(point.docInfo?.docId).toBe('lighthouse');

    const page = await kb.points.list({ docIds: ['lighthouse'], limit: 2 });
    expect(page.items).toHaveLength(2);
    const all = await kb.points.list({ docIds: ['lighthouse'], limit: 100 });
    const scanned: string[] = [];
    for await (const item of kb.points.scan({ docIds: ['lighthouse'], pageSize: 2 })) scanned.push(item.pointId!);
    expect(scanned.sort()).toEqual(all.items.map((item) => item.pointId!).sort());
    expect(scanned).toContain(added.pointId);
    const byId = await kb.points.list({ pointIds: [added.pointId!] });
    expect(byId.items.map((item) => item.pointId)).toEqual([added.pointId]);

    await kb.points.update(added.pointId!, { content: 'Keepers logged the weather in a brass-bound ledger.' });
    expect((await kb.points.info(added.pointId!)).content).toContain('brass-bound');
    await kb.points.delete(added.pointId!);
    await expect(kb.points.info(added.pointId!)).rejects.toMatchObject({ name: expect.any(String) });
    expect((await kb.points.list({ pointIds: [added.pointId!] })).items).toEqual([]);
  });

  it('searches (collection/search and search_knowledge) and reranks', async () => {
    const kb = kbOf();
    const found = await kb.search({ query: 'who designed the Fresnel lens', limit: 2 });
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items[0]!.content).toContain('Fresnel');
    expect(found.items[0]!.docInfo?.docId).toBe('lighthouse');

    const knowledge = await kb.searchKnowledge({
      query: 'Fresnel lens 1822',
      limit: 3,
      queryParam: { docFilter: { op: 'must', field: 'category', conds: ['sea'] } },
      postProcessing: { rerankSwitch: true, chunkGroup: false },
    });
    expect(knowledge.items.length).toBeGreaterThan(0);
    expect(knowledge.items.every((item) => item.docInfo?.docId === 'lighthouse')).toBe(true);
    expect(knowledge.items[0]!.docInfo?.docMeta).toEqual(
      expect.arrayContaining([expect.objectContaining({ fieldName: 'category', fieldValue: 'sea' })]),
    );
    expect(lastSent('/api/knowledge/collection/search_knowledge').body).toMatchObject({
      name: 'kb_test',
      query: 'Fresnel lens 1822',
      query_param: { doc_filter: { op: 'must', field: 'category', conds: ['sea'] } },
      post_processing: { rerank_switch: true, chunk_group: false },
    });

    const rerank = await client.knowledge.rerank({
      datas: [
        { query: 'lighthouse lamp', content: 'A lighthouse has a bright lamp.', title: 'Lamp' },
        { query: 'lighthouse lamp', content: 'Green tea is steamed.' },
      ],
    });
    expect(rerank.scores).toHaveLength(2);
    expect(rerank.scores[0]!).toBeGreaterThan(rerank.scores[1]!);
  });

  it('extraBody on a knowledge search reaches the wire and the server acts on it', async () => {
    const kb = kbOf();
    const plain = await kb.searchKnowledge({ query: 'lighthouse lamp keeper Fresnel', limit: 3 });
    expect(plain.items.length).toBeGreaterThan(1);
    const limited = await kb.searchKnowledge(
      { query: 'lighthouse lamp keeper Fresnel', limit: 3 },
      { extraBody: { limit: 1, x_probe: 'kept' } },
    );
    const body = lastSent('/api/knowledge/collection/search_knowledge').body;
    expect(body['limit']).toBe(1);
    expect(body['x_probe']).toBe('kept');
    expect(limited.items).toHaveLength(1);
  });

  it('chat completion, whole and streamed (typed chunks, text collected, the end chunk)', async () => {
    const whole = await client.knowledge.chatCompletion({
      model: 'any',
      messages: [{ role: 'user', content: 'hello' }],
      returnTokenUsage: true,
    });
    expect(whole.generatedAnswer).toBe('Answer: done.');
    expect(whole.reasoningContent).toBe('reading references. ');
    expect(whole.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });

    const stream = await client.knowledge.chatCompletion({
      model: 'any',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
    });
    expect(lastSent('/api/knowledge/chat/completions').headers.get('accept')).toContain('text/event-stream');
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.generatedAnswer).join('')).toBe('Answer: done.');
    expect(chunks.map((chunk) => chunk.reasoningContent).join('')).toBe('reading references. ');
    expect(chunks.at(-1)!.isLast).toBe(true);
    expect(chunks.slice(0, -1).every((chunk) => !chunk.isLast)).toBe(true);
    expect(chunks.find((chunk) => chunk.usage)?.usage).toMatchObject({ total_tokens: 9 });

    const again = await client.knowledge.chatCompletion({
      model: 'any',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
    });
    expect(await collectText(again)).toBe('Answer: done.');
  });

  it('service chat, whole and streamed: references on the first chunk, then the answer, then end', async () => {
    const question = [{ role: 'user', content: 'Who designed the Fresnel lens?' }];
    const whole = await client.knowledge.serviceChat({ serviceResourceId: 'kb_test_service', messages: question });
    expect(whole.references.length).toBeGreaterThan(0);
    expect(whole.generatedAnswer).toContain('[1]');

    const stream = await client.knowledge.serviceChat({
      serviceResourceId: 'kb_test_service',
      messages: question,
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const references = chunks[0]!.references!;
    expect(references.length).toBeGreaterThan(0);
    expect(references[0]!.content).toContain('Fresnel');
    expect(references[0]!.docInfo?.docId).toBe('lighthouse');
    expect(chunks.slice(1).every((chunk) => chunk.references === undefined)).toBe(true);
    const text = chunks.map((chunk) => chunk.generatedAnswer).join('');
    expect(text).toMatch(/^Answer: \[1\] .*Fresnel.* done\.$/s);
    expect(chunks.at(-1)!.isLast).toBe(true);
    expect(chunks.at(-1)!.end).toBe(true);
    // The model got the same chunks the caller got as references.
    expect(modelCalls.at(-1)!.context?.[0]?.content).toBe(references[0]!.content);
  });

  it('extraBody on a streamed chat reaches the wire and the model', async () => {
    const stream = await client.knowledge.chatCompletion(
      { model: 'any', messages: [{ role: 'user', content: 'hello' }], stream: true },
      { extraBody: { max_tokens: 7, temperature: 0.25 } },
    );
    expect(await collectText(stream)).toBe('Answer: done.');
    const body = lastSent('/api/knowledge/chat/completions').body;
    expect(body).toMatchObject({ stream: true, max_tokens: 7, temperature: 0.25 });
    expect(modelCalls.at(-1)).toMatchObject({ maxTokens: 7, temperature: 0.25 });
  });

  it('breaking out of a stream stops the server model; a signal abort does too', async () => {
    abortedQuestions.length = 0;
    const forever = [{ role: 'user', content: 'forever' }];
    const stream = await client.knowledge.chatCompletion({ model: 'any', messages: forever, stream: true });
    let seen = 0;
    for await (const chunk of stream) {
      expect(chunk.generatedAnswer).toMatch(/^\d+ $/);
      if (++seen === 3) break;
    }
    await expect.poll(() => abortedQuestions.length, { timeout: 3000 }).toBe(1);

    const controller = new AbortController();
    const second = await client.knowledge.serviceChat(
      { serviceResourceId: 'kb_test_service', messages: forever, stream: true },
      { signal: controller.signal },
    );
    const reason = new Error('user pressed stop');
    await expect(
      (async () => {
        let count = 0;
        for await (const chunk of second) {
          void chunk;
          if (++count === 3) controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    await expect.poll(() => abortedQuestions.length, { timeout: 3000 }).toBe(2);
    // The server keeps answering.
    expect((await client.knowledge.ping()).status).toBe(200);
  });

  it('deletes documents, and their points go with them', async () => {
    const kb = kbOf();
    await kb.docs.delete('tea');
    await expect(kb.docs.info('tea')).rejects.toMatchObject({ status: expect.any(Number) });
    expect((await kb.points.list({ docIds: ['tea'] })).items).toEqual([]);
    expect((await kb.docs.list()).items.map((doc) => doc.docId)).toEqual(['lighthouse']);
  });
});
