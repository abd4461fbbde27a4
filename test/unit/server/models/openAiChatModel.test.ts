import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatModelEvent } from '../../../../src/server/local/llm/ChatModel';
import { createOpenAiChatModel } from '../../../../src/server/local/llm/openAiChatModel';
import { chatScript, closedPortUrl, startFakeOpenAiServer, type FakeOpenAiServer } from './fakeOpenAiServer';

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});

async function collect(iterable: AsyncIterable<ChatModelEvent>): Promise<ChatModelEvent[]> {
  const events: ChatModelEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

const messages = [
  { role: 'system', content: 'Answer from the references.' },
  { role: 'user', content: 'What is VikingDB?' },
];

describe('createOpenAiChatModel', () => {
  it('streams content, reasoning (reasoning_content) and usage, and sends the configured model', async () => {
    fake.requests.length = 0;
    fake.chatScript = chatScript(['Viking', 'DB is', ' a vector database.'], { reasoning: ['The user ', 'asks.'] });
    const model = createOpenAiChatModel({ url: fake.url, model: 'qwen3:4b', apiKey: 'sk-chat' });
    expect(model.kind).toBe('llm');
    expect(model.name).toBe('qwen3:4b');
    const events = await collect(
      model.stream({ model: 'Doubao-1-5-pro-32k', messages, maxTokens: 256, temperature: 0.1 }),
    );
    expect(events).toEqual([
      { type: 'reasoning', text: 'The user ' },
      { type: 'reasoning', text: 'asks.' },
      { type: 'content', text: 'Viking' },
      { type: 'content', text: 'DB is' },
      { type: 'content', text: ' a vector database.' },
      { type: 'usage', usage: { promptTokens: 11, completionTokens: 3, totalTokens: 14 } },
    ]);
    const [request] = fake.requests;
    expect(request!.path).toBe('/v1/chat/completions');
    expect(request!.headers['authorization']).toBe('Bearer sk-chat');
    expect(request!.headers['accept']).toBe('text/event-stream');
    expect(request!.body).toEqual({
      model: 'qwen3:4b',
      messages,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 256,
      temperature: 0.1,
    });
  });

  it('maps delta.reasoning (Ollama) to reasoning events and parses events split across reads', async () => {
    fake.chatScript = [
      ...chatScript(['ok'], { reasoning: ['think'], reasoningKey: 'reasoning' }).slice(0, 3),
      { wait: 5 },
      ...chatScript(['ok']).slice(2),
    ];
    const model = createOpenAiChatModel({ url: fake.url, model: 'm' });
    const events = await collect(model.stream({ messages }));
    expect(events.filter((e) => e.type !== 'usage')).toEqual([
      { type: 'reasoning', text: 'think' },
      { type: 'content', text: 'ok' },
    ]);
  });

  it('aborting the request signal closes the upstream connection and ends the stream quietly', async () => {
    fake.requests.length = 0;
    fake.chatScript = [...chatScript(['first']).slice(0, 2), { hang: true }];
    const model = createOpenAiChatModel({ url: fake.url, model: 'm' });
    const controller = new AbortController();
    const seen: ChatModelEvent[] = [];
    const done = (async () => {
      for await (const event of model.stream({ messages, signal: controller.signal })) {
        seen.push(event);
        controller.abort();
      }
    })();
    await expect(done).resolves.toBeUndefined();
    expect(seen).toEqual([{ type: 'content', text: 'first' }]);
    // The fake server sees its connection closed (otherwise this await times the test out).
    await fake.requests[0]!.closed;
  });

  it('an abort between two pulls, while the server keeps sending, ends the stream with no further event', async () => {
    fake.requests.length = 0;
    fake.chatScript = chatScript(['a', 'b', 'c']).flatMap((step) => [step, { wait: 20 }]);
    const model = createOpenAiChatModel({ url: fake.url, model: 'm' });
    const controller = new AbortController();
    const seen: ChatModelEvent[] = [];
    for await (const event of model.stream({ messages, signal: controller.signal })) {
      seen.push(event);
      await new Promise((resolve) => setTimeout(resolve, 30));
      controller.abort();
    }
    expect(seen).toEqual([{ type: 'content', text: 'a' }]);
    await fake.requests[0]!.closed;
  });

  it('a consumer that stops iterating closes the upstream connection too', async () => {
    fake.requests.length = 0;
    fake.chatScript = [...chatScript(['a', 'b']).slice(0, 2), { hang: true }];
    const model = createOpenAiChatModel({ url: fake.url, model: 'm' });
    for await (const event of model.stream({ messages })) {
      expect(event).toEqual({ type: 'content', text: 'a' });
      break;
    }
    await fake.requests[0]!.closed;
  });

  it('an upstream that fails mid-stream throws a clear error after the deltas already sent', async () => {
    fake.chatScript = [...chatScript(['partial']).slice(0, 2), { wait: 5 }, { destroy: true }];
    const model = createOpenAiChatModel({ url: fake.url, model: 'm' });
    const seen: ChatModelEvent[] = [];
    await expect(
      (async () => {
        for await (const event of model.stream({ messages })) seen.push(event);
      })(),
    ).rejects.toThrow(/chat server \(model m\) at http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions failed: the stream/);
    expect(seen).toEqual([{ type: 'content', text: 'partial' }]);

    // An error event in the stream, and a stream that ends without finishing, fail too.
    fake.chatScript = [...chatScript(['x']).slice(0, 2), { data: { error: { message: 'CUDA out of memory' } } }];
    await expect(collect(model.stream({ messages }))).rejects.toThrow(/error in the stream: CUDA out of memory/);
    fake.chatScript = chatScript(['x']).slice(0, 2);
    await expect(collect(model.stream({ messages }))).rejects.toThrow(
      /the stream ended before the answer was finished/,
    );

    // The fake server is still there and the next answer works.
    fake.chatScript = chatScript(['again']);
    expect((await collect(model.stream({ messages })))[0]).toEqual({ type: 'content', text: 'again' });
  });

  it('a slow consumer is not a stalled stream: the clock runs only while waiting for the server', async () => {
    fake.chatScript = chatScript(['one', 'two', 'three']).flatMap((step) => [step, { wait: 10 }]);
    const model = createOpenAiChatModel({ url: fake.url, model: 'm', timeoutMs: 100 });
    const texts: string[] = [];
    for await (const event of model.stream({ messages })) {
      if (event.type === 'content') texts.push(event.text);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(texts).toEqual(['one', 'two', 'three']);
  });

  it('a stalled stream times out, and a server that is down or refuses fails with its URL', async () => {
    fake.chatScript = [...chatScript(['a']).slice(0, 2), { hang: true }];
    const slow = createOpenAiChatModel({ url: fake.url, model: 'm', timeoutMs: 100 });
    await expect(collect(slow.stream({ messages }))).rejects.toThrow(/no chunk within 100 ms \(the stream stalled\)/);

    const down = await closedPortUrl();
    const missing = createOpenAiChatModel({ url: down, model: 'm' });
    await expect(collect(missing.stream({ messages }))).rejects.toThrow(
      `chat server (model m) at ${down}/chat/completions failed: connection refused (is the model server running?)`,
    );
    const wrongPath = createOpenAiChatModel({ url: `${fake.url}/nothing`, model: 'm' });
    await expect(collect(wrongPath.stream({ messages }))).rejects.toThrow(/HTTP 404: no route/);
  });
});
