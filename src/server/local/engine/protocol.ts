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
}

/** The engine's answer: an HTTP status and a VikingDB-shaped JSON envelope (containing `request_id`). */
export interface EngineResponse {
  status: number;
  body: Record<string, unknown>;
}

/** A running engine over one storage. */
export interface LocalEngine {
  handle(request: EngineRequest): Promise<EngineResponse>;
  /** Waits for writes in flight, then closes the storage. Requests after close get a 503 envelope. */
  close(): Promise<void>;
}
