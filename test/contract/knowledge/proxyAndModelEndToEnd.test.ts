/**
 * End to end with every part running: the kit's knowledge client → the signing proxy (AK/SK, on node:http) → the
 * local server verifying V4 signatures, whose language model is an OpenAI-compatible server (a fake one over real
 * HTTP). Every knowledge endpoint goes through; Python-style bodies (`json.dumps` defaults: `", "` separators and
 * `\uXXXX` escapes) are signed over their exact bytes; the model's content, reasoning and usage arrive in the
 * knowledge stream; a service chat prompt carries the retrieved chunks; a client abort closes the model's upstream
 * connection (directly and through the proxy); an upstream that fails mid-stream ends the stream with an error
 * envelope, and the server keeps answering.
 */
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aksk,
  apiKey,
  collectText,
  createVikingClient,
  HttpError,
  signingProxy,
  type VikingClient,
} from '../../../src/client/index.node';
import { createNodeListener, createSigningProxy } from '../../../src/server';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import { referenceAuthorization } from '../../support/referenceSigner';
import { parseSse } from '../../support/sse';
import { chatScript, startFakeOpenAiServer, type FakeOpenAiServer } from '../../unit/server/models/fakeOpenAiServer';
import { dataUri, LIGHTHOUSE_MD, knowledgeTestConfig } from '../server/knowledgeHarness';

const KEYS = { accessKeyId: 'AKLTknowledgeE2E', secretAccessKey: 'kb-e2e-secret/with+chars==' };
const REGION = 'cn-beijing';

/** Python's `json.dumps(value)` with its defaults: `", "` and `": "` separators, every non-ASCII as `\uXXXX`. */
function pythonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonDumps(key)}: ${pythonDumps(item)}`)
      .join(', ')}}`;
  const json = JSON.stringify(value);
  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let fake: FakeOpenAiServer;
let upstream: LocalServer;
let proxyServer: Server;
let proxyUrl: string;
let client: VikingClient;
let direct: VikingClient;

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  upstream = await createLocalServer({
    port: 0,
    inMemory: true,
    log: false,
    verifySignature: KEYS,
    config: knowledgeTestConfig('.'),
    models: { llm: { url: fake.url, model: 'fake-chat' } },
  });
  const proxy = createSigningProxy({
    credentials: async () => KEYS,
    region: REGION,
    vector: { url: upstream.url },
    memory: { url: upstream.url },
  });
  proxyServer = createServer(createNodeListener(proxy));
  proxyUrl = await listen(proxyServer);
  client = createVikingClient({ auth: signingProxy(proxyUrl), retry: { maxRetries: 0 } });
  // Straight to the server, signing in the client (the same keys).
  direct = createVikingClient({ auth: aksk(KEYS), baseUrl: upstream.url, region: REGION, retry: { maxRetries: 0 } });
});

afterAll(async () => {
  proxyServer?.closeAllConnections();
  await new Promise((resolve) => proxyServer?.close(resolve));
  await upstream?.close();
  await fake?.close();
});

const kbOf = (via: VikingClient) => via.knowledge.collection({ collection_name: 'kb_test', project_name: 'default' });

async function processed(via: VikingClient, docId: string) {
  for (let i = 0; i < 300; i++) {
    const info = await kbOf(via).docs.info(docId);
    if (info.status?.processStatus === 0 || info.status?.processStatus === 1) return info;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${docId} still processing`);
}

function chatRequests() {
  return fake.requests.filter((request) => request.path === '/v1/chat/completions');
}

describe('client → signing proxy → local server (--verify-signature)', () => {
  it('refuses an unsigned knowledge request at the server itself (the check is real)', async () => {
    const response = await fetch(`${upstream.url}/api/knowledge/doc/list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ collection_name: 'kb_test' }),
    });
    expect(response.status).toBe(401);
    const unsigned = createVikingClient({ auth: apiKey('x'), baseUrl: upstream.url, retry: { maxRetries: 0 } });
    await expect(unsigned.knowledge.collection('kb_test').docs.list()).rejects.toMatchObject({ status: 401 });
  });

  it('runs every knowledge endpoint and ping through the proxy', async () => {
    expect((await client.knowledge.ping()).status).toBe(200);
    const kb = kbOf(client);
    await kb.docs.addV2({
      docId: 'lighthouse',
      docName: 'Lighthouses',
      uri: dataUri(LIGHTHOUSE_MD),
      tagList: [{ fieldName: 'category', fieldType: 'string', fieldValue: '海 sea' }],
    });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await kb.docs.add({ addType: 'url', docId: 'note', docName: 'Note', url: dataUri('# Note\n\nA short note.') });
    } finally {
      console.warn = warn;
    }
    const info = await processed(client, 'lighthouse');
    expect(info.status?.processStatus).toBe(0);
    expect(info.meta).toEqual([expect.objectContaining({ fieldName: 'category', fieldValue: '海 sea' })]);
    expect((await processed(client, 'note')).status?.processStatus).toBe(0);

    expect((await kb.docs.list()).items).toHaveLength(2);
    const page = await kb.docs.listV2({ limit: 1 });
    expect((await kb.docs.listV2({ limit: 1, nextToken: page.nextToken })).items).toHaveLength(1);
    const filtered = await kb.docs.searchByFilter({ filter: { op: 'must', field: 'category', conds: ['海 sea'] } });
    expect(filtered.items.map((doc) => doc.docId)).toEqual(['lighthouse']);
    await kb.docs.update('note', { docName: 'Short note' });
    await kb.docs.updateMeta('note', [{ fieldName: 'category', fieldType: 'string', fieldValue: 'misc' }]);
    expect((await kb.docs.info('note')).docName).toBe('Short note');

    const point = await kb.points.add({ docId: 'note', chunkType: 'text', content: 'Extra chunk about buoys.' });
    expect((await kb.points.info(point.pointId!)).content).toBe('Extra chunk about buoys.');
    await kb.points.update(point.pointId!, { content: 'Extra chunk about harbour buoys.' });
    expect((await kb.points.list({ pointIds: [point.pointId!] })).items[0]!.content).toContain('harbour');
    await kb.points.delete(point.pointId!);

    expect((await kb.search({ query: 'Fresnel lens', limit: 1 })).items[0]!.content).toContain('Fresnel');
    expect((await kb.searchKnowledge({ query: 'Fresnel lens', limit: 1 })).items[0]!.content).toContain('Fresnel');
    const rerank = await client.knowledge.rerank({
      datas: [
        { query: 'lamp', content: 'a bright lamp' },
        { query: 'lamp', content: 'tea leaves' },
      ],
    });
    expect(rerank.scores).toHaveLength(2);

    fake.chatScript = chatScript(['Hello', ' proxy']);
    const whole = await client.knowledge.chatCompletion({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(whole.generatedAnswer).toBe('Hello proxy');
    const service = await client.knowledge.serviceChat({
      serviceResourceId: 'kb_test_service',
      messages: [{ role: 'user', content: 'Who designed the Fresnel lens?' }],
    });
    expect(service.references.length).toBeGreaterThan(0);
    expect(service.generatedAnswer).toBe('Hello proxy');

    await kb.docs.delete('note');
    expect((await kb.docs.list()).items.map((doc) => doc.docId)).toEqual(['lighthouse']);
  });

  it('signs and forwards Python-style bodies byte for byte (", " separators, \\uXXXX escapes)', async () => {
    const body = pythonDumps({
      collection_name: 'kb_test',
      project: 'default',
      doc_id: 'py_doc',
      doc_name: 'Probe 报告 — 2025',
      uri: dataUri('# 灯塔\n\n灯塔的透镜由菲涅耳设计。 The lens is bright.'),
      tag_list: [{ field_name: 'category', field_type: 'string', field_value: 'h\u00e9llo 你好' }],
    });
    expect(body).toContain('"doc_name": "Probe \\u62a5\\u544a \\u2014 2025"');
    const added = await fetch(`${proxyUrl}/api/knowledge/doc/v2/add`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(added.status, await added.clone().text()).toBe(200);
    const info = await processed(client, 'py_doc');
    expect(info.docName).toBe('Probe 报告 — 2025');
    expect(info.meta).toEqual([expect.objectContaining({ fieldValue: 'héllo 你好' })]);

    const search = await fetch(`${proxyUrl}/api/knowledge/collection/search_knowledge`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: pythonDumps({ name: 'kb_test', project: 'default', query: '菲涅耳 透镜', limit: 1 }),
    });
    const found = (await search.json()) as { code: number; data: { result_list: Array<{ content: string }> } };
    expect(found.code).toBe(0);
    expect(found.data.result_list[0]!.content).toContain('菲涅耳');

    // Streamed through the proxy too, from a Python-style body.
    fake.chatScript = chatScript(['流', '式']);
    const streamed = await fetch(`${proxyUrl}/api/knowledge/service/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: pythonDumps({
        service_resource_id: 'kb_test_service',
        messages: [{ role: 'user', content: '透镜是谁设计的？' }],
        stream: true,
      }),
    });
    expect(streamed.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await streamed.text());
    const answer = events
      .map((event) =>
        event.done ? '' : String((event.envelope.data as Record<string, unknown>)['generated_answer'] ?? ''),
      )
      .join('');
    expect(answer).toBe('流式');
  });

  it('a Python-style body signed by the caller itself verifies at the server over its exact bytes', async () => {
    const body = pythonDumps({ collection_name: 'kb_test', project: 'default', doc_id: 'py_doc' });
    const xDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const contentSha = createHash('sha256').update(body).digest('hex');
    const signedHeaders: Array<[string, string]> = [
      ['content-type', 'application/json'],
      ['x-content-sha256', contentSha],
      ['x-date', xDate],
    ];
    const authorization = referenceAuthorization({
      method: 'POST',
      path: '/api/knowledge/doc/info',
      query: [],
      signedHeaders,
      body,
      ...KEYS,
      region: REGION,
      service: 'air',
      xDate,
    });
    const response = await fetch(`${upstream.url}/api/knowledge/doc/info`, {
      method: 'POST',
      headers: { ...Object.fromEntries(signedHeaders), Authorization: authorization },
      body,
    });
    const json = (await response.json()) as { code: number; data: { doc_name: string } };
    expect(response.status, JSON.stringify(json)).toBe(200);
    expect(json.data.doc_name).toBe('Probe 报告 — 2025');
    // One changed byte (a space the separator would not have) fails.
    const tampered = await fetch(`${upstream.url}/api/knowledge/doc/info`, {
      method: 'POST',
      headers: { ...Object.fromEntries(signedHeaders), Authorization: authorization },
      body: body.replace(', ', ','),
    });
    expect(tampered.status).toBe(401);
  });
});

describe('an OpenAI-compatible language model behind the knowledge chat', () => {
  it('maps content, reasoning and usage into the knowledge stream', async () => {
    fake.chatScript = chatScript(['The ', 'answer.'], { reasoning: ['Thinking ', 'hard.'] });
    const stream = await direct.knowledge.chatCompletion({
      model: 'whatever',
      messages: [{ role: 'user', content: 'question?' }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.generatedAnswer).join('')).toBe('The answer.');
    expect(chunks.map((chunk) => chunk.reasoningContent).join('')).toBe('Thinking hard.');
    expect(chunks.at(-1)!.isLast).toBe(true);
    expect(chunks.find((chunk) => chunk.usage)?.usage).toMatchObject({
      prompt_tokens: 11,
      completion_tokens: 2,
      total_tokens: 13,
    });
    const sent = chatRequests().at(-1)!.body;
    expect(sent).toMatchObject({ model: 'fake-chat', stream: true });
    expect(sent['messages']).toEqual([{ role: 'user', content: 'question?' }]);
  });

  it('service chat puts the retrieved chunks into the prompt, and streams the references first', async () => {
    fake.chatScript = chatScript(['Fresnel did.']);
    const stream = await client.knowledge.serviceChat({
      serviceResourceId: 'kb_test_service',
      messages: [{ role: 'user', content: 'Who designed the Fresnel lens?' }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const references = chunks[0]!.references!;
    expect(references.length).toBeGreaterThan(0);
    expect(chunks.map((chunk) => chunk.generatedAnswer).join('')).toBe('Fresnel did.');
    const messages = chatRequests().at(-1)!.body['messages'] as Array<{ role: string; content: string }>;
    const prompt = messages.map((message) => message.content).join('\n');
    for (const reference of references) expect(prompt).toContain(reference.content!);
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'Who designed the Fresnel lens?' });
  });

  for (const via of ['directly', 'through the proxy'] as const) {
    it(`a client abort closes the model's upstream connection (${via})`, async () => {
      fake.chatScript = [...chatScript(['one ', 'two ']).slice(0, 3), { wait: 50 }, { hang: true }];
      const before = chatRequests().length;
      const stream = await (via === 'directly' ? direct : client).knowledge.chatCompletion({
        model: 'm',
        messages: [{ role: 'user', content: 'long answer please' }],
        stream: true,
      });
      for await (const chunk of stream) {
        expect(chunk.generatedAnswer).toBe('one ');
        break;
      }
      await expect.poll(() => chatRequests().length, { timeout: 2000 }).toBe(before + 1);
      const upstreamRequest = chatRequests().at(-1)!;
      const closed = await Promise.race([
        upstreamRequest.closed.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000)),
      ]);
      expect(closed).toBe(true);
    });
  }

  it('an upstream failing mid-stream gives an error chunk (a typed error), and the server keeps answering', async () => {
    fake.chatScript = [...chatScript(['partial ']).slice(0, 2), { wait: 20 }, { destroy: true }];
    const stream = await client.knowledge.chatCompletion({
      model: 'm',
      messages: [{ role: 'user', content: 'q' }],
      stream: true,
    });
    const received: string[] = [];
    const failure = await (async () => {
      try {
        for await (const chunk of stream) received.push(chunk.generatedAnswer);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(received.join('')).toBe('partial ');
    expect(failure).toBeInstanceOf(HttpError);
    expect((failure as HttpError).code).toBe(1000028);
    expect((failure as HttpError).message).toMatch(/mid-stream/);

    fake.chatScript = chatScript(['still ', 'here']);
    expect(
      await collectText(
        await client.knowledge.chatCompletion({ model: 'm', messages: [{ role: 'user', content: 'q' }], stream: true }),
      ),
    ).toBe('still here');
    expect((await client.knowledge.ping()).status).toBe(200);
  });
});
