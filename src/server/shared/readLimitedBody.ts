/**
 * Reads a request body up to a byte limit without ever holding more than the limit: a `Content-Length` above it
 * is refused before a byte is read, otherwise the stream is read chunk by chunk and cancelled as soon as the total
 * goes over (so a caller streaming gigabytes costs at most the limit plus one chunk).
 */

/** The default `maxBodyBytes`: 4 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The exact received bytes, or `tooLarge`. */
export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true };

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** True when a `Content-Length` header value (absent: `null`/`undefined`) announces more than `maxBytes`. */
export function declaresMoreThan(declared: string | null | undefined, maxBytes: number): boolean {
  return declared != null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes;
}

/**
 * Reads the body of a request or response (empty when it has none) if it is at most `maxBytes` long. Pure (no Node
 * built-ins): the local engine uses it for downloaded documents too.
 */
export async function readLimitedBody(
  request: Pick<Request, 'headers' | 'body'>,
  maxBytes: number,
): Promise<LimitedBody> {
  if (declaresMoreThan(request.headers.get('content-length'), maxBytes)) {
    void request.body?.cancel().catch(() => undefined);
    return { ok: false, tooLarge: true };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: concat(chunks, total) };
}
