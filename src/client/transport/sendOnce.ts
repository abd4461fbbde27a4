/**
 * The fetch ky runs for each attempt: the response with its whole body already read. ky's `timeout` covers only
 * the promise of its `fetch`, so reading the body inside it puts the body under the same per-attempt deadline —
 * a body that stalls after the headers times out and is retried like a silent server.
 */

/** The body could not be read (the connection broke midway); carries the status that had arrived. */
export class UnreadBodyError extends Error {
  override name = 'UnreadBodyError';
  constructor(
    readonly status: number,
    override readonly cause: unknown,
  ) {
    super('the response body could not be read', { cause });
  }
}

/** Wraps `fetchImpl` so its promise resolves once the body is in memory; the response it gives is a copy. */
export function sendOnce(fetchImpl: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    let text: string;
    try {
      text = await readText(response, signal ?? undefined);
    } catch (cause) {
      throw signal?.aborted ? cause : new UnreadBodyError(response.status, cause);
    }
    return new Response(text === '' ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** The body as text; rejects with the signal's reason when it aborts first (even if `fetch` ignores the signal). */
function readText(response: Response, signal: AbortSignal | undefined): Promise<string> {
  if (!signal) return response.text();
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      void response.body?.cancel().catch(() => undefined);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    response
      .text()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
