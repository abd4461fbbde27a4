import type { ApiResponse } from '../transport/transport';
import { asRecord, type JsonRecord } from './read';

/** Request id, latency and raw payload of a call. */
export interface Meta {
  requestId: string | undefined;
  latencyMs: number;
  raw: JsonRecord;
}

/**
 * The request id, latency and raw payload (`result` / `data` exactly as sent, `{}` when none) of a response, to spread
 * into a result object: a field the service adds is reachable as `result.raw.new_field` before the kit types it.
 */
export function metaOf(response: ApiResponse<unknown>): Meta {
  return { requestId: response.requestId, latencyMs: response.latencyMs, raw: asRecord(response.payload) };
}
