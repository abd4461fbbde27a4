import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeListener, type FetchHandler, type NodeListenerOptions } from '../../../../src/server';

const servers: Server[] = [];

async function serve(handler: FetchHandler, options?: NodeListenerOptions): Promise<string> {
  const server = createServer(createNodeListener(handler, options));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('createNodeListener', () => {
  it('hands the handler a Request with method, URL, headers, body and the client address', async () => {
    let seen:
      { method: string; url: string; header: string | null; body: string; address?: string | undefined } | undefined;
    const url = await serve(async (request, context) => {
      seen = {
        method: request.method,
        url: request.url,
        header: request.headers.get('x-tt-logid'),
        body: await request.text(),
        address: context?.clientAddress,
      };
      return new Response('ok');
    });
    await fetch(`${url}/a/b?c=1`, { method: 'POST', headers: { 'X-Tt-Logid': 'n-1' }, body: '{"x":1}' });
    expect(seen).toEqual({
      method: 'POST',
      url: `${url}/a/b?c=1`,
      header: 'n-1',
      body: '{"x":1}',
      address: '127.0.0.1',
    });
  });

  it('takes the client address from X-Forwarded-For only with trustProxy', async () => {
    const addresses: Array<string | undefined> = [];
    const handler: FetchHandler = (_request, context) => {
      addresses.push(context?.clientAddress);
      return new Response(null, { status: 204 });
    };
    const trusting = await serve(handler, { trustProxy: true });
    const plain = await serve(handler);
    const headers = { 'X-Forwarded-For': '198.51.100.4, 10.0.0.1' };
    await fetch(trusting, { headers });
    await fetch(plain, { headers });
    expect(addresses).toEqual(['198.51.100.4', '127.0.0.1']);
  });

  it('writes status, headers (several Set-Cookie) and a streamed body', async () => {
    const url = await serve(() => {
      const headers = new Headers({ 'Content-Type': 'text/plain', 'X-Tt-Logid': 'n-2' });
      headers.append('Set-Cookie', 'a=1');
      headers.append('Set-Cookie', 'b=2');
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('part1 '));
          controller.enqueue(encoder.encode('part2'));
          controller.close();
        },
      });
      return new Response(body, { status: 201, headers });
    });
    const response = await fetch(url);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-tt-logid')).toBe('n-2');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.text()).toBe('part1 part2');
  });

  it('answers 500 when the handler throws, and aborts the request signal when the client goes away', async () => {
    const failing = await serve(() => {
      throw new Error('boom');
    });
    expect((await fetch(failing)).status).toBe(500);

    let aborted: Promise<boolean> | undefined;
    const slow = await serve(
      (request) =>
        new Promise<Response>((resolve) => {
          aborted = new Promise((done) => request.signal.addEventListener('abort', () => done(true)));
          setTimeout(() => resolve(new Response('late')), 2000).unref();
        }),
    );
    const controller = new AbortController();
    const pending = fetch(slow, { signal: controller.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await pending;
    expect(await aborted).toBe(true);
  });
});
