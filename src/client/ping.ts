import type { Endpoint } from './transport/Endpoint';
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
export const PING_ENDPOINTS = {
  vector: { name: 'vector.ping', method: 'GET', path: '/api/vikingdb/Ping', domain: 'vector', idempotent: true },
  memory: { name: 'memory.ping', method: 'GET', path: '/api/memory/ping', domain: 'memory', idempotent: true },
} as const satisfies Record<string, Endpoint>;

/** Sends a ping and reports latency; throws the usual errors when the service cannot be reached. */
export async function ping(transport: Transport, endpoint: Endpoint, options?: RequestOptions): Promise<PingResult> {
  const { latencyMs, status, requestId } = await transport.call(endpoint, undefined, options);
  return { latencyMs, status, requestId };
}
