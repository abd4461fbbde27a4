import { describe, expect, it } from 'vitest';
import {
  aksk,
  apiKey,
  collectText,
  createVikingClient,
  HttpError,
  NetworkError,
  TimeoutError,
  toReadableStream,
  type ChatCompletionChunk,
  type VikingClientOptions,
} from '../../../src/client/index.node';
import { chunkEnvelope, sseEvent, startEvents, startSseServer, write } from '../../support/sseServer';

const sse = startSseServer();
const MESSAGES = [{ role: 'user', content: 'hi' }];

function client(options: Partial<VikingClientOptions> = {}) {
  return createVikingClient({
    baseUrl: sse.url,
    auth: apiKey('k'),
    retry: { baseDelayMs: 1, maxRetries: 2 },
    ...options,
  });
}

const chat = (c = client(), signal?: AbortSignal) =>
  c.knowledge.chatCompletion({ model: 'm', messages: MESSAGES, stream: true }, { signal });

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('knowledge streaming: request', () => {
  it('sends stream: true with Accept: text/event-stream, signed (AK/SK, service air) like any call', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.end(sseEvent({ generated_answer: 'ok', end: true }));
    };
    const signed = client({ auth: aksk({ accessKeyId: 'AKLTsse', secretAccessKey: 's' }) });
    const stream = await chat(signed);
    expect(await collectText(stream)).toBe('ok');
    const [request] = sse.requests;
    expect(request!.path).toBe('/api/knowledge/chat/completions');
    expect(request!.headers['accept']).toBe('text/event-stream');
    expect(request!.headers['authorization']).toMatch(/\/cn-beijing\/air\/request, SignedHeaders=/);
    expect(request!.body).toEqual({ model: 'm', messages: MESSAGES, stream: true });
    expect(stream.requestId).toBe('log-1');
  });

  it('service chat streams typed chunks: references on the chunk that carries result_list', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.write(sseEvent({ result_list: [{ id: 'r1', point_id: 'p1', content: 'c', score: 0.5 }], count: 1 }));
      res.write(sseEvent({ generated_answer: 'A', reasoning_content: 'think' }));
      res.end(sseEvent({ generated_answer: 'B', end: true }));
    };
    const stream = await client().knowledge.serviceChat({ serviceResourceId: 's1', messages: MESSAGES, stream: true });
    const chunks = await drain(stream);
    expect(stream.requestId).toBe('log-1');
    expect(chunks.map((c) => c.generatedAnswer)).toEqual(['', 'A', 'B']);
    expect(chunks[0]!.references).toMatchObject([{ id: 'r1', pointId: 'p1', score: 0.5 }]);
    expect(chunks[1]!.references).toBeUndefined();
    expect(chunks[1]!.reasoningContent).toBe('think');
    expect(chunks[2]).toMatchObject({ isLast: true, end: true });
  });
});

describe('knowledge streaming: parsing', () => {
  it('chunk boundaries anywhere (mid-line, mid-UTF-8 character), CRLF, comments and event: lines', async () => {
    const text =
      ': keep-alive comment\r\nevent: message\r\nid: 1\r\n' +
      `data: ${chunkEnvelope({ generated_answer: '你好，' })}\r\n\r\n` +
      `event: delta\r\ndata:${chunkEnvelope({ generated_answer: 'wörld 🌍' })}\r\n\r\n` +
      `data: ${chunkEnvelope({ generated_answer: '!', end: true, usage: '{"total_tokens": 3}' })}\r\n\r\n`;
    const bytes = new TextEncoder().encode(text);
    sse.script = async (res) => {
      startEvents(res);
      // 5-byte pieces: every multi-byte character and every line end is split somewhere.
      for (let i = 0; i < bytes.length; i += 5) await write(res, bytes.subarray(i, i + 5));
      res.end();
    };
    const chunks = await drain(await chat());
    expect(chunks.map((c) => c.generatedAnswer).join('')).toBe('你好，wörld 🌍!');
    expect(chunks.at(-1)!.usage).toEqual({ total_tokens: 3 });
  });

  it('ends at the first chunk whose data has the end key, even "end": false; later events are not read', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.write(sseEvent({ generated_answer: 'a' }));
      res.write(sseEvent({ generated_answer: 'b', end: false }));
      res.end(sseEvent({ generated_answer: 'never' }));
    };
    const chunks = await drain(await chat());
    expect(chunks.map((c) => c.generatedAnswer)).toEqual(['a', 'b']);
    expect(chunks[1]!.isLast).toBe(true);
  });

  it('[DONE] after the end chunk is harmless; [DONE] alone ends the stream; EOF ends it too', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.end(`${sseEvent({ generated_answer: 'x', end: true })}data: [DONE]\n\n`);
    };
    expect(await collectText(await chat())).toBe('x');

    sse.script = (res) => {
      startEvents(res);
      res.end(`${sseEvent({ generated_answer: 'y' })}data: [DONE]\n\n${sseEvent({ generated_answer: 'never' })}`);
    };
    expect(await collectText(await chat())).toBe('y');

    sse.script = (res) => {
      startEvents(res);
      // The last event has no blank line after it: delivered at EOF.
      res.end(`${sseEvent({ generated_answer: 'p' })}data:${chunkEnvelope({ generated_answer: 'q' })}`);
    };
    expect(await collectText(await chat())).toBe('pq');
  });

  it('data: lines without blank lines between them (one envelope per line) are separate chunks', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.end(
        `data:${chunkEnvelope({ generated_answer: '1' })}\ndata:${chunkEnvelope({ generated_answer: '2', end: true })}\n\n`,
      );
    };
    expect(await collectText(await chat())).toBe('12');
  });

  it('a chunk whose data is null is delivered with empty text and reading goes on', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.end(`${sseEvent(null)}${sseEvent({ generated_answer: 'z', end: true })}`);
    };
    const noLogId = client({
      fetch: async () =>
        new Response(`${sseEvent(null)}${sseEvent({ generated_answer: 'z', end: true })}`, { status: 200 }),
    });
    const stream = await chat(noLogId);
    const chunks = await drain(stream);
    expect(chunks.map((c) => c.generatedAnswer)).toEqual(['', 'z']);
    // Without an X-Tt-Logid header, the request id of the first chunk.
    expect(stream.requestId).toBe('stream-1');
  });
});

describe('knowledge streaming: errors', () => {
  it('an error envelope as the first chunk throws the typed error (code, message, request id)', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.end(`data:${JSON.stringify({ code: 1000003, message: 'invalid request: model', request_id: 'req-e' })}\n\n`);
    };
    const stream = await chat();
    const error = await drain(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 1000003, serviceMessage: 'invalid request: model', requestId: 'req-e' });
  });

  it('an error envelope after some chunks throws after delivering them', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.end(`${sseEvent({ generated_answer: 'a' })}data:${JSON.stringify({ code: 1000029, message: 'quota' })}\n\n`);
    };
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of await chat()) seen.push(chunk.generatedAnswer);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a']);
    expect(error).toMatchObject({ code: 1000029 });
    expect((error as HttpError).hint).toMatch(/Rate limited/);
  });

  it('a non-2xx answer before the stream rejects the call with the usual error', async () => {
    sse.script = (res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 1000003, message: 'bad messages', request_id: 'req-400' }));
    };
    const error = await chat().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, code: 1000003, requestId: 'req-400' });
  });

  it('a 503 before any chunk is retried; the stream then works', async () => {
    let calls = 0;
    sse.script = (res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(503);
        res.end();
        return;
      }
      startEvents(res);
      res.end(sseEvent({ generated_answer: 'second', end: true }));
    };
    expect(await collectText(await chat())).toBe('second');
    expect(calls).toBe(2);
  });

  it('a connection cut mid-stream is a NetworkError naming the chunk count, and is not retried', async () => {
    sse.script = async (res) => {
      startEvents(res);
      await write(res, sseEvent({ generated_answer: 'a' }));
      await write(res, sseEvent({ generated_answer: 'b' }));
      res.socket?.destroy();
    };
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of await chat()) seen.push(chunk.generatedAnswer);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a', 'b']);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/after 2 chunks/);
    expect(sse.requests).toHaveLength(1);
  });

  it('a stream that stalls longer than timeoutMs between chunks is a TimeoutError', async () => {
    sse.script = async (res) => {
      startEvents(res);
      await write(res, sseEvent({ generated_answer: 'a' }));
      // never ends
    };
    const stream = await chat(client({ timeoutMs: 150 }));
    const error = await drain(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });
});

describe('knowledge streaming: abort, break, backpressure', () => {
  const endless = async (res: Parameters<typeof startEvents>[0], req: { closed: Promise<unknown> }) => {
    startEvents(res);
    let open = true;
    void req.closed.then(() => (open = false));
    for (let i = 0; open && i < 10_000; i++) await write(res, sseEvent({ generated_answer: `${i},` }));
  };

  it('the signal aborts after N chunks: the loop throws the reason, no further chunk, the request is closed', async () => {
    sse.script = endless;
    const controller = new AbortController();
    const seen: ChatCompletionChunk[] = [];
    const error = await (async () => {
      for await (const chunk of await chat(client(), controller.signal)) {
        seen.push(chunk);
        if (seen.length === 3) controller.abort(new Error('user stop'));
      }
    })().catch((e: unknown) => e);
    expect((error as Error).message).toBe('user stop');
    expect(seen).toHaveLength(3);
    expect(await sse.requests[0]!.closed).toBe('client closed');
  });

  it('break out of the loop closes the connection', async () => {
    sse.script = endless;
    let n = 0;
    for await (const _chunk of await chat()) if (++n === 2) break;
    expect(await sse.requests[0]!.closed).toBe('client closed');
  });

  it('abort() on the stream ends the loop quietly and closes the connection', async () => {
    sse.script = endless;
    const stream = await chat();
    let n = 0;
    for await (const _chunk of stream) if (++n === 2) stream.abort();
    expect(n).toBe(2);
    expect(await sse.requests[0]!.closed).toBe('client closed');
  });

  it('abort() on a stream never read closes the connection too', async () => {
    sse.script = endless;
    const stream = await chat();
    stream.abort();
    expect(await sse.requests[0]!.closed).toBe('client closed');
    expect(await drain(stream)).toEqual([]);
  });

  it('backpressure: a slow consumer pulls the body only as fast as it reads', async () => {
    let pulls = 0;
    let produced = 0;
    const encoder = new TextEncoder();
    const slowFetch: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              pulls++;
              produced++;
              controller.enqueue(
                encoder.encode(sseEvent({ generated_answer: '.', ...(produced === 50 ? { end: true } : {}) })),
              );
            },
          },
          { highWaterMark: 0 },
        ),
        { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
      );
    const stream = await chat(client({ fetch: slowFetch }));
    let consumed = 0;
    for await (const _chunk of stream) {
      consumed++;
      expect(pulls).toBeLessThanOrEqual(consumed + 2);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(consumed).toBe(50);
  });

  it('a stream can be iterated only once', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.end(sseEvent({ generated_answer: 'x', end: true }));
    };
    const stream = await chat();
    await drain(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/read once/);
  });
});

describe('knowledge streaming: helpers', () => {
  it('toReadableStream re-sends the envelopes as SSE, which the client parses back', async () => {
    sse.script = (res) => {
      startEvents(res);
      res.end(`${sseEvent({ generated_answer: 'he' })}${sseEvent({ generated_answer: 'llo', end: true })}`);
    };
    const readable = toReadableStream(await chat());
    const relayed = await new Response(readable).text();
    expect(relayed).toBe(
      `data: ${chunkEnvelope({ generated_answer: 'he' })}\n\ndata: ${chunkEnvelope({ generated_answer: 'llo', end: true })}\n\n`,
    );
    // A route handler answering with it is readable by the kit's own client.
    const relayFetch: typeof fetch = async () =>
      new Response(relayed, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    expect(await collectText(await chat(client({ fetch: relayFetch })))).toBe('hello');
  });

  it('cancelling the readable stream closes the upstream connection', async () => {
    sse.script = async (res, req) => {
      startEvents(res);
      let open = true;
      void req.closed.then(() => (open = false));
      for (let i = 0; open && i < 10_000; i++) await write(res, sseEvent({ generated_answer: '.' }));
    };
    const reader = toReadableStream(await chat()).getReader();
    await reader.read();
    await reader.cancel();
    expect(await sse.requests[0]!.closed).toBe('client closed');
  });
});
