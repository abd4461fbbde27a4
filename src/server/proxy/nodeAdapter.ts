/**
 * Running a `Request → Response` handler (the signing proxy) on `node:http`: {@link createNodeListener} turns it
 * into a `(req, res)` listener for `http.createServer`, Express or Connect.
 *
 * The request body is handed over as a pull-based stream, so the handler's body limit holds: Node reads from the
 * socket only as the handler asks. When the handler answers before reading the whole body (413), the connection
 * is closed after the answer; the unread rest is drained for a short while (at most {@link LINGER_MS} and
 * {@link LINGER_MAX_BYTES}) so the caller sees the answer instead of a connection reset, then dropped.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { writeResponseToSocket } from '../shared/writeResponseToSocket';
import type { ProxyContext } from './options';

/** A standard fetch handler, optionally taking the adapter's context. */
export type FetchHandler = (request: Request, context?: ProxyContext) => Response | Promise<Response>;

/** Options of {@link createNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Take the client address from the first `X-Forwarded-For` entry (only behind a reverse proxy you control).
   * Default `false`: the socket's remote address.
   */
  trustProxy?: boolean | undefined;
}

/** A `node:http` request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** How long an unread request body is drained after an early answer: 2 s. */
export const LINGER_MS = 2000;
/** How much of an unread request body is drained after an early answer: 1 MiB. */
export const LINGER_MAX_BYTES = 1024 * 1024;

const HIGH_WATER_MARK = 64 * 1024;

function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on('data', (chunk: Buffer) => {
          if (finished) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once('end', () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
        req.once('error', (error) => {
          if (finished) return;
          finished = true;
          controller.error(error);
        });
        req.once('aborted', () => {
          if (finished) return;
          finished = true;
          controller.error(new Error('the client aborted the request'));
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        finished = true;
        req.pause();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_MARK }),
  );
}

function requestUrl(req: IncomingMessage): string {
  const encrypted = (req.socket as TLSSocket).encrypted === true;
  const raw = req.url ?? '/';
  const host = req.headers.host ?? 'localhost';
  try {
    if (!raw.startsWith('/')) {
      const absolute = new URL(raw);
      return new URL(`${absolute.pathname}${absolute.search}`, `${encrypted ? 'https' : 'http'}://${host}`).href;
    }
    return new URL(`${encrypted ? 'https' : 'http'}://${host}${raw}`).href;
  } catch {
    return new URL(raw.startsWith('/') ? raw : '/', 'http://localhost').href;
  }
}

/** Methods fetch refuses to put in a `Request`; they reach the handler as a bodiless GET plus `context.method`. */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * Builds a fetch `Request` from a Node request; `signal` aborts when the client goes away. A method fetch refuses
 * (CONNECT, TRACE, TRACK) becomes a bodiless GET: pass `req.method` on as `context.method` (see
 * {@link createNodeListener}).
 */
export function toFetchRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header value fetch refuses (control characters): leave it out.
    }
  }
  const received = (req.method ?? 'GET').toUpperCase();
  const method = FORBIDDEN_METHODS.has(received) ? 'GET' : received;
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = bodyStream(req);
    init.duplex = 'half';
  }
  return new Request(requestUrl(req), init);
}

function lingerClose(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let drained = 0;
  const stop = () => req.socket.destroy();
  const timer = setTimeout(stop, LINGER_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.byteLength;
    if (drained > LINGER_MAX_BYTES) stop();
  });
  req.once('end', () => clearTimeout(timer));
  req.resume();
}

/** Writes a fetch `Response` to a Node response, streaming its body. */
export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  const cookies = response.headers.getSetCookie();
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const onClose = () => {
    if (!res.writableFinished) void reader.cancel().catch(() => undefined);
  };
  res.once('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off('drain', go);
            res.off('close', go);
            resolve();
          };
          res.on('drain', go);
          res.on('close', go);
        });
        if (res.destroyed) return;
      }
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    res.off('close', onClose);
  }
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress;
}

/**
 * Wraps a fetch handler as a `node:http` listener.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(createNodeListener(createSigningProxy({ credentials }))).listen(8330, '127.0.0.1');
 */
export function createNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): NodeListener {
  const trustProxy = options.trustProxy === true;
  return (req, res) => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    res.once('finish', () => lingerClose(req));
    void (async () => {
      let response: Response;
      try {
        response = await handler(toFetchRequest(req, controller.signal), {
          clientAddress: clientAddress(req, trustProxy),
          method: req.method,
        });
      } catch {
        response = new Response(JSON.stringify({ code: 'InternalError', message: 'internal error' }), {
          status: 500,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      if (res.headersSent || res.destroyed) return;
      await writeFetchResponse(res, response);
    })();
  };
}

/** A `node:http` `connect` listener (Node hands CONNECT to the server's `connect` event, not to request listeners). */
export type NodeConnectListener = (req: IncomingMessage, socket: Duplex) => void;

/**
 * Answers CONNECT (which never reaches a request listener: without this, Node drops the connection silently) through
 * the same handler, as a bodiless GET with `context.method: 'CONNECT'`, so the proxy refuses it with its own 405
 * envelope and log line. Attach it with `server.on('connect', createNodeConnectListener(handler))`.
 */
export function createNodeConnectListener(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): NodeConnectListener {
  const trustProxy = options.trustProxy === true;
  return (req, socket) => {
    socket.on('error', () => undefined);
    void (async () => {
      let response: Response;
      try {
        const headers = new Headers();
        for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
          try {
            headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
          } catch {
            // A header value fetch refuses: leave it out.
          }
        }
        const host = req.headers.host ?? 'localhost';
        response = await handler(new Request(`http://${host}/`, { method: 'GET', headers }), {
          clientAddress: clientAddress(req, trustProxy),
          method: 'CONNECT',
        });
      } catch {
        response = new Response(JSON.stringify({ code: 'MethodNotAllowed', message: 'CONNECT is not supported' }), {
          status: 405,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      await writeResponseToSocket(socket, response);
    })();
  };
}
