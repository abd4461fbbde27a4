import type { AuthMode } from './AuthMode';

/** Options of {@link signingProxy}. All are optional. */
export interface SigningProxyOptions {
  /**
   * `fetch` credentials mode, so the proxy's `authorize` hook can read the session cookie.
   * Default: `'same-origin'`; use `'include'` for a proxy on another origin.
   */
  credentials?: RequestCredentials | undefined;
  /** Extra headers for the proxy (e.g. a CSRF token). Default: none. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * No credentials in the client: every request (vector and memory) goes unsigned to `url`, a signing proxy
 * (`createSigningProxy` from `vikingdb-kit/server`) that holds the keys, checks the caller, signs and forwards.
 * The proxy routes by path prefix (`/api/vikingdb/…`, `/api/memory/…`). `url` may be relative to the page,
 * e.g. `'/vikingdb'`.
 */
export function signingProxy(url: string, options: SigningProxyOptions = {}): AuthMode {
  const headers = { ...options.headers };
  return {
    kind: 'signingProxy',
    baseUrl: url,
    fetchCredentials: options.credentials ?? 'same-origin',
    authorize: () => headers,
  };
}
