import type { AuthMode } from './auth/AuthMode';
import type { KyHooks } from './transport/KyHooks';
import type { RequestLog, RetryNotice } from './transport/RequestLog';
import type { RetryOption } from './transport/retryStrategy';

/** Options of {@link createVikingClient}. Only `auth` is required. */
export interface VikingClientOptions {
  /**
   * How requests are authenticated: `apiKey(key)`, `aksk({...})`, `signingProxy(url)` or `headerAuth({...})`.
   */
  auth: AuthMode;
  /**
   * Full base URL of the vector API, e.g. `https://api-vikingdb.vikingdb.cn-beijing.volces.com` or
   * `http://127.0.0.1:8329` for the local server. Default: built from `host` and `scheme`, else
   * `https://api-vikingdb.vikingdb.<region>.volces.com`.
   */
  baseUrl?: string | undefined;
  /** Vector API host without scheme (as the Python and Java SDKs take it). Default: see `baseUrl`. */
  host?: string | undefined;
  /** Scheme used with `host` and `memoryHost`. Default: `'https'`. */
  scheme?: 'https' | 'http' | undefined;
  /**
   * Full base URL of the memory API. Default: `memoryHost` with `scheme`; else the same as `baseUrl` when
   * `baseUrl` is given (one server answering both, like the local server); else
   * `https://api-knowledgebase.mlp.<region>.volces.com`.
   */
  memoryBaseUrl?: string | undefined;
  /** Memory API host without scheme. Default: see `memoryBaseUrl`. */
  memoryHost?: string | undefined;
  /** Region for the default hosts and the V4 credential scope. Default: `'cn-beijing'`. */
  region?: string | undefined;
  /** Per-attempt timeout in ms. Default: 30000. */
  timeoutMs?: number | undefined;
  /**
   * Retry strategy, or the default policy's numbers. Default: `exponentialJitter()` —
   * 3 retries, 100 ms doubling to 10 s with full jitter, on 408/429/500/502/503/504, network failures and
   * timeouts; `Retry-After` honoured. Calls that are not idempotent are not retried unless they opt in.
   */
  retry?: RetryOption | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** User-Agent outside browsers (browsers do not let pages set it). Default: `vikingdb-kit/<version>`. */
  userAgent?: string | undefined;
  /** The fetch implementation. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Called once per finished call (success, failure or abort). Default: none. */
  onRequestEnd?: ((log: RequestLog) => void) | undefined;
  /** Called before each retry with the wait chosen. Default: none. */
  onRetry?: ((notice: RetryNotice) => void) | undefined;
  /**
   * ky hooks on every call (a call's own `hooks` option replaces them for that call). `beforeRequest` hooks run on every
   * attempt BEFORE the request is authorized, so a header they set is signed under AK/SK; `beforeRetry`,
   * `afterResponse` and `beforeError` run as in ky. Default: none.
   *
   * @example
   * createVikingClient({ auth, hooks: { beforeRequest: [(request) => request.headers.set('X-Trace-Id', id())] } });
   */
  hooks?: KyHooks | undefined;
}

/** The default region, as in the Go and Java SDKs. */
export const DEFAULT_REGION = 'cn-beijing';
/** The default per-attempt timeout in ms, as in the Python and Go SDKs. */
export const DEFAULT_TIMEOUT_MS = 30_000;
