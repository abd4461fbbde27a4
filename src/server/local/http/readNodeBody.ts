/**
 * {@link readLimitedBody} for a request served by Node's HTTP server: reads the `IncomingMessage` directly instead of
 * through the web stream the `Request` wraps around it (a write body arrives in a few chunks; the web stream costs
 * more than the copy). Same limit rules: a `Content-Length` above the limit is refused before a byte is read, and a
 * body that grows past it stops being kept (the rest is drained and discarded, so the 413 can still be answered).
 */
import type { IncomingMessage } from 'node:http';
import { declaresMoreThan, type LimitedBody } from '../../shared/readLimitedBody';

export async function readLimitedNodeBody(incoming: IncomingMessage, maxBytes: number): Promise<LimitedBody> {
  if (declaresMoreThan(incoming.headers['content-length'], maxBytes)) {
    incoming.resume();
    return { ok: false, tooLarge: true };
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Keep reading (and dropping) the rest, so the connection can still carry the answer.
      chunks.length = 0;
      incoming.off('data', onData);
      incoming.resume();
      resolve({ ok: false, tooLarge: true });
    };
    incoming.on('data', onData);
    incoming.once('end', () => {
      if (total <= maxBytes)
        resolve({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) });
    });
    incoming.once('error', reject);
    // A client that goes away mid-body: 'close' without 'end' (after either, settling again changes nothing).
    incoming.once('close', () => reject(new Error('the request body was cut off')));
  });
}
