import type { ApiResponse } from '../transport/transport';

/** Request id and latency of a call. */
export interface Meta {
  requestId: string | undefined;
  latencyMs: number;
}

/** The request id and latency of a response, to spread into a result object. */
export function metaOf(response: ApiResponse<unknown>): Meta {
  return { requestId: response.requestId, latencyMs: response.latencyMs };
}
