/**
 * End to end: the kit's client in `signingProxy` mode → the signing proxy (AK/SK, on node:http) → the local server
 * verifying V4 signatures with the same AK/SK. Every vector and memory method goes through; a proxy holding the
 * wrong secret gets the server's 401 back, with the request id.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, createVikingClient, signingProxy, type VikingClient } from '../../../src/client/index.node';
import { createSigningProxy, createNodeListener, type SigningProxyHandler } from '../../../src/server';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';

const KEYS = { accessKeyId: 'AKLTproxyE2E', secretAccessKey: 'e2e-secret/with+chars==' };
const DIM = 1024;

function unit(i: number): number[] {
  return Array.from({ length: DIM }, (_, k) => (k === i ? 1 : 0));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let upstream: LocalServer;
let proxyServer: Server;
let proxyUrl: string;
let client: VikingClient;

beforeAll(async () => {
  upstream = await createLocalServer({ port: 0, inMemory: true, verifySignature: KEYS, log: false });
  const proxy = createSigningProxy({
    credentials: async () => KEYS,
    region: 'cn-beijing',
    vector: { url: upstream.url },
    memory: { url: upstream.url },
  });
  proxyServer = createServer(createNodeListener(proxy));
  proxyUrl = await listen(proxyServer);
  client = createVikingClient({ auth: signingProxy(proxyUrl), retry: { maxRetries: 0 } });
});

afterAll(async () => {
  proxyServer.closeAllConnections();
  await new Promise((resolve) => proxyServer.close(resolve));
  await upstream.close();
});

describe('client → signing proxy → local server (--verify-signature)', () => {
  it('refuses an unsigned request at the server itself (the check is real)', async () => {
    const response = await fetch(`${upstream.url}/api/vikingdb/data/search/random`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ collection_name: 'text', index_name: 'text_index' }),
    });
    expect(response.status).toBe(401);
  });

  it('pings both APIs through the proxy', async () => {
    expect((await client.vector.ping()).status).toBe(200);
    expect((await client.memory.ping()).status).toBe(200);
  });

  it('runs every vector method', async () => {
    const text = client.vector.collection('text', { autoId: true });
    const textIndex = client.vector.index('text', 'text_index');
    const vectors = client.vector.collection('vector', { autoId: true });
    const vectorIndex = client.vector.index('vector', 'vector_index');

    await text.upsert(
      [
        { title: 'apple', paragraph: 1, score: 1.5, text: 'apples grow on trees in the orchard' },
        { title: 'pear', paragraph: 2, score: 2.5, text: 'pears are sweet and juicy fruit' },
        { title: '中文', paragraph: 3, score: 3.5, text: '向量数据库的稀疏向量示例' },
      ],
      { requestId: 'e2e-upsert-1' },
    );
    await vectors.upsert([
      { title: 'one', paragraph: 1, score: 1, text: 'first', vector: unit(0) },
      { title: 'two', paragraph: 2, score: 2, text: 'second', vector: unit(1) },
    ]);

    const random = await textIndex.search.random({ limit: 10, outputFields: ['title', 'paragraph'] });
    expect(random.items).toHaveLength(3);
    expect(random.requestId).toBeTypeOf('string');
    const ids = random.items.map((item) => item.id);
    const appleId = random.items.find((item) => item.fields.title === 'apple')!.id;

    const fetched = await text.fetch(ids);
    expect(fetched.items).toHaveLength(3);
    await text.update([{ __AUTO_ID__: appleId, score: 9.5 }]);
    const indexFetch = await textIndex.fetch([appleId], { outputFields: ['score'] });
    expect(indexFetch.items[0]!.fields.score).toBeCloseTo(9.5);

    const multiModal = await textIndex.search.multiModal({ text: 'apple orchard', limit: 2 });
    expect(multiModal.items.length).toBeGreaterThan(0);
    const byId = await textIndex.search.id({ id: appleId, limit: 2 });
    expect(byId.items.length).toBeGreaterThan(0);
    const scalar = await textIndex.search.scalar({ field: 'paragraph', order: 'asc', limit: 3 });
    expect(scalar.items.map((item) => item.fields.paragraph)).toEqual([1, 2, 3]);
    const keywords = await textIndex.search.keywords({ keywords: ['pears'], limit: 3 });
    expect(keywords.items.length).toBeGreaterThan(0);
    const aggregate = await textIndex.aggregate({ op: 'count', field: 'title' });
    expect(Object.keys(aggregate.agg)).toHaveLength(3);

    const vectorSearch = await vectorIndex.search.vector({ denseVector: unit(1), limit: 1, outputFields: ['title'] });
    expect(vectorSearch.items[0]!.fields.title).toBe('two');
    const vectorIds = (await vectorIndex.search.random({ limit: 10 })).items.map((item) => item.id);
    const sorted = await vectorIndex.sort({ ids: vectorIds, queryVector: unit(0) });
    expect(sorted.items).toHaveLength(2);

    const embedding = await client.vector.embedding({
      denseModel: { name: 'bge-m3' },
      sparseModel: { name: 'bge-m3' },
      data: [{ text: '中文 and English' }],
    });
    expect(embedding.items[0]!.dense).toHaveLength(DIM);
    const rerank = await client.vector.rerank({
      modelName: 'doubao-seed-rerank',
      query: 'apple',
      data: ['This is an apple.', 'My name is John.'],
    });
    expect(rerank.items).toHaveLength(2);

    await text.delete({ ids: [appleId] });
    expect((await text.fetch([appleId])).idsNotExist).toEqual([appleId]);
    await vectors.delete({ all: true });
    expect((await vectorIndex.search.random({ limit: 10 })).items).toHaveLength(0);
  });

  it('runs every memory method', async () => {
    const memory = client.memory.collection('sdk_test');
    const added = await memory.addSession({
      sessionId: 'e2e-session',
      messages: [
        { role: 'user', content: 'I love green tea in the morning.' },
        { role: 'assistant', content: 'Noted: green tea in the morning.' },
      ],
      metadata: { defaultUserId: 'u1', defaultAssistantId: 'a1', time: 1735689600000 },
    });
    expect(added.sessionId).toBe('e2e-session');
    const info = await memory.sessionInfo('e2e-session');
    expect(info.messages).toHaveLength(2);
    const found = await memory.search({ query: 'tea', filter: { userId: 'u1' }, limit: 5 });
    expect(found.count).toBeGreaterThanOrEqual(0);

    const event = await memory.events.add({
      eventType: 'event_v1',
      memoryInfo: { summary: 'went hiking' },
      userId: 'u1',
      assistantId: 'a1',
    });
    expect(event.eventId).toBeTypeOf('string');
    await memory.events.update({ eventId: event.eventId!, memoryInfo: { summary: 'went hiking twice' } });
    const events = await memory.events.search({ query: 'hiking', filter: { userId: 'u1' } });
    expect(events.items.some((item) => item.id === event.eventId)).toBe(true);
    await memory.events.delete(event.eventId!);
    await memory.events.batchDelete({ filter: { userId: 'nobody' } });

    const profile = await memory.profiles.add({
      profileType: 'profile_v1',
      memoryInfo: { user_profile: 'likes tea' },
      userId: 'u2',
      assistantId: 'a1',
    });
    expect(profile.profileId).toBeTypeOf('string');
    await memory.profiles.update({ profileId: profile.profileId!, memoryInfo: { user_profile: 'likes green tea' } });
    const profiles = await memory.profiles.search({ filter: { userId: 'u2' } });
    expect(profiles.items.some((item) => item.id === profile.profileId)).toBe(true);
    await memory.profiles.triggerUpdate({ updateProfileType: 'profile_v1', filters: { userId: 'u1' } });
    await memory.profiles.delete(profile.profileId!);
    await memory.profiles.batchDelete({ filter: { userId: 'nobody' } });
  });

  it('passes the request id through both ways', async () => {
    const response = await fetch(`${proxyUrl}/api/vikingdb/data/fetch_in_collection`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tt-Logid': 'e2e-req-42' },
      body: JSON.stringify({ collection_name: 'text', ids: [123] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-tt-logid')).toBe('e2e-req-42');
    expect(((await response.json()) as { request_id: string }).request_id).toBe('e2e-req-42');
  });

  it('passes the server 401 through, with its request id, when the proxy holds a wrong secret', async () => {
    const wrong: SigningProxyHandler = createSigningProxy({
      credentials: { accessKeyId: KEYS.accessKeyId, secretAccessKey: 'not-the-secret' },
      vector: { url: upstream.url },
      memory: { url: upstream.url },
    });
    const wrongClient = createVikingClient({
      auth: signingProxy('http://localhost:8330'),
      retry: { maxRetries: 0 },
      fetch: (input, init) => wrong(new Request(input, init)),
    });
    const vectorError = await wrongClient.vector
      .index('text', 'text_index')
      .search.random({}, { requestId: 'e2e-wrong-1' })
      .catch((error: unknown) => error);
    expect(vectorError).toBeInstanceOf(AuthError);
    expect(vectorError).toMatchObject({ status: 401, requestId: 'e2e-wrong-1' });
    expect(String((vectorError as Error).message)).not.toContain('not-the-secret');

    const memoryError = await wrongClient.memory
      .collection('sdk_test')
      .search({ query: 'tea' })
      .catch((error: unknown) => error);
    expect(memoryError).toMatchObject({ status: 401, code: 1000001 });
    expect((memoryError as AuthError).requestId).toMatch(/^021\d{13}[0-9a-f]{24}$/);
  });
});
