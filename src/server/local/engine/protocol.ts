/**
 * The boundary between the local VikingDB engine and whatever carries requests to it: the Node HTTP server
 * (src/server/local/http) and the MSW handlers (src/msw). Both hand the engine the raw path and body and send
 * back exactly what it returns, so the two answer identically.
 */

/** One API request as received. */
export interface EngineRequest {
  /** `GET` or `POST` (any other method gets a 404/405-style VikingDB error from the engine). */
  method: string;
  /** URL path without query string, e.g. `/api/vikingdb/data/upsert`. A bare trailing `?` has been stripped. */
  path: string;
  /** Raw body text, `''` when there is none. */
  body: string;
  /** The request id to answer with: the caller's `X-Tt-Logid`, or one the carrier generated. */
  requestId: string;
  /**
   * Aborted when the caller goes away (connection closed, `AbortController.abort()` behind MSW): a streamed chat
   * stops and aborts its model call. Default: none (the request runs to its end).
   */
  signal?: AbortSignal | undefined;
}

/** The engine's answer: an HTTP status and a VikingDB-shaped JSON envelope (containing `request_id`). */
export interface EngineJsonResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A streamed answer (knowledge chat with `stream: true`): status 200, headers to send (`Content-Type:
 * text/event-stream; charset=utf-8`, `Cache-Control: no-cache`) and the body as UTF-8 bytes, one
 * `data:<envelope>\n\n` event per chunk (knowledge api doc §4). Cancelling the stream stops the model. `body` is
 * the success envelope with an empty `data` (what a caller that only reads JSON bodies sees: the request was
 * accepted); carriers send `stream` instead.
 */
export interface EngineStreamResponse extends EngineJsonResponse {
  headers: Record<string, string>;
  stream: ReadableStream<Uint8Array>;
}

/** Either answer; carriers tell them apart with {@link isStreamResponse}. */
export type EngineResponse = EngineJsonResponse | EngineStreamResponse;

/** True for a streamed answer. */
export function isStreamResponse(response: EngineResponse): response is EngineStreamResponse {
  return 'stream' in response;
}

/** A running engine over one storage. */
export interface LocalEngine {
  /** Answers one API request (any domain) as the service would. */
  handle(request: EngineRequest): Promise<EngineResponse>;
  /**
   * Resolves once no document is waiting for or in background processing (knowledge imports). Useful to seed and
   * in tests; requests keep being served meanwhile.
   */
  settled(): Promise<void>;
  /** Waits for writes in flight, then closes the storage. Requests after close get a 503 envelope. */
  close(): Promise<void>;
}
