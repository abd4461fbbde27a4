import { MEMORY_PING, VECTOR_PING, type Endpoint } from './endpoints';
import type { RequestOptions } from './transport/RequestOptions';
import type { Transport } from './transport/transport';

/** The answer to a successful ping. */
export interface PingResult {
  /** Round trip in ms, retries included. */
  latencyMs: number;
  status: number;
  requestId: string | undefined;
}

/** Ping endpoints (api doc §1.2): `GET /api/vikingdb/Ping` and `GET /api/memory/ping`. */
export const PING_ENDPOINTS = { vector: VECTOR_PING, memory: MEMORY_PING } as const satisfies Record<string, Endpoint>;

/** Sends a ping and reports latency; throws the usual errors when the service cannot be reached. */
export async function ping(transport: Transport, endpoint: Endpoint, options?: RequestOptions): Promise<PingResult> {
  const { latencyMs, status, requestId } = await transport.call(endpoint, undefined, options);
  return { latencyMs, status, requestId };
}
