/**
 * Scope enforcement: `authorize` may pin what a caller can reach, and the proxy makes the request body agree before
 * signing it.
 *
 * - `collectionName` / `projectName` pin `collection_name` / `project_name` on every vector and memory path that
 *   addresses a collection (all but embedding, rerank and the pings), and `collection_name` / `project` (plus `name`
 *   on the two knowledge searches) on the knowledge paths. A `resource_id` would address a collection the proxy
 *   cannot check, so a non-empty one is refused (an empty one, as the Go SDK sends, is removed); so is knowledge
 *   `service/chat`, which addresses a knowledge service by id. Knowledge rerank and chat completions address no
 *   collection and are not limited.
 * - `userId` pins the memory user: `metadata.default_user_id` for `session/add`, `user_id` for `event/add` and
 *   `profile/add`, `filter.user_id` for the three searches and both batch deletes, `filters.user_id` for
 *   `profile/trigger_update`. Paths that act on a record by id (`event/update`, `event/delete`, `profile/update`,
 *   `profile/delete`, `session/info`) cannot be checked against the user and are refused under a user scope.
 *
 * A value the body leaves out is filled in. A value that differs is refused (403) by default, or replaced with
 * `onConflict: 'override'`. A body that is not a JSON object, on a path the scope applies to, is refused (400).
 * The body is re-serialised (compact JSON) only when something changed; otherwise the exact received bytes go on.
 */
import type { CatalogEndpoint } from '../../client/endpoints';

/** What `authorize` may pin for one caller. */
export interface ProxyScope {
  /**
   * The only collection(s) this caller may address (`collection_name`, vector and memory). With one name a body
   * without `collection_name` gets it; with several the body must name one. Default: any.
   */
  collectionName?: string | readonly string[] | undefined;
  /** The only `project_name` this caller may address (filled in when absent). Default: any. */
  projectName?: string | undefined;
  /** The memory user this caller acts as (see the module doc for where it is enforced). Default: any. */
  userId?: string | undefined;
  /** A body naming another collection, project or user: `'reject'` (403) or `'override'`. Default `'reject'`. */
  onConflict?: 'reject' | 'override' | undefined;
}

/** The outcome of {@link applyScope}. */
export type ScopeResult =
  { ok: true; body: Uint8Array } | { ok: false; kind: 'forbidden' | 'badRequest'; message: string };

type JsonObject = Record<string, unknown>;

const NO_COLLECTION = new Set([
  '/api/vikingdb/embedding',
  '/api/vikingdb/rerank',
  '/api/vikingdb/Ping',
  '/api/memory/ping',
  '/ping',
  '/api/knowledge/service/rerank',
  '/api/knowledge/chat/completions',
]);

/** Knowledge paths that also name the collection as `name` (knowledge contract §1.4). */
const NAMED_SEARCHES = new Set(['/api/knowledge/collection/search', '/api/knowledge/collection/search_knowledge']);

/** Addresses a knowledge service by `service_resource_id`, which no collection scope can check. */
const SERVICE_CHAT = '/api/knowledge/service/chat';

/** Where each memory path carries the user: a top-level key, or a key of a nested object. */
const USER_FIELD: ReadonlyMap<string, readonly [string] | readonly [string, string]> = new Map<
  string,
  readonly [string] | readonly [string, string]
>([
  ['/api/memory/session/add', ['metadata', 'default_user_id']],
  ['/api/memory/event/add', ['user_id']],
  ['/api/memory/profile/add', ['user_id']],
  ['/api/memory/search', ['filter', 'user_id']],
  ['/api/memory/event/search', ['filter', 'user_id']],
  ['/api/memory/profile/search', ['filter', 'user_id']],
  ['/api/memory/event/batch_delete', ['filter', 'user_id']],
  ['/api/memory/profile/batch_delete', ['filter', 'user_id']],
  ['/api/memory/profile/trigger_update', ['filters', 'user_id']],
]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the scope pins anything `operation` carries. */
export function scopeApplies(scope: ProxyScope | undefined, operation: CatalogEndpoint): boolean {
  if (!scope) return false;
  const collection = !NO_COLLECTION.has(operation.path);
  const pinsCollection = scope.collectionName !== undefined || scope.projectName !== undefined;
  return (collection && pinsCollection) || (operation.domain === 'memory' && scope.userId !== undefined && collection);
}

/** A JSON value equal to `expected`: the string itself or a one-element list of it (memory filters take both). */
function sameUser(value: unknown, expected: string): boolean {
  return value === expected || (Array.isArray(value) && value.length === 1 && value[0] === expected);
}

/** Checks and, where needed, rewrites `bytes` for `operation` under `scope`. */
export function applyScope(scope: ProxyScope, operation: CatalogEndpoint, bytes: Uint8Array): ScopeResult {
  if (!scopeApplies(scope, operation)) return { ok: true, body: bytes };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, kind: 'badRequest', message: 'the request body must be a JSON object' };
  }
  if (!isObject(body)) return { ok: false, kind: 'badRequest', message: 'the request body must be a JSON object' };
  const override = scope.onConflict === 'override';
  let changed = false;
  const refuse = (message: string): ScopeResult => ({ ok: false, kind: 'forbidden', message });

  const pin = (target: JsonObject, key: string, allowed: readonly string[], what: string): ScopeResult | undefined => {
    const value = target[key];
    if (value === undefined || value === null || value === '') {
      if (allowed.length !== 1) return refuse(`name the ${what} (${key}); this caller may use ${allowed.join(', ')}`);
      target[key] = allowed[0];
      changed = true;
      return undefined;
    }
    if (typeof value === 'string' && allowed.includes(value)) return undefined;
    if (override && allowed.length === 1) {
      target[key] = allowed[0];
      changed = true;
      return undefined;
    }
    return refuse(`this caller may not use that ${what}`);
  };

  if (scope.collectionName !== undefined || scope.projectName !== undefined) {
    if (operation.path === SERVICE_CHAT) {
      return refuse(
        'a knowledge service cannot be limited to this caller’s collection, so service chat is not allowed',
      );
    }
    const resourceId = body['resource_id'];
    if (resourceId !== undefined && resourceId !== null && resourceId !== '') {
      if (!override) return refuse('address the collection by collection_name; resource_id is not allowed here');
    }
    if (resourceId !== undefined) {
      delete body['resource_id'];
      changed = true;
    }
    if (scope.collectionName !== undefined) {
      const names = typeof scope.collectionName === 'string' ? [scope.collectionName] : scope.collectionName;
      const failed = pin(body, 'collection_name', names, 'collection');
      if (failed) return failed;
      if (NAMED_SEARCHES.has(operation.path)) {
        const named = body['collection_name'] as string;
        if (body['name'] !== undefined && body['name'] !== null && body['name'] !== named && !override) {
          return refuse('this caller may not use that collection');
        }
        if (body['name'] !== named) {
          body['name'] = named;
          changed = true;
        }
      }
    }
    if (scope.projectName !== undefined) {
      const key = operation.domain === 'knowledge' ? 'project' : 'project_name';
      const failed = pin(body, key, [scope.projectName], 'project');
      if (failed) return failed;
    }
  }

  if (scope.userId !== undefined && operation.domain === 'memory') {
    const field = USER_FIELD.get(operation.path);
    if (!field) return refuse('this operation cannot be limited to one user, so it is not allowed for this caller');
    let target: JsonObject = body;
    const [first, second] = field;
    if (second !== undefined) {
      const nested = body[first];
      if (nested === undefined || nested === null) {
        target = {};
        body[first] = target;
        changed = true;
      } else if (isObject(nested)) {
        target = nested;
      } else {
        return { ok: false, kind: 'badRequest', message: `${first} must be an object` };
      }
    }
    const key = second ?? first;
    const value = target[key];
    if (value === undefined || value === null || value === '') {
      target[key] = scope.userId;
      changed = true;
    } else if (!sameUser(value, scope.userId)) {
      if (!override) return refuse('this caller may not act for that user');
      target[key] = scope.userId;
      changed = true;
    }
  }

  if (!changed) return { ok: true, body: bytes };
  if (hasUnsafeInteger(new TextDecoder().decode(bytes))) {
    return {
      ok: false,
      kind: 'badRequest',
      message:
        "the body holds integers beyond 2^53 and would have to be rewritten to apply this caller's scope; " +
        'send collection_name, project_name and the user id as the scope pins them',
    };
  }
  return { ok: true, body: new TextEncoder().encode(JSON.stringify(body)) };
}

/**
 * Whether JSON text holds an integer that `JSON.parse` cannot represent exactly (a 64-bit primary key), which a
 * re-serialisation would silently change. Floats are not affected: they round-trip to the same double.
 */
export function hasUnsafeInteger(text: string): boolean {
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const match of outsideStrings.matchAll(/(?:^|[[,:\s])-?(\d{16,})(?=[\s,\]}]|$)/g)) {
    if (BigInt(match[1]!) > BigInt(Number.MAX_SAFE_INTEGER)) return true;
  }
  return false;
}
