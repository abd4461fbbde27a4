import type { VikingCore } from '../createVikingCore';
import type { Endpoint } from '../transport/Endpoint';
import { mergeHeaders } from '../transport/mergeHeaders';
import type { RequestOptions } from '../transport/RequestOptions';
import { createTransport } from '../transport/transport';

/** A streaming call whose answer arrived (2xx) and whose body is not read yet. */
export interface OpenStream {
  /** The 2xx response; its body is the event stream. */
  response: Response;
  /** The `X-Tt-Logid` response header, else the id the caller sent. */
  requestId: string | undefined;
  attempts: number;
  url: string;
  /** The caller's signal: aborting it closes the connection. */
  signal: AbortSignal | undefined;
  /** Longest wait for the next bytes of the body, in ms. */
  timeoutMs: number;
}

/**
 * Sends a streaming call through the client's own transport — the same validation of options, auth, V4 signing,
 * timeout to the answer and retries before it — with `Accept: text/event-stream`, and resolves with the 2xx response
 * unread. The transport sees an empty body in place of the stream (its fetch is wrapped for this call), so a non-2xx
 * answer still becomes the usual error, and nothing is retried once the answer began.
 */
export async function openStream(
  core: VikingCore,
  endpoint: Endpoint,
  body: unknown,
  options: RequestOptions = {},
): Promise<OpenStream> {
  const { config } = core.transport;
  const baseFetch = config.fetch ?? globalThis.fetch;
  let streamed: Response | undefined;
  const transport = createTransport({
    ...config,
    fetch: async (input, init) => {
      const response = await baseFetch(input, init);
      if (!response.ok) return response;
      streamed = response;
      return new Response(null, response);
    },
  });
  const answer = await transport.call(endpoint, body, {
    ...options,
    headers: mergeHeaders({ Accept: 'text/event-stream' }, options.headers),
  });
  return {
    response: streamed!,
    requestId: answer.requestId,
    attempts: answer.attempts,
    url: streamed!.url,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? config.timeoutMs,
  };
}
