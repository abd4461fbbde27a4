import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** What one request to the SSE test server looked like, and whether its connection closed before the answer ended. */
export interface SseRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Resolves when the client side closed the connection (abort, `break`) or the answer finished. */
  closed: Promise<'client closed' | 'finished'>;
}

export type SseScript = (res: ServerResponse, req: SseRequest) => void | Promise<void>;

/** A knowledge chunk envelope as the service streams it. */
export const chunkEnvelope = (data: unknown, requestId = 'stream-1') =>
  JSON.stringify({ code: 0, message: 'success', request_id: requestId, data });

/** One SSE event line pair for `data`. */
export const sseEvent = (data: unknown) => `data:${chunkEnvelope(data)}\n\n`;

/**
 * A real HTTP server on 127.0.0.1 (free port) for one test file; each test sets `script` to answer. Requests are
 * recorded in `requests`, reset after each test.
 */
export function startSseServer() {
  const state: { url: string; script: SseScript; requests: SseRequest[] } = {
    url: '',
    script: (res) => {
      res.end();
    },
    requests: [],
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const closed = new Promise<'client closed' | 'finished'>((resolve) => {
        res.on('close', () => resolve(res.writableFinished ? 'finished' : 'client closed'));
      });
      const request: SseRequest = {
        path: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
        closed,
      };
      state.requests.push(request);
      void Promise.resolve(state.script(res, request)).catch(() => res.destroy());
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    state.requests = [];
    server.closeAllConnections();
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return state;
}

/** Starts an SSE answer (200, text/event-stream, chunked). */
export function startEvents(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Tt-Logid': 'log-1' });
  res.flushHeaders();
}

/** Writes `text` and waits until the socket took it (so each write is its own network chunk). */
export function write(res: ServerResponse, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    res.write(text, () => setTimeout(resolve, 2));
  });
}
