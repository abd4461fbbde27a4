/**
 * The one catalog of the VikingDB v2 data plane: every path of the vector API (api doc §3.1), the memory API (§4.1)
 * and the knowledge API (knowledge contract §3), with their pings (api doc §1.2, knowledge contract §3.7). The
 * client's operations, the local engine's routes, the local HTTP layer and the signing proxy's allow list all read
 * it, so a path, its methods and whether it may be repeated or only reads are written down once.
 *
 * Each entry is a constant of its own so that a bundle keeps only those its app calls; {@link ENDPOINTS} lists them
 * all for the servers and tools.
 *
 * - Data paths are POST only. The ping paths answer GET (and POST for `/api/vikingdb/Ping`, which the Java SDK
 *   sends); the knowledge ping sits at the host's root (`/ping`).
 * - `effect`: `read` changes nothing stored (fetch, searches, aggregate, sort, embedding, rerank, memory search and
 *   session info, knowledge infos, lists, retrieval, rerank and chat, the pings; knowledge retrieval, rerank and chat
 *   cost model tokens all the same); `write` changes data, and repeating it changes nothing more (upsert, update and
 *   delete by id); `create` adds something new each time (a session, event, profile, doc or point, and a profile
 *   update).
 * - `idempotent` (`effect` is not `create`): repeating the call cannot change the outcome, so it is retried by
 *   default.
 * - Entries carry only what a client call needs plus `effect` (a browser bundle keeps them), so `methods` is set only
 *   where a path takes more than one method; servers read both through {@link methodsOf} and {@link isReadOnly}.
 */

/**
 * Which API a path belongs to: `vector` (`/api/vikingdb/…`, V4 service `vikingdb`), `memory` (`/api/memory/…`,
 * service `air`) or `knowledge` (`/api/knowledge/…` and `/ping`, service `air`, on the memory host by default). The
 * vector API answers with the `{code:"Success", result}` envelope, memory and knowledge with `{code:0, data}`.
 */
export type Domain = 'vector' | 'memory' | 'knowledge';

/** The HTTP methods the data plane answers. */
export type HttpMethod = 'GET' | 'POST';

/** One VikingDB operation as a client calls it: where it goes and how it may be retried. */
export interface Endpoint {
  /** Operation name used in errors and logs, e.g. `vector.upsert`. */
  readonly name: string;
  /** The method the client sends. */
  readonly method: HttpMethod;
  readonly path: string;
  readonly domain: Domain;
  /** Whether repeating the call cannot change the outcome; only idempotent calls are retried by default. */
  readonly idempotent: boolean;
}

/**
 * What a call does: `read` changes nothing stored; `write` changes data, and repeating it changes nothing more;
 * `create` adds something new each time.
 */
export type Effect = 'read' | 'write' | 'create';

/** A path of the catalog: the operation plus what a server needs to route and guard it. */
export interface CatalogEndpoint extends Endpoint {
  readonly effect: Effect;
  /**
   * Every method the service answers on this path, when there are more than {@link Endpoint.method} (the vector ping
   * also takes POST). Default: `[method]` (see {@link methodsOf}).
   */
  readonly methods?: readonly HttpMethod[];
}

/** Every method the service answers on the endpoint's path. */
export function methodsOf(endpoint: CatalogEndpoint): readonly HttpMethod[] {
  return endpoint.methods ?? [endpoint.method];
}

/** Whether the call changes nothing stored. */
export function isReadOnly(endpoint: CatalogEndpoint): boolean {
  return endpoint.effect === 'read';
}

function post(domain: Domain, name: string, path: string, effect: Effect): CatalogEndpoint {
  return {
    name: `${domain}.${name}`,
    method: 'POST',
    path,
    domain,
    idempotent: effect !== 'create',
    effect,
  };
}

function ping(domain: Domain, path: string, methods?: readonly HttpMethod[]): CatalogEndpoint {
  const endpoint: CatalogEndpoint = {
    name: `${domain}.ping`,
    method: 'GET',
    path,
    domain,
    idempotent: true,
    effect: 'read',
  };
  return methods ? { ...endpoint, methods } : endpoint;
}

/** The same operation, not retried unless the call opts in. */
function notIdempotent(endpoint: CatalogEndpoint): CatalogEndpoint {
  return { ...endpoint, idempotent: false };
}

// Vector (api doc §3.1).
export const VECTOR_UPSERT = /* @__PURE__ */ post('vector', 'upsert', '/api/vikingdb/data/upsert', 'write');
/** An upsert into an auto-id collection creates new rows on every attempt: not retried unless the call opts in. */
export const VECTOR_UPSERT_AUTO_ID = /* @__PURE__ */ notIdempotent(VECTOR_UPSERT);
export const VECTOR_UPDATE = /* @__PURE__ */ post('vector', 'update', '/api/vikingdb/data/update', 'write');
export const VECTOR_DELETE = /* @__PURE__ */ post('vector', 'delete', '/api/vikingdb/data/delete', 'write');
export const VECTOR_FETCH_IN_COLLECTION = /* @__PURE__ */ post(
  'vector',
  'fetch',
  '/api/vikingdb/data/fetch_in_collection',
  'read',
);
export const VECTOR_FETCH_IN_INDEX = /* @__PURE__ */ post(
  'vector',
  'index.fetch',
  '/api/vikingdb/data/fetch_in_index',
  'read',
);
export const VECTOR_SEARCH_VECTOR = /* @__PURE__ */ post(
  'vector',
  'search.vector',
  '/api/vikingdb/data/search/vector',
  'read',
);
export const VECTOR_SEARCH_MULTI_MODAL = /* @__PURE__ */ post(
  'vector',
  'search.multiModal',
  '/api/vikingdb/data/search/multi_modal',
  'read',
);
export const VECTOR_SEARCH_BY_ID = /* @__PURE__ */ post(
  'vector',
  'search.byId',
  '/api/vikingdb/data/search/id',
  'read',
);
export const VECTOR_SEARCH_SCALAR = /* @__PURE__ */ post(
  'vector',
  'search.scalar',
  '/api/vikingdb/data/search/scalar',
  'read',
);
export const VECTOR_SEARCH_KEYWORDS = /* @__PURE__ */ post(
  'vector',
  'search.keywords',
  '/api/vikingdb/data/search/keywords',
  'read',
);
export const VECTOR_SEARCH_RANDOM = /* @__PURE__ */ post(
  'vector',
  'search.random',
  '/api/vikingdb/data/search/random',
  'read',
);
export const VECTOR_AGGREGATE = /* @__PURE__ */ post('vector', 'aggregate', '/api/vikingdb/data/agg', 'read');
export const VECTOR_SORT = /* @__PURE__ */ post('vector', 'sort', '/api/vikingdb/data/sort', 'read');
export const VECTOR_EMBEDDING = /* @__PURE__ */ post('vector', 'embedding', '/api/vikingdb/embedding', 'read');
export const VECTOR_RERANK = /* @__PURE__ */ post('vector', 'rerank', '/api/vikingdb/rerank', 'read');
/** `GET /api/vikingdb/Ping` (the Python SDK, unsigned); the Java SDK sends POST. */
export const VECTOR_PING = /* @__PURE__ */ ping('vector', '/api/vikingdb/Ping', ['GET', 'POST']);

// Memory (api doc §4.1).
export const MEMORY_ADD_SESSION = /* @__PURE__ */ post('memory', 'session.add', '/api/memory/session/add', 'create');
export const MEMORY_SESSION_INFO = /* @__PURE__ */ post('memory', 'session.info', '/api/memory/session/info', 'read');
export const MEMORY_SEARCH = /* @__PURE__ */ post('memory', 'search', '/api/memory/search', 'read');
export const MEMORY_ADD_EVENT = /* @__PURE__ */ post('memory', 'event.add', '/api/memory/event/add', 'create');
export const MEMORY_UPDATE_EVENT = /* @__PURE__ */ post('memory', 'event.update', '/api/memory/event/update', 'write');
export const MEMORY_DELETE_EVENT = /* @__PURE__ */ post('memory', 'event.delete', '/api/memory/event/delete', 'write');
export const MEMORY_BATCH_DELETE_EVENTS = /* @__PURE__ */ post(
  'memory',
  'event.batchDelete',
  '/api/memory/event/batch_delete',
  'write',
);
export const MEMORY_SEARCH_EVENTS = /* @__PURE__ */ post('memory', 'event.search', '/api/memory/event/search', 'read');
export const MEMORY_ADD_PROFILE = /* @__PURE__ */ post('memory', 'profile.add', '/api/memory/profile/add', 'create');
export const MEMORY_UPDATE_PROFILE = /* @__PURE__ */ post(
  'memory',
  'profile.update',
  '/api/memory/profile/update',
  'write',
);
export const MEMORY_DELETE_PROFILE = /* @__PURE__ */ post(
  'memory',
  'profile.delete',
  '/api/memory/profile/delete',
  'write',
);
export const MEMORY_BATCH_DELETE_PROFILES = /* @__PURE__ */ post(
  'memory',
  'profile.batchDelete',
  '/api/memory/profile/batch_delete',
  'write',
);
export const MEMORY_TRIGGER_PROFILE_UPDATE = /* @__PURE__ */ post(
  'memory',
  'profile.triggerUpdate',
  '/api/memory/profile/trigger_update',
  'create',
);
export const MEMORY_SEARCH_PROFILES = /* @__PURE__ */ post(
  'memory',
  'profile.search',
  '/api/memory/profile/search',
  'read',
);
/** `GET /api/memory/ping`. */
export const MEMORY_PING = /* @__PURE__ */ ping('memory', '/api/memory/ping');

// Knowledge (knowledge contract §3): on the memory host, signed for service `air`.
export const KNOWLEDGE_ADD_DOC = /* @__PURE__ */ post('knowledge', 'doc.add', '/api/knowledge/doc/add', 'create');
export const KNOWLEDGE_ADD_DOC_V2 = /* @__PURE__ */ post(
  'knowledge',
  'doc.addV2',
  '/api/knowledge/doc/v2/add',
  'create',
);
export const KNOWLEDGE_DELETE_DOC = /* @__PURE__ */ post(
  'knowledge',
  'doc.delete',
  '/api/knowledge/doc/delete',
  'write',
);
export const KNOWLEDGE_DOC_INFO = /* @__PURE__ */ post('knowledge', 'doc.info', '/api/knowledge/doc/info', 'read');
export const KNOWLEDGE_LIST_DOCS = /* @__PURE__ */ post('knowledge', 'doc.list', '/api/knowledge/doc/list', 'read');
export const KNOWLEDGE_LIST_DOCS_V2 = /* @__PURE__ */ post(
  'knowledge',
  'doc.listV2',
  '/api/knowledge/doc/v2/list',
  'read',
);
export const KNOWLEDGE_SEARCH_DOCS_BY_FILTER = /* @__PURE__ */ post(
  'knowledge',
  'doc.searchByFilter',
  '/api/knowledge/doc/v2/search_by_filter',
  'read',
);
export const KNOWLEDGE_UPDATE_DOC_META = /* @__PURE__ */ post(
  'knowledge',
  'doc.updateMeta',
  '/api/knowledge/doc/update_meta',
  'write',
);
export const KNOWLEDGE_UPDATE_DOC = /* @__PURE__ */ post(
  'knowledge',
  'doc.update',
  '/api/knowledge/doc/update',
  'write',
);
export const KNOWLEDGE_POINT_INFO = /* @__PURE__ */ post(
  'knowledge',
  'point.info',
  '/api/knowledge/point/info',
  'read',
);
export const KNOWLEDGE_LIST_POINTS = /* @__PURE__ */ post(
  'knowledge',
  'point.list',
  '/api/knowledge/point/list',
  'read',
);
export const KNOWLEDGE_ADD_POINT = /* @__PURE__ */ post('knowledge', 'point.add', '/api/knowledge/point/add', 'create');
export const KNOWLEDGE_UPDATE_POINT = /* @__PURE__ */ post(
  'knowledge',
  'point.update',
  '/api/knowledge/point/update',
  'write',
);
export const KNOWLEDGE_DELETE_POINT = /* @__PURE__ */ post(
  'knowledge',
  'point.delete',
  '/api/knowledge/point/delete',
  'write',
);
export const KNOWLEDGE_SEARCH_COLLECTION = /* @__PURE__ */ post(
  'knowledge',
  'collection.search',
  '/api/knowledge/collection/search',
  'read',
);
export const KNOWLEDGE_SEARCH_KNOWLEDGE = /* @__PURE__ */ post(
  'knowledge',
  'collection.searchKnowledge',
  '/api/knowledge/collection/search_knowledge',
  'read',
);
export const KNOWLEDGE_RERANK = /* @__PURE__ */ post('knowledge', 'rerank', '/api/knowledge/service/rerank', 'read');
export const KNOWLEDGE_CHAT_COMPLETION = /* @__PURE__ */ post(
  'knowledge',
  'chatCompletion',
  '/api/knowledge/chat/completions',
  'read',
);
export const KNOWLEDGE_SERVICE_CHAT = /* @__PURE__ */ post(
  'knowledge',
  'serviceChat',
  '/api/knowledge/service/chat',
  'read',
);
/** `GET /ping` at the knowledge host's root. */
export const KNOWLEDGE_PING = /* @__PURE__ */ ping('knowledge', '/ping');

/**
 * Every path of the catalog, once (the auto-id upsert shares the upsert's path): 15 vector paths and their ping,
 * 14 memory paths and their ping, 19 knowledge paths and their ping (51 paths).
 */
export const ENDPOINTS: readonly CatalogEndpoint[] = /* @__PURE__ */ Object.freeze([
  VECTOR_UPSERT,
  VECTOR_UPDATE,
  VECTOR_DELETE,
  VECTOR_FETCH_IN_COLLECTION,
  VECTOR_FETCH_IN_INDEX,
  VECTOR_SEARCH_VECTOR,
  VECTOR_SEARCH_MULTI_MODAL,
  VECTOR_SEARCH_BY_ID,
  VECTOR_SEARCH_SCALAR,
  VECTOR_SEARCH_KEYWORDS,
  VECTOR_SEARCH_RANDOM,
  VECTOR_AGGREGATE,
  VECTOR_SORT,
  VECTOR_EMBEDDING,
  VECTOR_RERANK,
  VECTOR_PING,
  MEMORY_ADD_SESSION,
  MEMORY_SESSION_INFO,
  MEMORY_SEARCH,
  MEMORY_ADD_EVENT,
  MEMORY_UPDATE_EVENT,
  MEMORY_DELETE_EVENT,
  MEMORY_BATCH_DELETE_EVENTS,
  MEMORY_SEARCH_EVENTS,
  MEMORY_ADD_PROFILE,
  MEMORY_UPDATE_PROFILE,
  MEMORY_DELETE_PROFILE,
  MEMORY_BATCH_DELETE_PROFILES,
  MEMORY_TRIGGER_PROFILE_UPDATE,
  MEMORY_SEARCH_PROFILES,
  MEMORY_PING,
  KNOWLEDGE_ADD_DOC,
  KNOWLEDGE_ADD_DOC_V2,
  KNOWLEDGE_DELETE_DOC,
  KNOWLEDGE_DOC_INFO,
  KNOWLEDGE_LIST_DOCS,
  KNOWLEDGE_LIST_DOCS_V2,
  KNOWLEDGE_SEARCH_DOCS_BY_FILTER,
  KNOWLEDGE_UPDATE_DOC_META,
  KNOWLEDGE_UPDATE_DOC,
  KNOWLEDGE_POINT_INFO,
  KNOWLEDGE_LIST_POINTS,
  KNOWLEDGE_ADD_POINT,
  KNOWLEDGE_UPDATE_POINT,
  KNOWLEDGE_DELETE_POINT,
  KNOWLEDGE_SEARCH_COLLECTION,
  KNOWLEDGE_SEARCH_KNOWLEDGE,
  KNOWLEDGE_RERANK,
  KNOWLEDGE_CHAT_COMPLETION,
  KNOWLEDGE_SERVICE_CHAT,
  KNOWLEDGE_PING,
]);

/** The three pings: answered without a body, and by the local server without authentication. */
export const PINGS: readonly CatalogEndpoint[] = /* @__PURE__ */ Object.freeze([
  VECTOR_PING,
  MEMORY_PING,
  KNOWLEDGE_PING,
]);

/** Every catalog path → its entry. */
export function endpointsByPath(): ReadonlyMap<string, CatalogEndpoint> {
  return new Map(ENDPOINTS.map((endpoint) => [endpoint.path, endpoint]));
}

/** True when `path` is `prefix` itself or lies under it (`/api/memory`, `/api/memory/`, `/api/memory/x`). */
function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * The domain of any path, known or not: its catalog entry's, else `knowledge` under `/api/knowledge`, `memory`
 * under `/api/memory`, and `vector` for everything else (whose envelope an unknown path is answered with).
 */
export function domainOfPath(path: string): Domain {
  if (path === KNOWLEDGE_PING.path || isUnder(path, '/api/knowledge')) return 'knowledge';
  return isUnder(path, '/api/memory') ? 'memory' : 'vector';
}
