/**
 * Stop really stops: an `AbortSignal` on the client's streamed chat travels through the signing proxy and the local
 * server to the model backend, whose request is closed within a second. The backend is a slow OpenAI-compatible chat
 * server (node:http on 127.0.0.1, one delta every 100 ms for up to 30 s) that records when each request's connection
 * closed and whether the answer had finished by then.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVikingClient, signingProxy, type VikingClient } from '../../../src/client/index.node';
import { createNodeListener, createSigningProxy } from '../../../src/server';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import { knowledgeTestConfig } from '../server/knowledgeHarness';

const KEYS = { accessKeyId: 'AKLTabortTest', secretAccessKey: 'abort-test-secret' };

interface BackendRequest {
  /** `performance.now()` when the connection closed. */
  closedAt: Promise<number>;
  /** Whether the whole answer had been sent when it closed. */
  finished: boolean;
  deltasSent: number;
}

/** A chat backend that never hurries: one SSE delta every 100 ms, 300 of them. */
function startSlowBackend(): Promise<{ url: string; requests: BackendRequest[]; close(): Promise<void> }> {
  const requests: BackendRequest[] = [];
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    req.resume();
    let resolveClosed!: (at: number) => void;
    const record: BackendRequest = {
      closedAt: new Promise<number>((resolve) => (resolveClosed = resolve)),
      finished: false,
      deltasSent: 0,
    };
    requests.push(record);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const timer = setInterval(() => {
      if (record.deltasSent === 300) {
        clearInterval(timer);
        send({ choices: [{ delta: {}, finish_reason: 'stop' }] });
        res.end('data: [DONE]\n\n');
        record.finished = true;
        return;
      }
      send({ choices: [{ delta: { content: `word${record.deltasSent} ` }, finish_reason: null }] });
      record.deltasSent++;
    }, 100);
    res.on('close', () => {
      clearInterval(timer);
      resolveClosed(performance.now());
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

let backend: Awaited<ReturnType<typeof startSlowBackend>>;
let local: LocalServer;
let proxyServer: Server;
let client: VikingClient;

beforeAll(async () => {
  backend = await startSlowBackend();
  local = await createLocalServer({
    port: 0,
    inMemory: true,
    log: false,
    verifySignature: KEYS,
    config: knowledgeTestConfig('.'),
    models: { llm: { url: backend.url, model: 'slow-chat' } },
  });
  const proxy = createSigningProxy({
    credentials: async () => KEYS,
    region: 'cn-beijing',
    vector: { url: local.url },
    memory: { url: local.url },
  });
  proxyServer = createServer(createNodeListener(proxy));
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}`;
  client = createVikingClient({ auth: signingProxy(proxyUrl), retry: { maxRetries: 0 } });
});

afterAll(async () => {
  proxyServer?.closeAllConnections();
  await new Promise((resolve) => proxyServer?.close(resolve));
  await local?.close();
  await backend?.close();
});

/** Reads the stream until its first text, aborts the signal, and returns how long the backend took to see it. */
async function abortAfterFirstChunk(
  stream: AsyncIterable<{ generatedAnswer: string }>,
  controller: AbortController,
): Promise<{ firstText: string; closedAfterMs: number; record: BackendRequest; error: unknown }> {
  let firstText = '';
  let abortedAt = 0;
  let error: unknown;
  try {
    for await (const chunk of stream) {
      if (chunk.generatedAnswer === '') continue;
      firstText = chunk.generatedAnswer;
      abortedAt = performance.now();
      controller.abort(new Error('stopped by the user'));
    }
  } catch (caught) {
    error = caught;
  }
  const record = backend.requests.at(-1)!;
  const closedAt = await Promise.race([record.closedAt, new Promise<number>((r) => setTimeout(() => r(-1), 5000))]);
  return { firstText, closedAfterMs: closedAt < 0 ? Infinity : closedAt - abortedAt, record, error };
}

describe('Stop travels client → signing proxy → local server → model backend', () => {
  it('chat/completions: the backend request is closed within 1 s of the abort, the answer unfinished', async () => {
    const before = backend.requests.length;
    const controller = new AbortController();
    const stream = await client.knowledge.chatCompletion(
      { model: 'm', messages: [{ role: 'user', content: 'Talk for a long time.' }], stream: true },
      { signal: controller.signal },
    );
    const result = await abortAfterFirstChunk(stream, controller);
    expect(backend.requests).toHaveLength(before + 1);
    expect(result.firstText).toBe('word0 ');
    expect(result.error).toMatchObject({ message: 'stopped by the user' });
    expect(result.closedAfterMs).toBeLessThan(1000);
    expect(result.record.finished).toBe(false);
    expect(result.record.deltasSent).toBeLessThan(20);
  });

  it('service/chat: the same, after the retrieval chunk', async () => {
    const controller = new AbortController();
    const stream = await client.knowledge.serviceChat(
      {
        serviceResourceId: 'kb_test_service',
        messages: [{ role: 'user', content: 'Explain everything.' }],
        stream: true,
      },
      { signal: controller.signal },
    );
    const result = await abortAfterFirstChunk(stream, controller);
    expect(result.firstText).toBe('word0 ');
    expect(result.closedAfterMs).toBeLessThan(1000);
    expect(result.record.finished).toBe(false);
  });

  it('the server keeps answering after an aborted stream', async () => {
    expect((await client.knowledge.ping()).status).toBe(200);
  });
});
