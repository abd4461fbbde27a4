/**
 * CORS for the signing proxy, and the cross-origin check that goes with it.
 *
 * A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) from an allowed origin gets 204 with the
 * allow headers; from any other origin 403 without them. Answers to allowed origins carry
 * `Access-Control-Allow-Origin` (the origin itself, never `*`, so credentials work), `Vary: Origin` and expose
 * `X-Tt-Logid` and `Retry-After`.
 *
 * A request whose `Origin` is neither allowed nor the proxy's own (see {@link isSameOrigin}) is
 * refused with 403 before anything else happens: browsers send simple cross-site POSTs (a `text/plain` form) with
 * the user's cookies and without a preflight, and the proxy must not sign those. Callers without `Origin` (servers,
 * curl, SDKs) are not affected.
 */

/** Allowed origins: `'*'` (any), exact origins such as `https://app.example.com`, or a predicate. */
export type CorsOrigin = '*' | readonly string[] | ((origin: string) => boolean | Promise<boolean>);

/** CORS options. */
export interface CorsOptions {
  /** Allowed origins. Required. */
  origin: CorsOrigin;
  /** Send `Access-Control-Allow-Credentials: true` so pages may send cookies. Default `false`. */
  credentials?: boolean | undefined;
  /**
   * Request headers allowed besides `Content-Type`, `Accept`, `Authorization` and `X-Tt-Logid` (e.g. a CSRF
   * header your `authorize` reads). Default: none.
   */
  allowHeaders?: readonly string[] | undefined;
  /** How long browsers may cache a preflight, in seconds. Default 600. */
  maxAgeSeconds?: number | undefined;
}

/** The proxy's `cors` option: the origins alone, or {@link CorsOptions}. */
export type CorsOption = CorsOrigin | CorsOptions;

/** The default `maxAgeSeconds`: 600. */
export const DEFAULT_CORS_MAX_AGE_SECONDS = 600;

const BASE_ALLOW_HEADERS = ['Content-Type', 'Accept', 'Authorization', 'X-Tt-Logid'];

/** The resolved CORS policy. */
export interface CorsPolicy {
  /** Whether a cross-origin `origin` may call the proxy. */
  allows(origin: string): Promise<boolean>;
  /** Headers for an answer to an allowed origin. */
  responseHeaders(origin: string): Record<string, string>;
  /** Headers for a successful preflight from an allowed origin. */
  preflightHeaders(origin: string): Record<string, string>;
}

function isOptionsObject(option: CorsOption): option is CorsOptions {
  return typeof option === 'object' && !Array.isArray(option);
}

/** Resolves the `cors` option; `undefined` means no cross-origin caller is allowed. */
export function createCorsPolicy(option: CorsOption | undefined): CorsPolicy {
  const options: CorsOptions | undefined =
    option === undefined ? undefined : isOptionsObject(option) ? option : { origin: option as CorsOrigin };
  const origin = options?.origin;
  const exact = Array.isArray(origin) ? new Set((origin as readonly string[]).map(normalizeOrigin)) : undefined;
  const allowHeaders = [...BASE_ALLOW_HEADERS, ...(options?.allowHeaders ?? [])].join(', ');
  const maxAge = String(options?.maxAgeSeconds ?? DEFAULT_CORS_MAX_AGE_SECONDS);

  const responseHeaders = (requestOrigin: string): Record<string, string> => {
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': requestOrigin,
      'Access-Control-Expose-Headers': 'X-Tt-Logid, Retry-After',
      Vary: 'Origin',
    };
    if (options?.credentials) headers['Access-Control-Allow-Credentials'] = 'true';
    return headers;
  };

  return {
    async allows(requestOrigin) {
      if (origin === undefined || requestOrigin === 'null') return false;
      if (origin === '*') return true;
      if (exact) return exact.has(normalizeOrigin(requestOrigin));
      if (typeof origin === 'function') {
        try {
          return (await origin(requestOrigin)) === true;
        } catch {
          return false;
        }
      }
      return false;
    },
    responseHeaders,
    preflightHeaders(requestOrigin) {
      return {
        ...responseHeaders(requestOrigin),
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': allowHeaders,
        'Access-Control-Max-Age': maxAge,
      };
    },
  };
}

function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}

/**
 * Whether a request with an `Origin` header comes from the proxy's own page: the origin's host (with port) is the
 * host the request was sent to — which the caller has already checked against the allowed hosts, so a rebound name
 * never counts — or the browser says `Sec-Fetch-Site: same-origin` (a header pages cannot set).
 */
export function isSameOrigin(request: Request, host: string, requestOrigin: string): boolean {
  if (request.headers.get('sec-fetch-site') === 'same-origin') return true;
  try {
    return new URL(requestOrigin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
