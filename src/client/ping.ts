import type { VikingCore } from './createVikingCore';
import { KNOWLEDGE_PING } from './knowledge/endpoints';
import type { Endpoint } from './transport/Endpoint';
import type { RequestOptions } from './transport/RequestOptions';

/** The answer to a successful ping. */
export interface PingResult {
  /** Round trip in ms, retries included. */
  latencyMs: number;
  status: number;
  requestId: string | undefined;
}

/** The hosts a ping can check: the vector host, the memory host, and the knowledge API (on the memory host). */
export type PingDomain = 'vector' | 'memory' | 'knowledge';

/** Ping endpoints (api doc §1.2): `GET /api/vikingdb/Ping`, `GET /api/memory/ping`, and the knowledge `GET /ping`. */
const PING_ENDPOINTS = {
  vector: { name: 'vector.ping', method: 'GET', path: '/api/vikingdb/Ping', domain: 'vector', idempotent: true },
  memory: { name: 'memory.ping', method: 'GET', path: '/api/memory/ping', domain: 'memory', idempotent: true },
  knowledge: KNOWLEDGE_PING,
} as const satisfies Record<PingDomain, Endpoint>;

/**
 * Checks that a host answers (and, under AK/SK, that the signature is accepted) and reports the latency; throws the
 * usual errors when it cannot be reached. `client.vector.ping()`, `client.memory.ping()` and `client.knowledge.ping()`
 * call this.
 *
 * @example
 * const { latencyMs } = await ping(viking, 'vector');
 */
export async function ping(core: VikingCore, domain: PingDomain, options?: RequestOptions): Promise<PingResult> {
  const { latencyMs, status, requestId } = await core.transport.call(PING_ENDPOINTS[domain], undefined, options);
  return { latencyMs, status, requestId };
}
