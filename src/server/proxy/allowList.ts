/**
 * The paths the signing proxy forwards (api doc §3.1, §4.1, §1.2; knowledge contract §3) and which of them only read.
 *
 * Data-plane paths are POST only. The ping paths (`/api/vikingdb/Ping`, `/api/memory/ping` and the knowledge host's
 * `/ping`) answer GET (and POST for `/api/vikingdb/Ping`, which the Java SDK sends); they carry no body and reveal
 * nothing, so both presets include them. Knowledge retrieval, rerank and chat change nothing stored, so they count as
 * reads (they cost model tokens: limit callers with `authorize` and `rateLimit`).
 */

/**
 * Which API a path belongs to: `vector` (`/api/vikingdb/…`, service `vikingdb`), `memory` (`/api/memory/…`, `air`)
 * or `knowledge` (`/api/knowledge/…`, `air`, the memory host by default).
 */
export type ProxyDomain = 'vector' | 'memory' | 'knowledge';

/** A path the proxy knows. */
export interface ProxyOperation {
  /** The upstream path, e.g. `/api/vikingdb/data/search/vector`. */
  readonly path: string;
  readonly domain: ProxyDomain;
  /** Accepted methods. */
  readonly methods: readonly string[];
  /** True for reads (fetch, search, aggregate, sort, embedding, rerank, memory search and session info, pings). */
  readonly readOnly: boolean;
}

const POST = ['POST'] as const;

/** The domain of a path (known or not): what its envelope and upstream are. */
export function domainOfProxyPath(path: string): ProxyDomain {
  if (path === '/api/memory' || path.startsWith('/api/memory/')) return 'memory';
  if (path === '/api/knowledge' || path.startsWith('/api/knowledge/')) return 'knowledge';
  return 'vector';
}

function op(
  path: string,
  readOnly: boolean,
  methods: readonly string[] = POST,
  domain: ProxyDomain = domainOfProxyPath(path),
): ProxyOperation {
  return { path, domain, methods, readOnly };
}

/** Every data-plane path of the vector, memory and knowledge APIs plus their three pings, keyed by path. */
export const PROXY_OPERATIONS: ReadonlyMap<string, ProxyOperation> = new Map(
  [
    op('/api/vikingdb/data/upsert', false),
    op('/api/vikingdb/data/update', false),
    op('/api/vikingdb/data/delete', false),
    op('/api/vikingdb/data/fetch_in_collection', true),
    op('/api/vikingdb/data/fetch_in_index', true),
    op('/api/vikingdb/data/search/vector', true),
    op('/api/vikingdb/data/search/multi_modal', true),
    op('/api/vikingdb/data/search/id', true),
    op('/api/vikingdb/data/search/scalar', true),
    op('/api/vikingdb/data/search/keywords', true),
    op('/api/vikingdb/data/search/random', true),
    op('/api/vikingdb/data/agg', true),
    op('/api/vikingdb/data/sort', true),
    op('/api/vikingdb/embedding', true),
    op('/api/vikingdb/rerank', true),
    op('/api/vikingdb/Ping', true, ['GET', 'POST']),
    op('/api/memory/session/add', false),
    op('/api/memory/session/info', true),
    op('/api/memory/search', true),
    op('/api/memory/event/add', false),
    op('/api/memory/event/update', false),
    op('/api/memory/event/delete', false),
    op('/api/memory/event/batch_delete', false),
    op('/api/memory/event/search', true),
    op('/api/memory/profile/add', false),
    op('/api/memory/profile/update', false),
    op('/api/memory/profile/delete', false),
    op('/api/memory/profile/batch_delete', false),
    op('/api/memory/profile/trigger_update', false),
    op('/api/memory/profile/search', true),
    op('/api/memory/ping', true, ['GET']),
    op('/api/knowledge/doc/add', false),
    op('/api/knowledge/doc/v2/add', false),
    op('/api/knowledge/doc/delete', false),
    op('/api/knowledge/doc/info', true),
    op('/api/knowledge/doc/list', true),
    op('/api/knowledge/doc/v2/list', true),
    op('/api/knowledge/doc/v2/search_by_filter', true),
    op('/api/knowledge/doc/update_meta', false),
    op('/api/knowledge/doc/update', false),
    op('/api/knowledge/point/info', true),
    op('/api/knowledge/point/list', true),
    op('/api/knowledge/point/add', false),
    op('/api/knowledge/point/update', false),
    op('/api/knowledge/point/delete', false),
    op('/api/knowledge/collection/search', true),
    op('/api/knowledge/collection/search_knowledge', true),
    op('/api/knowledge/service/rerank', true),
    op('/api/knowledge/chat/completions', true),
    op('/api/knowledge/service/chat', true),
    // The knowledge ping sits at the host's root (knowledge contract §3.7): forwarded to the knowledge upstream.
    op('/ping', true, ['GET'], 'knowledge'),
  ].map((operation) => [operation.path, operation] as const),
);

/** Every API path the proxy knows (vector, memory and knowledge): the default `allow`. */
export const ALL_PATHS: readonly string[] = [...PROXY_OPERATIONS.keys()];

/**
 * The `readOnly` preset: fetch, the six searches, aggregate, sort, embedding, rerank, memory search (all three) and
 * session info, knowledge doc/point info and lists, retrieval, rerank and chat, and the pings. Suitable for public
 * pages.
 */
export const READ_ONLY_PATHS: readonly string[] = [...PROXY_OPERATIONS.values()]
  .filter((operation) => operation.readOnly)
  .map((operation) => operation.path);

/**
 * Which paths pass: `'all'` (every path of {@link ALL_PATHS}), `'readOnly'` ({@link READ_ONLY_PATHS}), or an
 * explicit list of paths from {@link ALL_PATHS}.
 */
export type AllowOption = 'all' | 'readOnly' | readonly string[];

/**
 * Resolves `allow` to the set of permitted paths. Throws a `TypeError` for a path the proxy does not know, so a typo
 * fails at startup rather than as 403s in production.
 */
export function resolveAllowList(allow: AllowOption = 'all'): ReadonlySet<string> {
  if (allow === 'all') return new Set(ALL_PATHS);
  if (allow === 'readOnly') return new Set(READ_ONLY_PATHS);
  if (!Array.isArray(allow)) throw new TypeError(`allow must be 'all', 'readOnly' or a list of paths`);
  const unknown = allow.filter((path) => !PROXY_OPERATIONS.has(path));
  if (unknown.length > 0) {
    throw new TypeError(`allow lists unknown paths: ${unknown.join(', ')} (known paths: ALL_PATHS)`);
  }
  return new Set(allow);
}
