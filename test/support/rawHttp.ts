/**
 * HTTP the way an attacker's browser or a raw client sends it: any `Host`, any method (CONNECT and TRACE too), any
 * body and content type. `fetch` cannot do this (it sets Host itself and refuses some methods), so these helpers
 * write to a socket.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

/** A raw answer: status, lower-cased headers, body text and the body parsed as JSON when it is JSON. */
export interface RawHttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read the JSON freely
  json: any;
}

/** One request with exactly these headers (Host included) to 127.0.0.1:`port`. */
export function rawHttp(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawHttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes `head` (and nothing else) on a new connection and resolves with everything the server sends back. */
export function rawSocket(port: number, head: string, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let received = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
  });
}

/** The JSON body of a raw HTTP/1.1 answer text (after the blank line; chunked transfer coding undone). */
export function bodyOf(answer: string): unknown {
  const start = answer.indexOf('\r\n\r\n');
  const head = answer.slice(0, start).toLowerCase();
  let body = answer.slice(start + 4);
  if (/\r\ntransfer-encoding: chunked/.test(head)) {
    let joined = '';
    for (;;) {
      const lineEnd = body.indexOf('\r\n');
      const size = Number.parseInt(body.slice(0, lineEnd), 16);
      if (!size) break;
      joined += body.slice(lineEnd + 2, lineEnd + 2 + size);
      body = body.slice(lineEnd + 2 + size + 2);
    }
    body = joined;
  }
  return JSON.parse(body);
}
