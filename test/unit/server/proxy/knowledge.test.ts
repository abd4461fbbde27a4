import { describe, expect, it } from 'vitest';
import { READ_ONLY_PATHS } from '../../../../src/server';
import { verifyReceivedRequest } from '../../../support/referenceSigner';
import { fakeUpstream, json, KEYS, makeProxy, MEMORY_UPSTREAM, post } from './harness';

const SECRETS = { [KEYS.accessKeyId]: KEYS.secretAccessKey };
const SEARCH = '/api/knowledge/collection/search_knowledge';

describe('knowledge paths', () => {
  it('go to the memory upstream by default, signed for service air, or to their own upstream', async () => {
    const { proxy, upstream } = makeProxy();
    const response = await proxy(post(SEARCH, { collection_name: 'kb', project: 'default', query: 'q' }));
    expect(response.status).toBe(200);
    const sent = upstream.seen[0]!;
    expect(sent.url).toBe(`${MEMORY_UPSTREAM}${SEARCH}`);
    expect(await verifyReceivedRequest(sent, SECRETS, 'cn-beijing', 'air')).toBeUndefined();

    const own = makeProxy({ knowledge: { url: 'http://knowledge.upstream.test', region: 'cn-shanghai' } });
    expect((await own.proxy(post('/api/knowledge/doc/info', { doc_id: 'd' }))).status).toBe(200);
    expect(own.upstream.seen[0]!.url).toBe('http://knowledge.upstream.test/api/knowledge/doc/info');
    expect(await verifyReceivedRequest(own.upstream.seen[0]!, SECRETS, 'cn-shanghai', 'air')).toBeUndefined();
  });

  it('the knowledge ping (GET /ping at the host root) goes to the knowledge upstream, signed for air, in both presets', async () => {
    expect(READ_ONLY_PATHS).toContain('/ping');
    const own = makeProxy({
      allow: 'readOnly',
      knowledge: { url: 'http://knowledge.upstream.test', region: 'cn-shanghai' },
    });
    const pong = await own.proxy(new Request('http://localhost:8330/ping', { method: 'GET' }));
    expect(pong.status).toBe(200);
    expect(own.upstream.seen[0]!.url).toBe('http://knowledge.upstream.test/ping');
    expect(await verifyReceivedRequest(own.upstream.seen[0]!, SECRETS, 'cn-shanghai', 'air')).toBeUndefined();
    const posted = await own.proxy(post('/ping', {}));
    expect(posted.status).toBe(405);
    expect(own.upstream.seen).toHaveLength(1);
  });

  it('readOnly lets retrieval, lists, info, rerank and chat through and refuses writes, with integer codes', async () => {
    for (const path of [SEARCH, '/api/knowledge/doc/v2/list', '/api/knowledge/chat/completions']) {
      expect(READ_ONLY_PATHS).toContain(path);
    }
    const { proxy, upstream } = makeProxy({ allow: 'readOnly' });
    expect((await proxy(post('/api/knowledge/service/chat', { messages: [] }))).status).toBe(200);
    for (const path of ['/api/knowledge/doc/v2/add', '/api/knowledge/point/delete', '/api/knowledge/doc/update_meta']) {
      const refused = await proxy(post(path, {}));
      expect(refused.status, path).toBe(403);
      expect((await json(refused))['code']).toBe(1000002);
    }
    const unknown = await proxy(post('/api/knowledge/nope', {}));
    expect((await json(unknown))['code']).toBe(1000002);
    const method = await proxy(new Request('http://localhost:8330/api/knowledge/doc/info', { method: 'GET' }));
    expect(method.status).toBe(405);
    expect((await json(method))['code']).toBe(1000003);
    expect(upstream.seen).toHaveLength(1);
  });

  it('a collection scope pins collection_name, project (not project_name) and name, and refuses service chat', async () => {
    const { proxy, upstream } = makeProxy({
      authorize: () => ({ scope: { collectionName: 'kb', projectName: 'team' } }),
    });
    expect((await proxy(post(SEARCH, { query: 'q' }))).status).toBe(200);
    expect(JSON.parse(await upstream.seen[0]!.clone().text())).toEqual({
      query: 'q',
      collection_name: 'kb',
      name: 'kb',
      project: 'team',
    });
    const other = await proxy(post(SEARCH, { collection_name: 'kb', name: 'other', query: 'q' }));
    expect(other.status).toBe(403);
    const chat = await proxy(post('/api/knowledge/service/chat', { service_resource_id: 'kb-svc', messages: [] }));
    expect(chat.status).toBe(403);
    expect((await json(chat))['code']).toBe(1000002);
    expect((await proxy(post('/api/knowledge/chat/completions', { model: 'm', messages: [] }))).status).toBe(200);
    expect(upstream.seen).toHaveLength(2);
  });

  it('streams a chat answer through as it arrives, without waiting for the end', async () => {
    let finish!: () => void;
    const upstreamDone = new Promise<void>((resolve) => (finish = resolve));
    const encoder = new TextEncoder();
    const upstream = fakeUpstream(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              controller.enqueue(encoder.encode('data: {"code":0,"data":{"generated_answer":"Hel"}}\n\n'));
              await upstreamDone;
              controller.enqueue(encoder.encode('data: {"code":0,"data":{"generated_answer":"lo","end":true}}\n\n'));
              controller.close();
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        ),
    );
    const { proxy } = makeProxy({}, upstream);
    const response = await proxy(
      post(
        '/api/knowledge/chat/completions',
        { model: 'm', messages: [], stream: true },
        { Accept: 'text/event-stream' },
      ),
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(upstream.seen[0]!.headers.get('accept')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"Hel"');
    finish();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toContain('"end":true');
  });
});
