/**
 * Knowledge streams behind MSW: the engine's SSE body arrives as a ReadableStream chunk by chunk, and aborting the
 * fetch aborts the model (its signal fires), as over HTTP.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVikingHandlers, type ChatModel } from '../../../src/msw';

const BASE = 'http://vikingdb-stream.local';
let aborted = false;
let deltas = 0;

const slowModel: ChatModel = {
  kind: 'extractive',
  name: 'slow test model',
  async *stream(request) {
    for (;;) {
      if (request.signal?.aborted) {
        aborted = true;
        return;
      }
      deltas++;
      yield { type: 'content', text: 'tick ' };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  },
};

const server = setupServer(...createVikingHandlers({ baseUrl: BASE, chatModel: slowModel }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('knowledge streams behind MSW', () => {
  it('streams chunk by chunk as text/event-stream and stops the model when the fetch is aborted', async () => {
    const controller = new AbortController();
    const response = await fetch(`${BASE}/api/knowledge/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tt-Logid': 'msw-stream' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'go' }], stream: true }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-tt-logid')).toBe('msw-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while ((text.match(/\n\n/g) ?? []).length < 3) text += decoder.decode((await reader.read()).value);
    expect(
      text.startsWith(
        'data:{"code":0,"message":"success","request_id":"msw-stream","data":{"generated_answer":"tick "',
      ),
    ).toBe(true);
    controller.abort();
    for (let i = 0; i < 200 && !aborted; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(aborted).toBe(true);
    const stoppedAt = deltas;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deltas).toBe(stoppedAt);
  });
});
