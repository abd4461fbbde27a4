/**
 * The local server's answer to `CONNECT` (a tunnel request, which Node hands to the server's `connect` event instead
 * of the request listener): 405 in the vector envelope with a request id, and a log line like every other request.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { writeResponseToSocket } from '../../shared/writeResponseToSocket';
import { httpError } from './errorEnvelope';
import { formatRequestLine, type RequestLogger } from './requestLog';
import { REQUEST_ID_HEADER, resolveRequestId } from '../../shared/requestId';

/** A `connect` listener that refuses every tunnel. */
export function refuseConnect(log: RequestLogger | undefined): (req: IncomingMessage, socket: Duplex) => void {
  return (req, socket) => {
    const started = performance.now();
    const header = req.headers['x-tt-logid'];
    const requestId = resolveRequestId(Array.isArray(header) ? header[0] : header);
    const answer = httpError(
      'vector',
      'methodNotAllowed',
      'the local server does not open tunnels (CONNECT)',
      requestId,
    );
    const response = new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', Allow: 'GET, POST, OPTIONS', [REQUEST_ID_HEADER]: requestId },
    });
    socket.on('error', () => undefined);
    void writeResponseToSocket(socket, response).then(() =>
      log?.(
        formatRequestLine({
          method: 'CONNECT',
          path: req.url ?? '',
          status: answer.status,
          durationMs: performance.now() - started,
          requestId,
        }),
      ),
    );
  };
}
