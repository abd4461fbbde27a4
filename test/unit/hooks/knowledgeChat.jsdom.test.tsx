import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useChatCompletion, useServiceChat } from '../../../src/hooks/index';
import { createWrapper, HOOKS_BASE_URL, testClient } from '../../support/hooksHarness';
import { startMswServer } from '../../support/mswServer';

const server = startMswServer();
const CHAT_URL = `${HOOKS_BASE_URL}/api/knowledge/chat/completions`;
const encoder = new TextEncoder();
const event = (data: unknown) => encoder.encode(`data: ${JSON.stringify({ code: 0, request_id: 'r', data })}\n\n`);

/** A fake frame clock: every requestAnimationFrame callback runs 16 ms later, and frames are counted. */
let frames = 0;
beforeEach(() => {
  frames = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
    setTimeout(() => {
      frames++;
      callback(performance.now());
    }, 16),
  );
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => vi.unstubAllGlobals());

interface Recorded {
  bodies: Array<{ messages: Array<{ role: string; content: string }> }>;
  signals: AbortSignal[];
}

/** Answers chat/completions with the stream `chunks(i)` builds for the i-th request. */
function answerChat(url: string, stream: (call: number) => ReadableStream<Uint8Array>): Recorded {
  const recorded: Recorded = { bodies: [], signals: [] };
  server.use(
    http.post(url, async ({ request }) => {
      recorded.bodies.push((await request.json()) as Recorded['bodies'][number]);
      recorded.signals.push(request.signal);
      return new HttpResponse(stream(recorded.bodies.length - 1), {
        headers: { 'Content-Type': 'text/event-stream' },
      });
    }),
  );
  return recorded;
}

/** `count` chunks of `piece(i)`, `perTick` at a time every ~2 ms, the last one with `end`. */
function tickingStream(count: number, perTick: number, piece: (i: number) => string) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      for (let k = 0; k < perTick && i < count; k++, i++) {
        controller.enqueue(event({ generated_answer: piece(i), ...(i === count - 1 ? { end: true } : {}) }));
      }
      if (i >= count) controller.close();
    },
  });
}

/** A stream that sends `piece` every 5 ms until cancelled. */
function endlessStream(piece: string, onCancel: () => void) {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      controller.enqueue(event({ generated_answer: piece }));
    },
    cancel: onCancel,
  });
}

describe('useChatCompletion', () => {
  it('renders a 2,000-chunk stream at most once per animation frame, and ends with the whole answer', async () => {
    const recorded = answerChat(CHAT_URL, () => tickingStream(2000, 20, (i) => `${i} `));
    const { Wrapper } = createWrapper(testClient());
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        return useChatCompletion({ model: 'm', maxTokens: 64 });
      },
      { wrapper: Wrapper },
    );
    const before = renders;
    act(() => result.current.send('count to 2000'));
    await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 10_000 });
    const expected = Array.from({ length: 2000 }, (_, i) => `${i} `).join('');
    expect(result.current.answer).toBe(expected);
    expect(result.current.messages).toEqual([
      { role: 'user', content: 'count to 2000' },
      { role: 'assistant', content: expected },
    ]);
    expect(recorded.bodies[0]).toEqual({
      model: 'm',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'count to 2000' }],
      stream: true,
    });
    const streamRenders = renders - before;
    // One render per frame, plus the start (user turn + status) and the end (commit + assistant turn + status).
    expect(streamRenders).toBeLessThanOrEqual(frames + 4);
    expect(streamRenders).toBeLessThan(100);
    expect(frames).toBeGreaterThan(3);
  });

  it('stop() aborts the request and keeps what arrived as the answer', async () => {
    let cancelled = false;
    const recorded = answerChat(CHAT_URL, () => endlessStream('tick ', () => (cancelled = true)));
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useChatCompletion({ model: 'm' }), { wrapper: Wrapper });
    act(() => result.current.send('go'));
    await waitFor(() => expect(result.current.answer).toContain('tick tick '));
    act(() => result.current.stop());
    await waitFor(() => expect(result.current.status).toBe('stopped'));
    expect(recorded.signals[0]!.aborted || cancelled).toBe(true);
    const answer = result.current.answer;
    expect(result.current.messages.at(-1)).toEqual({ role: 'assistant', content: answer });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(result.current.answer).toBe(answer);
  });

  it('unmounting aborts the request', async () => {
    let cancelled = false;
    const recorded = answerChat(CHAT_URL, () => endlessStream('x', () => (cancelled = true)));
    const { Wrapper } = createWrapper(testClient());
    const { result, unmount } = renderHook(() => useChatCompletion({ model: 'm' }), { wrapper: Wrapper });
    act(() => result.current.send('go'));
    await waitFor(() => expect(result.current.answer.length).toBeGreaterThan(1));
    unmount();
    await waitFor(() => expect(recorded.signals[0]!.aborted || cancelled).toBe(true));
  });

  it('regenerate() asks again for the last user turn and replaces the answer after it', async () => {
    const recorded = answerChat(CHAT_URL, (call) =>
      tickingStream(2, 2, (i) => (call === 0 ? ['fir', 'st'][i]! : ['sec', 'ond'][i]!)),
    );
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => useChatCompletion({ model: 'm', initialMessages: [{ role: 'system', content: 'be brief' }] }),
      { wrapper: Wrapper },
    );
    act(() => result.current.send('hello'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.answer).toBe('first');
    act(() => result.current.regenerate());
    await waitFor(() => expect(result.current.answer).toBe('second'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(recorded.bodies[1]!.messages).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hello' },
    ]);
    expect(result.current.messages).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'second' },
    ]);
  });

  it('an error before the stream sets status error with the typed error; setMessages edits the conversation', async () => {
    server.use(
      http.post(CHAT_URL, () =>
        HttpResponse.json({ code: 1000003, message: 'bad model', request_id: 'rq' }, { status: 400 }),
      ),
    );
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useChatCompletion({ model: 'nope' }), { wrapper: Wrapper });
    act(() => result.current.send('hi'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ code: 1000003, status: 400 });
    expect(result.current.messages).toEqual([{ role: 'user', content: 'hi' }]);
    act(() => result.current.setMessages([]));
    expect(result.current.messages).toEqual([]);
  });
});

describe('useServiceChat', () => {
  it('streams the answer with the references of the turn', async () => {
    const recorded = answerChat(`${HOOKS_BASE_URL}/api/knowledge/service/chat`, () => {
      const parts = [
        event({ result_list: [{ id: 'ref-1', point_id: 'p1', content: 'Revenue grew 12%.' }], count: 1 }),
        event({ generated_answer: 'It grew ' }),
        event({ generated_answer: '12% [1].', end: true }),
      ];
      return new ReadableStream({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
    });
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useServiceChat({ serviceResourceId: 'svc-1' }), { wrapper: Wrapper });
    act(() => result.current.send('How did revenue change?'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.answer).toBe('It grew 12% [1].');
    expect(result.current.references).toMatchObject([{ id: 'ref-1', pointId: 'p1' }]);
    expect(recorded.bodies[0]).toEqual({
      service_resource_id: 'svc-1',
      messages: [{ role: 'user', content: 'How did revenue change?' }],
      stream: true,
    });
  });
});
