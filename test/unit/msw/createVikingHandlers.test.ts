import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVikingHandlers } from '../../../src/msw';

const BASE = 'http://vikingdb.local';
const server = setupServer(...createVikingHandlers({ baseUrl: BASE, seed: 'demo' }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('createVikingHandlers', () => {
  it('answers what the engine answers, echoing X-Tt-Logid', async () => {
    const { response, body } = await post(
      '/api/vikingdb/data/search/scalar',
      { collection_name: 'demo_docs', index_name: 'demo_docs_index', field: 'year', limit: 2 },
      { 'X-Tt-Logid': 'my-id' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-tt-logid')).toBe('my-id');
    expect(body).toMatchObject({ code: 'Success', request_id: 'my-id', api: 'SearchByScalar' });
    expect((body['result'] as { data: unknown[] }).data).toHaveLength(2);
  });

  it('generates a request id when none is sent and returns errors with their status', async () => {
    const { response, body } = await post('/api/vikingdb/data/upsert', { collection_name: 'nope', data: [{}] });
    expect(response.status).toBe(404);
    expect(body['code']).toBe('NotFound.VikingdbCollection');
    expect(typeof body['request_id']).toBe('string');
    expect(response.headers.get('x-tt-logid')).toBe(body['request_id']);
  });

  it('serves ping paths and memory paths', async () => {
    for (const path of ['/api/vikingdb/Ping', '/api/memory/ping', '/ping']) {
      expect((await fetch(`${BASE}${path}`)).status, path).toBe(200);
    }
    const { body } = await post('/api/memory/search', {
      collection_name: 'demo_memory',
      project_name: 'default',
      query: 'tea',
    });
    expect(body['code']).toBe(0);
    expect((body['data'] as { count: number }).count).toBeGreaterThan(0);
  });

  it('keeps state between requests (one lazily created engine)', async () => {
    await post('/api/vikingdb/data/upsert', {
      collection_name: 'vector',
      data: [{ title: 'x', vector: Array.from({ length: 1024 }, (_, i) => (i === 0 ? 1 : 0)) }],
    });
    const { body } = await post('/api/vikingdb/data/search/random', {
      collection_name: 'vector',
      index_name: 'vector_index',
    });
    expect((body['result'] as { data: unknown[] }).data).toHaveLength(1);
  });

  it('intercepts any origin by default', async () => {
    const anyOrigin = setupServer(...createVikingHandlers());
    server.close();
    anyOrigin.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch('http://elsewhere.test:8329/api/vikingdb/data/fetch_in_collection', {
        method: 'POST',
        body: JSON.stringify({ collection_name: 'text', ids: [1] }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { result: { ids_not_exist: unknown[] } }).result.ids_not_exist).toEqual([1]);
    } finally {
      anyOrigin.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});

describe('createVikingHandlers with seed: knowledge', () => {
  it('imports the project docs into demo_kb before the first knowledge answer', async () => {
    const { response, body } = await post('/api/knowledge/doc/list', { collection_name: 'demo_kb' });
    expect(response.status).toBe(200);
    const docs = (body['data'] as { doc_list: Array<{ doc_id: string; status: { process_status: number } }> }).doc_list;
    expect(docs.map((doc) => doc.doc_id)).toContain('readme');
    expect(docs.every((doc) => doc.status.process_status === 0)).toBe(true);
    const chat = await post('/api/knowledge/service/chat', {
      service_resource_id: 'demo_kb_service',
      messages: [{ role: 'user', content: 'How do I start the local server?' }],
      stream: false,
    });
    expect((chat.body['data'] as { result_list: unknown[] }).result_list.length).toBeGreaterThan(0);
  });
});
