import type { VikingClientOptions } from './options';
import { ping, PING_ENDPOINTS, type PingResult } from './ping';
import { resolveConfig } from './resolveConfig';
import type { RequestOptions } from './transport/RequestOptions';
import { createTransport, type Transport } from './transport/transport';

/** The vector API (service `vikingdb`). */
export interface VectorApi {
  /** `GET /api/vikingdb/Ping`: checks that the vector host answers. */
  ping(options?: RequestOptions): Promise<PingResult>;
}

/** The memory API (service `air`). */
export interface MemoryApi {
  /** `GET /api/memory/ping`: checks that the memory host answers (and, under AK/SK, that the signature is accepted). */
  ping(options?: RequestOptions): Promise<PingResult>;
}

/** A configured VikingDB client. Create it once and share it. */
export interface VikingClient {
  readonly vector: VectorApi;
  readonly memory: MemoryApi;
  /** The resolved base URLs, region and auth kind, for display. */
  readonly info: { vectorBaseUrl: string; memoryBaseUrl: string; region: string; auth: string };
  /** The transport the API objects use; for the kit's own packages. */
  readonly transport: Transport;
}

/**
 * Creates a client for the VikingDB v2 vector and memory APIs.
 *
 * @example
 * const client = createVikingClient({ auth: apiKey(process.env.VIKINGDB_API_KEY!), region: 'cn-beijing' });
 * await client.vector.ping();
 */
export function createVikingClient(options: VikingClientOptions): VikingClient {
  const config = resolveConfig(options);
  const transport = createTransport(config);
  return {
    vector: { ping: (requestOptions) => ping(transport, PING_ENDPOINTS.vector, requestOptions) },
    memory: { ping: (requestOptions) => ping(transport, PING_ENDPOINTS.memory, requestOptions) },
    info: {
      vectorBaseUrl: config.baseUrls.vector,
      memoryBaseUrl: config.baseUrls.memory,
      region: config.region,
      auth: config.auth.kind,
    },
    transport,
  };
}
