/**
 * `useServiceChat` in jsdom against the real local server over HTTP (no MSW): the references of the retrieval, the
 * streamed answer committed as an assistant turn, and `stop()` closing the request so the server's model stops.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVikingClient, headerAuth } from '../../../src/client/index';
import { useServiceChat } from '../../../src/hooks/index';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import type { ChatModel, ChatModelEvent } from '../../../src/server/local/llm/ChatModel';
import { createWrapper } from '../../support/hooksHarness';
import { dataUri, KB, knowledgeTestConfig, LIGHTHOUSE_MD, waitForDoc } from '../server/knowledgeHarness';
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

beforeAll(async () => {
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
});

function render() {
  const client = createVikingClient({ baseUrl: server.url, auth: headerAuth({}), retry: { maxRetries: 0 } });
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
});
