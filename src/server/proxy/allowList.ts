/**
 * The paths the signing proxy forwards: every path of the endpoint catalog (`src/client/endpoints.ts`: api doc §3.1,
 * §4.1, §1.2; knowledge contract §3), with its methods and whether it only reads.
 *
 * The ping paths carry no body and reveal nothing, so both presets include them. Knowledge retrieval, rerank and chat
 * change nothing stored, so they count as reads (they cost model tokens: limit callers with `authorize` and
 * `rateLimit`).
 */
import { endpointsByPath, isReadOnly, type CatalogEndpoint } from '../../client/endpoints';

/** Every path the proxy knows — the endpoint catalog's — keyed by path. */
export const PROXY_OPERATIONS: ReadonlyMap<string, CatalogEndpoint> = endpointsByPath();

/** Every API path the proxy knows (vector, memory and knowledge): the default `allow`. */
export const ALL_PATHS: readonly string[] = [...PROXY_OPERATIONS.keys()];

/**
 * The `readOnly` preset: fetch, the six searches, aggregate, sort, embedding, rerank, memory search (all three) and
 * session info, knowledge doc/point info and lists, retrieval, rerank and chat, and the pings. Suitable for public
 * pages.
 */
export const READ_ONLY_PATHS: readonly string[] = [...PROXY_OPERATIONS.values()]
  .filter(isReadOnly)
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
