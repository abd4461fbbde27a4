/**
 * Sends a response whose body text is known ({@link responseTextOf}) straight to Node's `ServerResponse`: status,
 * the response's headers as they are after every middleware, `Content-Length`, then the text. This skips reading the
 * body back through a web stream, which costs more than the rest of a small answer.
 */
import type { ServerResponse } from 'node:http';
import { responseTextOf } from './responseText';

/** Writes `response` to `outgoing` and returns true when its body text is known; otherwise returns false. */
export function writeKnownResponse(response: Response, outgoing: ServerResponse): boolean {
  const text = responseTextOf(response);
  if (text === undefined || outgoing.headersSent) return false;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(Buffer.byteLength(text));
  outgoing.writeHead(response.status, headers);
  outgoing.end(text);
  return true;
}
