/**
 * A small OpenAI-compatible server over real HTTP (127.0.0.1, free port) for the model-backend tests: `/v1/embeddings`
 * answers deterministic vectors of a chosen dimension, `/v1/chat/completions` plays a scripted SSE stream. Every
 * request is recorded, and each chat request exposes when its connection closed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One step of a scripted chat stream. */
export type ChatStep =
  | { data: unknown } // one `data: <JSON>` event (a string is sent raw)
  | { wait: number } // pause
  | { hang: true } // never send anything more
  | { destroy: true }; // drop the connection mid-stream

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** Resolves when the client's connection for this request closed. */
  closed: Promise<void>;
}

export interface FakeOpenAiServer {
  /** Base URL with `/v1`, e.g. `http://127.0.0.1:4711/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Vector length of `/v1/embeddings`. */
  dim: number;
  /** When set, `/v1/embeddings` answers this status with an OpenAI error body. */
  embeddingFailure?: number | undefined;
  /** The script played by the next chat requests. */
  chatScript: ChatStep[];
  close(): Promise<void>;
}

/** Words of three "meanings": a text mentioning one gets a large component on that meaning's axis (0, 1, 2). */
export const FAKE_CONCEPTS: readonly (readonly string[])[] = [
  ['apple', 'banana', 'pear', 'fruit'],
  ['rocket', 'orbit', 'moon', 'launch'],
  ['ocean', 'tide', 'wave', 'sea'],
];

/**
 * A deterministic vector of `dim` for `text`: its character codes folded in, plus a weight of 10 on the axis of each
 * {@link FAKE_CONCEPTS} word it contains — so texts without a shared word are close when they share a meaning,
 * which the lexical hashing embedder cannot do.
 */
export function fakeEmbedding(text: string, dim: number): number[] {
  const vector = Array.from({ length: dim }, (_, i) => Math.sin(i + 1));
  for (let i = 0; i < text.length; i++) vector[i % dim]! += (text.charCodeAt(i) % 17) / 4;
  const words = text.toLowerCase().split(/\W+/);
  FAKE_CONCEPTS.forEach((concept, axis) => {
    if (axis < dim && words.some((word) => concept.includes(word))) vector[axis]! += 10;
  });
  return vector;
}

/** The SSE steps of an OpenAI stream of `parts` (content deltas), optional reasoning first, then usage and [DONE]. */
export function chatScript(parts: string[], options: { reasoning?: string[]; reasoningKey?: string } = {}): ChatStep[] {
  const key = options.reasoningKey ?? 'reasoning_content';
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    data: { id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] },
  });
  return [
    chunk({ role: 'assistant', content: '' }),
    ...(options.reasoning ?? []).map((text) => chunk({ [key]: text })),
    ...parts.map((text) => chunk({ content: text })),
    chunk({}, 'stop'),
    {
      data: {
        id: 'c1',
        choices: [],
        usage: { prompt_tokens: 11, completion_tokens: parts.length, total_tokens: 11 + parts.length },
      },
    },
    { data: '[DONE]' },
  ];
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function playChat(script: ChatStep[], response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  for (const step of script) {
    if (response.destroyed) return;
    if ('wait' in step) await new Promise((resolve) => setTimeout(resolve, step.wait));
    else if ('hang' in step) return;
    else if ('destroy' in step) {
      response.socket?.destroy();
      return;
    } else response.write(`data: ${typeof step.data === 'string' ? step.data : JSON.stringify(step.data)}\n\n`);
  }
  response.end();
}

/** Starts the fake server. */
export async function startFakeOpenAiServer(options: { dim?: number } = {}): Promise<FakeOpenAiServer> {
  const fake: FakeOpenAiServer = {
    url: '',
    requests: [],
    dim: options.dim ?? 8,
    chatScript: chatScript(['Hello', ' world']),
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    void (async () => {
      const closed = new Promise<void>((resolve) => response.once('close', () => resolve()));
      const body = await readJson(request);
      const path = request.url ?? '';
      fake.requests.push({ path, headers: request.headers, body, closed });
      if (request.method === 'POST' && path === '/v1/embeddings') {
        if (fake.embeddingFailure !== undefined) {
          response.writeHead(fake.embeddingFailure, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ error: { message: 'model "missing" not found, try pulling it first' } }));
          return;
        }
        const input = Array.isArray(body['input']) ? (body['input'] as string[]) : [String(body['input'])];
        // Answered in reverse order with explicit indexes: the client must sort by index.
        const data = input.map((text, index) => ({
          object: 'embedding',
          index,
          embedding: fakeEmbedding(text, fake.dim),
        }));
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ object: 'list', data: data.reverse(), model: body['model'] }));
        return;
      }
      if (request.method === 'POST' && path === '/v1/chat/completions') {
        await playChat(fake.chatScript, response);
        return;
      }
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `no route ${path}` } }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** A URL on 127.0.0.1 where nothing listens (a port that was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
