/**
 * Writes a fetch `Response` straight onto a socket as an HTTP/1.1 answer, then closes the socket. For requests that
 * never reach a `request` listener — `CONNECT` arrives as the server's `connect` event with a bare socket — so they
 * still get a proper answer instead of a dropped connection.
 */
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

/** Sends `response` (status, headers, whole body) on `socket` with `Connection: close`, and ends the socket. */
export async function writeResponseToSocket(socket: Duplex, response: Response): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  const reason = response.statusText || STATUS_CODES[response.status] || '';
  const lines = [`HTTP/1.1 ${response.status} ${reason}`];
  for (const [name, value] of response.headers) {
    if (name !== 'content-length' && name !== 'connection' && name !== 'transfer-encoding')
      lines.push(`${name}: ${value}`);
  }
  lines.push(`Content-Length: ${body.byteLength}`, 'Connection: close', '', '');
  if (socket.destroyed) return;
  socket.write(lines.join('\r\n'));
  socket.end(body);
}
