/**
 * Options and public types of {@link createSigningProxy}. Every option states its default.
 */
import type { Credentials } from '../../client/auth/signV4';
import type { Domain } from '../../client/endpoints';
import type { AllowOption } from './allowList';
import type { AllowedHostsOption } from '../shared/allowedHosts';
import type { CorsOption } from './cors';
import type { RateLimitOptions } from './rateLimit';
import type { ProxyScope } from './scope';

/** AK/SK (and optional STS session token) the proxy signs with. */
export type ProxyCredentials = Credentials;

/**
 * Static credentials, or a function returning them (called once per forwarded request, so it can hand out rotating
 * STS tokens; cache inside it if fetching them is expensive).
 */
export type CredentialsOption = ProxyCredentials | (() => ProxyCredentials | Promise<ProxyCredentials>);

/** Where one API is forwarded to. */
export interface UpstreamOptions {
  /**
   * Base URL (scheme, host, optional port and path prefix). Default: `https://api-vikingdb.vikingdb.<region>.volces.com`
   * for vector, `https://api-knowledgebase.mlp.<region>.volces.com` for memory.
   */
  url?: string | undefined;
  /** Region in the credential scope. Default: the proxy's `region`. */
  region?: string | undefined;
  /** V4 service name. Default: `vikingdb` for vector, `air` for memory. */
  service?: string | undefined;
}

/** What the proxy knows about the request when it calls `authorize`. */
export interface AuthorizeContext {
  /** The VikingDB path, with `basePath` removed, e.g. `/api/memory/search`. */
  path: string;
  domain: Domain;
  /** Whether the path only reads (see `READ_ONLY_PATHS`). */
  readOnly: boolean;
  /** The caller's address when the host adapter knows it (the Node adapter and the Vite plugin do). */
  clientAddress: string | undefined;
}

/** A successful `authorize` that also limits the caller. */
export interface AuthorizeGrant {
  /** What the body must address (fixed collection, project, memory user). Default: no restriction. */
  scope?: ProxyScope | undefined;
  /** The rate-limit bucket for this caller (e.g. a user id). Default: the client address. */
  rateLimitKey?: string | undefined;
}

/**
 * `true` or an {@link AuthorizeGrant} to let the request through; `false` for 401; a `Response` to answer with it
 * (e.g. a 403 or a redirect to a login page).
 */
export type AuthorizeResult = boolean | Response | AuthorizeGrant;

/**
 * Checks the caller before anything is read or forwarded (a session cookie, a JWT, a CSRF header). It must not
 * consume the request body. A thrown error answers 500 without its message.
 */
export type AuthorizeHook = (request: Request, context: AuthorizeContext) => AuthorizeResult | Promise<AuthorizeResult>;

/** One line of the proxy's log: never a body, a secret or a signature. */
export interface ProxyLogEntry {
  method: string;
  /** The path as requested (basePath included), without the query. */
  path: string;
  status: number;
  requestId: string;
  /** Milliseconds until the response headers were ready. */
  durationMs: number;
  /** Why the proxy answered itself, when it did (e.g. `forbidden`, `tooLarge`). */
  refused?: string | undefined;
}

/** Options of {@link createSigningProxy}. Only `credentials` is required. */
export interface SigningProxyOptions {
  /** AK/SK the proxy signs with, or an async provider. Required. */
  credentials: CredentialsOption;
  /** Region for both upstreams (each may override). Default `cn-beijing`. */
  region?: string | undefined;
  /** The vector upstream (`/api/vikingdb/…`, service `vikingdb`). Default: the VikingDB cloud in `region`. */
  vector?: UpstreamOptions | undefined;
  /** The memory upstream (`/api/memory/…`, service `air`). Default: the memory cloud in `region`. */
  memory?: UpstreamOptions | undefined;
  /**
   * The knowledge upstream (`/api/knowledge/…`, service `air`). Default: the `memory` upstream (knowledge and memory
   * share a host), else the knowledge cloud in `region`.
   */
  knowledge?: UpstreamOptions | undefined;
  /**
   * Path prefix the handler is mounted under, removed before routing: with `'/vikingdb'`, a request to
   * `/vikingdb/api/vikingdb/data/upsert` is forwarded as `/api/vikingdb/data/upsert` (pair it with
   * `signingProxy('/vikingdb')` in the client). Default `''`.
   */
  basePath?: string | undefined;
  /** Which paths pass: `'all'`, `'readOnly'` or an explicit list of paths; others get 403. Default `'all'`. */
  allow?: AllowOption | undefined;
  /** Checks each caller before anything is forwarded. Default: every caller is let through. */
  authorize?: AuthorizeHook | undefined;
  /**
   * `Host` names the proxy answers besides loopback (`localhost`, `127.0.0.1`, `[::1]`, any port); any other host
   * gets 403, so a DNS-rebinding page cannot use the keys. List the name(s) the proxy is deployed under
   * (`['api.example.com']`, or `['.example.com']` for a domain and its subdomains); `true` answers any host, only
   * behind a trusted reverse proxy that checks it. Default: loopback only.
   */
  allowedHosts?: AllowedHostsOption | undefined;
  /** Browser origins allowed to call the proxy cross-origin. Default: none (same-origin pages and non-browser callers only). */
  cors?: CorsOption | undefined;
  /** Largest request body in bytes; larger ones get 413 without being buffered. Default 4 MiB. */
  maxBodyBytes?: number | undefined;
  /**
   * Milliseconds to wait for the upstream's answer before answering 504 (for an error answer, its whole body too);
   * for a success body, the longest gap between two chunks before the stream is cut. Default 30 000.
   */
  timeoutMs?: number | undefined;
  /** A token bucket per caller; over the limit → 429 with `Retry-After`. Default: no limit. */
  rateLimit?: RateLimitOptions | undefined;
  /**
   * Extra request header names to forward (and sign if they are `x-*`) besides Content-Type, Accept, User-Agent
   * and X-Tt-Logid. Credentials, cookies and hop-by-hop headers can never be added. Default: none.
   */
  forwardHeaders?: readonly string[] | undefined;
  /** Receives one entry per request. Default: no logging. */
  log?: ((entry: ProxyLogEntry) => void) | undefined;
  /** The fetch used to reach the upstreams. Default: `globalThis.fetch` at call time. */
  fetch?: typeof globalThis.fetch | undefined;
}

/** Per-request facts a host adapter can pass along. */
export interface ProxyContext {
  /** The caller's IP address: the rate-limit key when `authorize` gives none. Default: unknown (one shared bucket). */
  clientAddress?: string | undefined;
  /**
   * The request's real method when the `Request` cannot carry it: fetch refuses to build one for `CONNECT`, `TRACE`
   * and `TRACK`, so an adapter passes a bodiless `GET` and the method here (the proxy answers it 405). Default: the
   * request's own method.
   */
  method?: string | undefined;
}

/** The handler: a standard `Request → Response` function, with optional adapter context. */
export type SigningProxyHandler = (request: Request, context?: ProxyContext) => Promise<Response>;
