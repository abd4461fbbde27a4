import { describe, expect, it } from 'vitest';
import * as kit from '../../../src/client/index';
import { apiKey, createVikingClient, createVikingCore, type VikingClient } from '../../../src/client/index';

/*
 * One way to call an operation, two ways in: every method of the object client has a standalone function of its own
 * (for `createVikingCore` and the smallest bundle), and the method is that function — the same request goes out.
 */

type Call = (core: kit.VikingCore) => unknown;
type Method = (client: VikingClient) => unknown;

const col = 'books';
const idx = { collection: col, index: 'books_index' };
const mem = { collection_name: 'mem', project_name: 'default' };
const kb = 'reports';
const rows = [{ id: 1, title: 'a' }];

/** Each method of the client's tree, by path: the standalone function's name, and both calls with the same inputs. */
const OPERATIONS: Record<string, { fn: keyof typeof kit; method: Method; standalone: Call }> = {
  'vector.collection.upsert': {
    fn: 'upsertRows',
    method: (c) => c.vector.collection(col).upsert(rows, { ttl: 5 }),
    standalone: (core) => kit.upsertRows(core, col, rows, { ttl: 5 }),
  },
  'vector.collection.update': {
    fn: 'updateRows',
    method: (c) => c.vector.collection(col).update(rows),
    standalone: (core) => kit.updateRows(core, col, rows),
  },
  'vector.collection.delete': {
    fn: 'deleteRows',
    method: (c) => c.vector.collection(col).delete({ ids: [1] }),
    standalone: (core) => kit.deleteRows(core, col, { ids: [1] }),
  },
  'vector.collection.fetch': {
    fn: 'fetchInCollection',
    method: (c) => c.vector.collection(col).fetch([1, 2]),
    standalone: (core) => kit.fetchInCollection(core, col, [1, 2]),
  },
  'vector.collection.fetchMany': {
    fn: 'fetchManyInCollection',
    method: (c) => c.vector.collection(col).fetchMany([1, 2, 3], { batchSize: 2, concurrency: 1 }),
    standalone: (core) => kit.fetchManyInCollection(core, col, [1, 2, 3], { batchSize: 2, concurrency: 1 }),
  },
  'vector.collection.upsertAll': {
    fn: 'upsertAllRows',
    method: (c) => c.vector.collection(col, { autoId: true }).upsertAll(rows, { concurrency: 1 }),
    standalone: (core) => kit.upsertAllRows(core, col, rows, { concurrency: 1, autoId: true }),
  },
  'vector.index.search.vector': {
    fn: 'searchByVector',
    method: (c) => c.vector.index(col, idx.index).search.vector({ denseVector: [1, 0], limit: 2 }),
    standalone: (core) => kit.searchByVector(core, idx, { denseVector: [1, 0], limit: 2 }),
  },
  'vector.index.search.multiModal': {
    fn: 'searchByMultiModal',
    method: (c) => c.vector.index(col, idx.index).search.multiModal({ text: 'tea' }),
    standalone: (core) => kit.searchByMultiModal(core, idx, { text: 'tea' }),
  },
  'vector.index.search.id': {
    fn: 'searchById',
    method: (c) => c.vector.index(col, idx.index).search.id({ id: 1 }),
    standalone: (core) => kit.searchById(core, idx, { id: 1 }),
  },
  'vector.index.search.byId': {
    fn: 'searchById',
    method: (c) => c.vector.index(col, idx.index).search.byId({ id: 1 }),
    standalone: (core) => kit.searchById(core, idx, { id: 1 }),
  },
  'vector.index.search.scalar': {
    fn: 'searchByScalar',
    method: (c) => c.vector.index(col, idx.index).search.scalar({ field: 'year' }),
    standalone: (core) => kit.searchByScalar(core, idx, { field: 'year' }),
  },
  'vector.index.search.keywords': {
    fn: 'searchByKeywords',
    method: (c) => c.vector.index(col, idx.index).search.keywords({ keywords: ['tea'] }),
    standalone: (core) => kit.searchByKeywords(core, idx, { keywords: ['tea'] }),
  },
  'vector.index.search.random': {
    fn: 'searchByRandom',
    method: (c) => c.vector.index(col, idx.index).search.random(),
    standalone: (core) => kit.searchByRandom(core, idx),
  },
  'vector.index.fetch': {
    fn: 'fetchInIndex',
    method: (c) => c.vector.index(col, idx.index).fetch([1]),
    standalone: (core) => kit.fetchInIndex(core, idx, [1]),
  },
  'vector.index.aggregate': {
    fn: 'aggregateIndex',
    method: (c) => c.vector.index(col, idx.index).aggregate({ field: 'year' }),
    standalone: (core) => kit.aggregateIndex(core, idx, { field: 'year' }),
  },
  'vector.index.sort': {
    fn: 'sortInIndex',
    method: (c) => c.vector.index(col, idx.index).sort({ ids: [1], queryVector: [1, 0] }),
    standalone: (core) => kit.sortInIndex(core, idx, { ids: [1], queryVector: [1, 0] }),
  },
  'vector.index.scan': {
    fn: 'scanIndex',
    method: (c) => drain(c.vector.index(col, idx.index).scan({ pageSize: 3 })),
    standalone: (core) => drain(kit.scanIndex(core, idx, { pageSize: 3 })),
  },
  'vector.embedding': {
    fn: 'embedding',
    method: (c) => c.vector.embedding({ data: [{ text: 'a' }], denseModel: { name: 'bge-m3' } }),
    standalone: (core) => kit.embedding(core, { data: [{ text: 'a' }], denseModel: { name: 'bge-m3' } }),
  },
  'vector.rerank': {
    fn: 'rerank',
    method: (c) => c.vector.rerank({ modelName: 'm', query: 'q', data: ['a'] }),
    standalone: (core) => kit.rerank(core, { modelName: 'm', query: 'q', data: ['a'] }),
  },
  'vector.ping': {
    fn: 'ping',
    method: (c) => c.vector.ping(),
    standalone: (core) => kit.ping(core, 'vector'),
  },
  'memory.collection.addSession': {
    fn: 'addSession',
    method: (c) => c.memory.collection(mem).addSession({ sessionId: 's', messages: [{ role: 'user', content: 'hi' }] }),
    standalone: (core) => kit.addSession(core, mem, { sessionId: 's', messages: [{ role: 'user', content: 'hi' }] }),
  },
  'memory.collection.sessionInfo': {
    fn: 'sessionInfo',
    method: (c) => c.memory.collection(mem).sessionInfo('s'),
    standalone: (core) => kit.sessionInfo(core, mem, 's'),
  },
  'memory.collection.search': {
    fn: 'searchMemory',
    method: (c) => c.memory.collection(mem).search({ query: 'tea' }),
    standalone: (core) => kit.searchMemory(core, mem, { query: 'tea' }),
  },
  'memory.collection.events.add': {
    fn: 'addEvent',
    method: (c) => c.memory.collection(mem).events.add({ eventType: 'e', memoryInfo: {}, userId: 'u' }),
    standalone: (core) => kit.addEvent(core, mem, { eventType: 'e', memoryInfo: {}, userId: 'u' }),
  },
  'memory.collection.events.update': {
    fn: 'updateEvent',
    method: (c) => c.memory.collection(mem).events.update({ eventId: 'e1', memoryInfo: { a: 1 } }),
    standalone: (core) => kit.updateEvent(core, mem, { eventId: 'e1', memoryInfo: { a: 1 } }),
  },
  'memory.collection.events.delete': {
    fn: 'deleteEvent',
    method: (c) => c.memory.collection(mem).events.delete('e1'),
    standalone: (core) => kit.deleteEvent(core, mem, 'e1'),
  },
  'memory.collection.events.batchDelete': {
    fn: 'batchDeleteEvents',
    method: (c) => c.memory.collection(mem).events.batchDelete({ filter: { userId: 'u' } }),
    standalone: (core) => kit.batchDeleteEvents(core, mem, { filter: { userId: 'u' } }),
  },
  'memory.collection.events.search': {
    fn: 'searchEvents',
    method: (c) => c.memory.collection(mem).events.search({ query: 'tea' }),
    standalone: (core) => kit.searchEvents(core, mem, { query: 'tea' }),
  },
  'memory.collection.profiles.add': {
    fn: 'addProfile',
    method: (c) => c.memory.collection(mem).profiles.add({ profileType: 'p', memoryInfo: {}, userId: 'u' }),
    standalone: (core) => kit.addProfile(core, mem, { profileType: 'p', memoryInfo: {}, userId: 'u' }),
  },
  'memory.collection.profiles.update': {
    fn: 'updateProfile',
    method: (c) => c.memory.collection(mem).profiles.update({ profileId: 'p1', memoryInfo: { a: 1 } }),
    standalone: (core) => kit.updateProfile(core, mem, { profileId: 'p1', memoryInfo: { a: 1 } }),
  },
  'memory.collection.profiles.delete': {
    fn: 'deleteProfile',
    method: (c) => c.memory.collection(mem).profiles.delete('p1'),
    standalone: (core) => kit.deleteProfile(core, mem, 'p1'),
  },
  'memory.collection.profiles.batchDelete': {
    fn: 'batchDeleteProfiles',
    method: (c) => c.memory.collection(mem).profiles.batchDelete({ filter: { userId: 'u' } }),
    standalone: (core) => kit.batchDeleteProfiles(core, mem, { filter: { userId: 'u' } }),
  },
  'memory.collection.profiles.triggerUpdate': {
    fn: 'triggerProfileUpdate',
    method: (c) => c.memory.collection(mem).profiles.triggerUpdate({ updateProfileType: 'p' }),
    standalone: (core) => kit.triggerProfileUpdate(core, mem, { updateProfileType: 'p' }),
  },
  'memory.collection.profiles.search': {
    fn: 'searchProfiles',
    method: (c) => c.memory.collection(mem).profiles.search({ query: 'tea' }),
    standalone: (core) => kit.searchProfiles(core, mem, { query: 'tea' }),
  },
  'memory.ping': {
    fn: 'ping',
    method: (c) => c.memory.ping(),
    standalone: (core) => kit.ping(core, 'memory'),
  },
  'knowledge.collection.docs.addV2': {
    fn: 'addDocV2',
    method: (c) => c.knowledge.collection(kb).docs.addV2({ docName: 'n', docType: 'pdf', uri: 'https://x/y.pdf' }),
    standalone: (core) => kit.addDocV2(core, kb, { docName: 'n', docType: 'pdf', uri: 'https://x/y.pdf' }),
  },
  'knowledge.collection.docs.add': {
    fn: 'addDoc',
    method: (c) => c.knowledge.collection(kb).docs.add({ addType: 'url', docId: 'd', docName: 'n', url: 'https://x' }),
    standalone: (core) => kit.addDoc(core, kb, { addType: 'url', docId: 'd', docName: 'n', url: 'https://x' }),
  },
  'knowledge.collection.docs.info': {
    fn: 'docInfo',
    method: (c) => c.knowledge.collection(kb).docs.info('d1', { returnTokenUsage: true }),
    standalone: (core) => kit.docInfo(core, kb, 'd1', { returnTokenUsage: true }),
  },
  'knowledge.collection.docs.list': {
    fn: 'listDocs',
    method: (c) => c.knowledge.collection(kb).docs.list({ offset: 0, limit: 2 }),
    standalone: (core) => kit.listDocs(core, kb, { offset: 0, limit: 2 }),
  },
  'knowledge.collection.docs.listV2': {
    fn: 'listDocsV2',
    method: (c) => c.knowledge.collection(kb).docs.listV2({ limit: 2 }),
    standalone: (core) => kit.listDocsV2(core, kb, { limit: 2 }),
  },
  'knowledge.collection.docs.searchByFilter': {
    fn: 'searchDocsByFilter',
    method: (c) => c.knowledge.collection(kb).docs.searchByFilter({ filter: { op: 'must', field: 'a', conds: [1] } }),
    standalone: (core) => kit.searchDocsByFilter(core, kb, { filter: { op: 'must', field: 'a', conds: [1] } }),
  },
  'knowledge.collection.docs.updateMeta': {
    fn: 'updateDocMeta',
    method: (c) => c.knowledge.collection(kb).docs.updateMeta('d1', [{ fieldName: 'a', fieldValue: 1 }]),
    standalone: (core) => kit.updateDocMeta(core, kb, 'd1', [{ fieldName: 'a', fieldValue: 1 }]),
  },
  'knowledge.collection.docs.update': {
    fn: 'updateDoc',
    method: (c) => c.knowledge.collection(kb).docs.update('d1', { docName: 'm' }),
    standalone: (core) => kit.updateDoc(core, kb, 'd1', { docName: 'm' }),
  },
  'knowledge.collection.docs.delete': {
    fn: 'deleteDoc',
    method: (c) => c.knowledge.collection(kb).docs.delete('d1'),
    standalone: (core) => kit.deleteDoc(core, kb, 'd1'),
  },
  'knowledge.collection.docs.scan': {
    fn: 'scanDocs',
    method: (c) => drain(c.knowledge.collection(kb).docs.scan({ pageSize: 5 })),
    standalone: (core) => drain(kit.scanDocs(core, kb, { pageSize: 5 })),
  },
  'knowledge.collection.points.add': {
    fn: 'addPoint',
    method: (c) => c.knowledge.collection(kb).points.add({ docId: 'd1', chunkType: 'text', content: 'c' }),
    standalone: (core) => kit.addPoint(core, kb, { docId: 'd1', chunkType: 'text', content: 'c' }),
  },
  'knowledge.collection.points.info': {
    fn: 'pointInfo',
    method: (c) => c.knowledge.collection(kb).points.info('p1'),
    standalone: (core) => kit.pointInfo(core, kb, 'p1'),
  },
  'knowledge.collection.points.list': {
    fn: 'listPoints',
    method: (c) => c.knowledge.collection(kb).points.list({ docIds: ['d1'] }),
    standalone: (core) => kit.listPoints(core, kb, { docIds: ['d1'] }),
  },
  'knowledge.collection.points.update': {
    fn: 'updatePoint',
    method: (c) => c.knowledge.collection(kb).points.update('p1', { content: 'new' }),
    standalone: (core) => kit.updatePoint(core, kb, 'p1', { content: 'new' }),
  },
  'knowledge.collection.points.delete': {
    fn: 'deletePoint',
    method: (c) => c.knowledge.collection(kb).points.delete('p1'),
    standalone: (core) => kit.deletePoint(core, kb, 'p1'),
  },
  'knowledge.collection.points.scan': {
    fn: 'scanPoints',
    method: (c) => drain(c.knowledge.collection(kb).points.scan({ pageSize: 5, docIds: ['d1'] })),
    standalone: (core) => drain(kit.scanPoints(core, kb, { pageSize: 5, docIds: ['d1'] })),
  },
  'knowledge.collection.search': {
    fn: 'searchKnowledgeCollection',
    method: (c) => c.knowledge.collection(kb).search({ query: 'q', limit: 3 }),
    standalone: (core) => kit.searchKnowledgeCollection(core, kb, { query: 'q', limit: 3 }),
  },
  'knowledge.collection.searchKnowledge': {
    fn: 'searchKnowledge',
    method: (c) => c.knowledge.collection(kb).searchKnowledge({ query: 'q' }),
    standalone: (core) => kit.searchKnowledge(core, kb, { query: 'q' }),
  },
  'knowledge.rerank': {
    fn: 'rerankKnowledge',
    method: (c) => c.knowledge.rerank({ datas: [{ query: 'q', content: 'c' }] }),
    standalone: (core) => kit.rerankKnowledge(core, { datas: [{ query: 'q', content: 'c' }] }),
  },
  'knowledge.chatCompletion': {
    fn: 'chatCompletion',
    method: (c) => c.knowledge.chatCompletion({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    standalone: (core) => kit.chatCompletion(core, { model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
  },
  'knowledge.serviceChat': {
    fn: 'serviceChat',
    method: (c) => c.knowledge.serviceChat({ serviceResourceId: 's', messages: [{ role: 'user', content: 'hi' }] }),
    standalone: (core) =>
      kit.serviceChat(core, { serviceResourceId: 's', messages: [{ role: 'user', content: 'hi' }] }),
  },
  'knowledge.ping': {
    fn: 'ping',
    method: (c) => c.knowledge.ping(),
    standalone: (core) => kit.ping(core, 'knowledge'),
  },
};

async function drain(items: AsyncIterable<unknown>) {
  for await (const _item of items);
}

/** Every method path of the client's tree; the factories (`collection`, `index`) are called to reach their methods. */
function methodPaths(client: VikingClient): string[] {
  const paths: string[] = [];
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix + key;
      // Not operations: the core's transport, the client's resolved `info`, and each object's wire `locator`.
      if (path === 'transport' || path === 'info' || key === 'locator') continue;
      if (typeof value === 'function') {
        if (key === 'collection') walk((value as (l: string) => object)('c'), `${path}.`);
        else if (key === 'index') walk((value as (c: string, i: string) => object)('c', 'i'), `${path}.`);
        else paths.push(path);
      } else if (value && typeof value === 'object') {
        walk(value as object, `${path}.`);
      }
    }
  };
  walk(client, '');
  return paths.sort();
}

/** A client and a core on one fetch that records each request and answers an empty success. */
function recording() {
  const sent: Array<{ method: string; url: string; body: string }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, body: await request.text() });
    const vector = new URL(request.url).pathname.startsWith('/api/vikingdb');
    return Response.json(
      vector ? { code: 'Success', request_id: 'r', result: {} } : { code: 0, request_id: 'r', data: {} },
    );
  };
  const options = { baseUrl: 'http://kit.test', auth: apiKey('k'), fetch, retry: { maxRetries: 0 } };
  return { sent, client: createVikingClient(options), core: createVikingCore(options) };
}

describe('every client method has its standalone function', () => {
  it('the name map covers the whole method tree, and each name is an exported function', () => {
    const { client } = recording();
    expect(methodPaths(client)).toEqual(Object.keys(OPERATIONS).sort());
    for (const { fn } of Object.values(OPERATIONS)) expect(typeof kit[fn], fn).toBe('function');
  });

  for (const [path, operation] of Object.entries(OPERATIONS)) {
    it(`${path} sends what ${operation.fn}(core, …) sends`, async () => {
      const viaMethod = recording();
      const viaFunction = recording();
      const outcome = (run: () => unknown) =>
        Promise.resolve()
          .then(run)
          .then(
            () => 'resolved',
            (error: unknown) => `rejected: ${String(error)}`,
          );
      const methodOutcome = await outcome(() => operation.method(viaMethod.client));
      const functionOutcome = await outcome(() => operation.standalone(viaFunction.core));
      expect(viaMethod.sent.length, 'requests sent').toBeGreaterThan(0);
      expect(viaFunction.sent).toEqual(viaMethod.sent);
      expect(functionOutcome).toBe(methodOutcome);
    });
  }
});
