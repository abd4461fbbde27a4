import { createKnowledgeApi, type KnowledgeApi } from './knowledge/knowledgeApi';
import { createMemoryCollection, type MemoryCollection } from './memory/memoryCollection';
import type { MemoryLocator } from './memory/types';
import { createVikingCore, infoOf, type VikingClientInfo, type VikingCore } from './createVikingCore';
import type { VikingClientOptions } from './options';
import { ping, type PingResult } from './ping';
import type { RequestOptions } from './transport/RequestOptions';
import { createCollection, type CollectionOptions, type VectorCollection } from './vector/collection';
import { embedding } from './vector/embedding';
import { rerank } from './vector/rerank';
import type {
  AnyFields,
  CollectionLocator,
  EmbeddingParams,
  EmbeddingResult,
  RerankParams,
  RerankResult,
} from './vector/types';
import { createVectorIndex, type VectorIndex } from './vector/vectorIndex';

/** The vector API (service `vikingdb`). */
export interface VectorApi {
  /** Data operations on a collection. `TFields` types a row (all fields, vectors included). */
  collection<TFields = AnyFields>(locator: CollectionLocator, options?: CollectionOptions): VectorCollection<TFields>;
  /** Search, fetch, aggregate and sort on an index of a collection. */
  index<TFields = AnyFields>(collection: CollectionLocator, indexName: string): VectorIndex<TFields>;
  /** `POST /api/vikingdb/embedding`: dense/sparse/tensor embeddings of text and media. */
  embedding(params: EmbeddingParams, options?: RequestOptions): Promise<EmbeddingResult>;
  /** `POST /api/vikingdb/rerank`: scores candidates against a query. */
  rerank(params: RerankParams, options?: RequestOptions): Promise<RerankResult>;
  /** `GET /api/vikingdb/Ping`: checks that the vector host answers. */
  ping(options?: RequestOptions): Promise<PingResult>;
}

/** The memory API (service `air`). */
export interface MemoryApi {
  /** Sessions, memory search, events and profiles of a memory collection. */
  collection(locator: MemoryLocator): MemoryCollection;
  /** `GET /api/memory/ping`: checks that the memory host answers (and, under AK/SK, that the signature is accepted). */
  ping(options?: RequestOptions): Promise<PingResult>;
}

/**
 * A configured VikingDB client. Create it once and share it. It is also a {@link VikingCore}, so the standalone
 * operations (`searchByVector(client, …)`) accept it too.
 */
export interface VikingClient extends VikingCore {
  readonly vector: VectorApi;
  readonly memory: MemoryApi;
  /** Knowledge bases: documents, points, retrieval, rerank and (streamed) chat. */
  readonly knowledge: KnowledgeApi;
  /** The resolved base URLs, region and auth kind, for display. */
  readonly info: VikingClientInfo;
}

/**
 * Creates a client for the VikingDB v2 vector, memory and knowledge APIs.
 *
 * @example
 * const client = createVikingClient({ auth: apiKey(process.env.VIKINGDB_API_KEY!), region: 'cn-beijing' });
 * const hits = await client.vector.index('text', 'text_index').search.multiModal({ text: 'session filters', limit: 5 });
 */
export function createVikingClient(options: VikingClientOptions): VikingClient {
  const core = createVikingCore(options);
  // Every method calls the standalone function of its operation with this core (one implementation each).
  return {
    transport: core.transport,
    info: infoOf(core),
    vector: {
      collection: (locator, collectionOptions) => createCollection(core, locator, collectionOptions),
      index: (collection, indexName) => createVectorIndex(core, collection, indexName),
      embedding: (params, requestOptions) => embedding(core, params, requestOptions),
      rerank: (params, requestOptions) => rerank(core, params, requestOptions),
      ping: (requestOptions) => ping(core, 'vector', requestOptions),
    },
    memory: {
      collection: (locator) => createMemoryCollection(core, locator),
      ping: (requestOptions) => ping(core, 'memory', requestOptions),
    },
    knowledge: createKnowledgeApi(core),
  };
}
