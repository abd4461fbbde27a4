/**
 * Which headers cross the proxy, in each direction. Both directions use allow-lists rather than deny-lists, so a
 * header nobody thought of (a caller's `Authorization`, `Cookie`, `X-Security-Token`, `X-Date`,
 * `X-Content-Sha256`, header-auth identities such as `X-Top-Account-Id`, hop-by-hop headers, an upstream's
 * `Set-Cookie` or CORS headers) never passes.
 */

/** Request headers forwarded upstream: the content type, `Accept`, `User-Agent` and the request id. */
export const FORWARDED_REQUEST_HEADERS: readonly string[] = ['content-type', 'accept', 'user-agent', 'x-tt-logid'];

/** Headers the proxy never forwards, even when listed in `forwardHeaders`. */
export const NEVER_FORWARDED: ReadonlySet<string> = new Set([
  'authorization',
  'cookie',
  'x-security-token',
  'x-date',
  'x-content-sha256',
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

/** Response headers returned to the caller: content type, request id, `Retry-After`, cache directives. */
export const RETURNED_RESPONSE_HEADERS: readonly string[] = [
  'content-type',
  'x-tt-logid',
  'retry-after',
  'cache-control',
];

/** Validates and lower-cases the extra names of the `forwardHeaders` option. Throws a `TypeError`. */
export function resolveForwardHeaders(extra: readonly string[] = []): readonly string[] {
  const names = new Set(FORWARDED_REQUEST_HEADERS);
  for (const raw of extra) {
    const name = raw.trim().toLowerCase();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) throw new TypeError(`forwardHeaders: "${raw}" is not a header name`);
    if (NEVER_FORWARDED.has(name)) throw new TypeError(`forwardHeaders: ${name} is never forwarded`);
    names.add(name);
  }
  return [...names];
}

/** The caller's headers that go upstream (before signing), by allow-list. */
export function pickRequestHeaders(headers: Headers, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}

/** The upstream's headers that go back to the caller, by allow-list. */
export function pickResponseHeaders(headers: Headers): Headers {
  const picked = new Headers();
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = headers.get(name);
    if (value !== null) picked.set(name, value);
  }
  return picked;
}
