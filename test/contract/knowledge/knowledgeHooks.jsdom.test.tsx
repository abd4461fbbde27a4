/**
 * The knowledge hooks in jsdom against the real local server over HTTP (no MSW): `useServiceChat` (the references of
 * the retrieval, the streamed answer committed as an assistant turn, `stop()` closing the request so the server's
 * model stops) and `useDoc` polling a document while the server processes it, stopping once it failed.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import { useDoc, useServiceChat } from '../../../src/hooks/index';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import type { ChatModel, ChatModelEvent } from '../../../src/server/local/llm/ChatModel';
import { createWrapper } from '../../support/hooksHarness';
import {
  dataUri,
  KB,
  knowledgeTestConfig,
  LIGHTHOUSE_MD,
  startDocServer,
  waitForDoc,
} from '../server/knowledgeHarness';
import { raw } from '../server/harness';

const stopped: string[] = [];

/** Answers `[n] title` for each reference; the question `forever` streams until the caller goes away. */
const model: ChatModel = {
  kind: 'extractive',
  name: 'hook e2e model',
  async *stream(request): AsyncIterable<ChatModelEvent> {
    const question = request.messages.at(-1)?.content ?? '';
    for (let i = 0; question === 'forever'; i++) {
      if (request.signal?.aborted) {
        stopped.push(question);
        return;
      }
      yield { type: 'content', text: `${i} ` };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    for (const chunk of request.context ?? []) yield { type: 'content', text: `[${chunk.index}] ${chunk.title} ` };
  },
};

let server: LocalServer;
let docs: Awaited<ReturnType<typeof startDocServer>>;
const docInfoCalls: number[] = [];

beforeAll(async () => {
  docs = await startDocServer();
  server = await createLocalServer({
    port: 0,
    inMemory: true,
    log: false,
    config: knowledgeTestConfig('.'),
    chatModel: model,
  });
  await raw(server.url, '/api/knowledge/doc/v2/add', { ...KB, doc_id: 'lighthouse', uri: dataUri(LIGHTHOUSE_MD) });
  await waitForDoc(server.url, 'lighthouse');
});
afterAll(async () => {
  await server?.close();
  await docs?.close();
});

function testClient() {
  const counting: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/api/knowledge/doc/info')) docInfoCalls.push(Date.now());
    return fetch(input, init);
  };
  return createVikingClient({ baseUrl: server.url, auth: headerAuth({}), retry: { maxRetries: 0 }, fetch: counting });
}

function render() {
  const client = testClient();
  const { Wrapper } = createWrapper(client);
  return renderHook(() => useServiceChat({ serviceResourceId: 'kb_test_service' }), { wrapper: Wrapper });
}

describe('useServiceChat → local server over HTTP', () => {
  it('streams the answer with the references of the retrieval, then commits it', async () => {
    const { result, unmount } = render();
    act(() => result.current.send('Who designed the Fresnel lens?'));
    await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 5000 });
    expect(result.current.references.length).toBeGreaterThan(0);
    expect(result.current.references[0]!.docInfo?.docId).toBe('lighthouse');
    expect(result.current.references.some((reference) => reference.content?.includes('Fresnel'))).toBe(true);
    const last = result.current.messages.at(-1)!;
    expect(last.role).toBe('assistant');
    expect(last.content).toMatch(/^\[1\] /);
    expect(result.current.messages[0]).toMatchObject({ role: 'user', content: 'Who designed the Fresnel lens?' });
    unmount();
  });

  it('stop() aborts the request and the server model stops', async () => {
    const { result, unmount } = render();
    act(() => result.current.send('forever'));
    await waitFor(() => expect(result.current.answer.length).toBeGreaterThan(6), { timeout: 5000 });
    act(() => result.current.stop());
    await waitFor(() => expect(result.current.status).toBe('stopped'));
    await waitFor(() => expect(stopped).toEqual(['forever']), { timeout: 3000 });
    unmount();
  });

  it('useDoc polls a document while it is processing and stops once it failed', async () => {
    // The document server never answers /slow: the import fails when its fetch times out (800 ms here).
    await raw(server.url, '/api/knowledge/doc/v2/add', { ...KB, doc_id: 'slow', uri: `${docs.url}/slow` });
    docInfoCalls.length = 0;
    const { Wrapper } = createWrapper(testClient());
    const seen: Array<number | undefined> = [];
    const { result, unmount } = renderHook(
      () => {
        const doc = useDoc({ collection: { collection_name: 'kb_test' }, docId: 'slow', pollMs: 50 });
        seen.push(doc.data?.status?.processStatus);
        return doc;
      },
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.data?.status?.processStatus).toBe(1), { timeout: 5000 });
    expect(seen).toContain(2);
    expect(result.current.data?.status?.failedMsg).toBeTruthy();
    const calls = docInfoCalls.length;
    expect(calls).toBeGreaterThan(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(docInfoCalls.length).toBe(calls);
    unmount();
  });
});
