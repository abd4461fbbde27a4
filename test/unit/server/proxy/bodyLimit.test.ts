import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeListener } from '../../../../src/server';
import { json, makeProxy, PROXY } from './harness';

const SEARCH = '/api/vikingdb/data/search/random';
const CHUNK = 16 * 1024;

/** An endless body that counts the bytes it was asked for. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

function streamingRequest(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(`${PROXY}${SEARCH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

describe('maxBodyBytes (fetch handler)', () => {
  it('refuses a declared Content-Length over the limit with 413 without reading a byte', async () => {
    const { proxy, upstream } = makeProxy({ maxBodyBytes: 1000 });
    const body = endlessBody();
    const response = await proxy(streamingRequest(body.stream, { 'Content-Length': '5000000' }));
    expect(response.status).toBe(413);
    expect(await json(response)).toMatchObject({ code: 'RequestEntityTooLarge' });
    expect(response.headers.get('connection')).toBe('close');
    expect(body.pulled()).toBe(0);
    expect(upstream.seen).toHaveLength(0);
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    const { proxy, upstream } = makeProxy({ maxBodyBytes: 4 * CHUNK });
    const body = endlessBody();
    const response = await proxy(streamingRequest(body.stream));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(6 * CHUNK);
    expect(upstream.seen).toHaveLength(0);
  });

  it('uses the memory envelope on memory paths and lets a body of exactly the limit through', async () => {
    const { proxy } = makeProxy({ maxBodyBytes: 10 });
    const tooBig = await proxy(new Request(`${PROXY}/api/memory/search`, { method: 'POST', body: '{"q":"12345"}' }));
    expect(tooBig.status).toBe(413);
    expect((await json(tooBig))['code']).toBe(1000003);
    const exact = await proxy(new Request(`${PROXY}/api/memory/search`, { method: 'POST', body: '{"q":"12"}' }));
    expect(exact.status).toBe(200);
  });

  it('defaults to 4 MiB', async () => {
    const { proxy } = makeProxy();
    const at = new Uint8Array(4 * 1024 * 1024).fill(0x20);
    expect((await proxy(new Request(`${PROXY}${SEARCH}`, { method: 'POST', body: at }))).status).toBe(200);
    const over = new Uint8Array(4 * 1024 * 1024 + 1).fill(0x20);
    expect((await proxy(new Request(`${PROXY}${SEARCH}`, { method: 'POST', body: over }))).status).toBe(413);
  });
});

describe('maxBodyBytes (node:http adapter)', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const { proxy } = makeProxy({ maxBodyBytes: 64 * 1024 });
    server = createServer(createNodeListener(proxy));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function send(headers: Record<string, string>, write: (req: ReturnType<typeof httpRequest>) => void) {
    return new Promise<{ response: IncomingMessage; body: string; sentWhenAnswered: number }>((resolve, reject) => {
      let sent = 0;
      const req = httpRequest({ host: '127.0.0.1', port, path: SEARCH, method: 'POST', headers }, (response) => {
        const sentWhenAnswered = sent;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ response, body, sentWhenAnswered }));
      });
      req.on('error', reject);
      const originalWrite = req.write.bind(req);
      req.write = ((chunk: Uint8Array, ...rest: never[]) => {
        sent += chunk.byteLength;
        return originalWrite(chunk, ...rest);
      }) as typeof req.write;
      write(req);
    });
  }

  it('answers 413 to a huge declared Content-Length before the body arrives', async () => {
    const { response, body } = await send(
      { 'Content-Type': 'application/json', 'Content-Length': '100000000' },
      (req) => req.write(new Uint8Array(1024)),
    );
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ code: 'RequestEntityTooLarge' });
  });

  it('answers 413 to an endless chunked body long before the caller stops sending', async () => {
    const total = 64 * 1024 * 1024;
    const { response, sentWhenAnswered } = await send({ 'Content-Type': 'application/json' }, (req) => {
      let written = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      const pump = () => {
        while (written < total && !req.destroyed) {
          written += chunk.byteLength;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!req.destroyed) req.end();
      };
      req.on('response', () => (written = total));
      pump();
    });
    expect(response.statusCode).toBe(413);
    expect(sentWhenAnswered).toBeLessThan(total / 4);
  });
});
