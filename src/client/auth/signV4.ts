import { queryPairs, uriEncode, type QueryInput } from '../transport/url';
import type { SignerCrypto } from './crypto/SignerCrypto';

export { queryPairs, uriEncode, type QueryInput };

/**
 * Volcengine V4 (HMAC-SHA256) request signing, as the official SDK signers do it (api doc §1.5).
 *
 * Which headers are signed: every header whose lowercased name is `content-type`, `content-md5`, `host`, or
 * starts with `x-` — matched case-insensitively, because fetch `Headers` lowercase names anyway.
 *
 * `Host` is signed only when it is among the headers (or `signHost` adds it). The default is the Python
 * signer's variant, which leaves Host out: the service accepts it (the Python SDK runs on it in production),
 * and it keeps a signature valid when something between client and service rewrites or normalises Host
 * (dev-server proxies, port handling). Go and Java sign Host; pass `signHost: true` for that variant.
 *
 * Query parameters are sorted by key in code point order (as Python's `sorted`), values of a repeated key keep
 * their order, and keys and values are percent-encoded leaving only `A-Z a-z 0-9 - _ . ~` (space → `%20`).
 */

/** Long-lived credentials, or a temporary STS set with its session token. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** STS session token, sent (and signed) as `X-Security-Token`. Default: none. */
  sessionToken?: string | undefined;
}

export interface V4SignInput {
  method: string;
  /** The URL path as sent, e.g. `/api/vikingdb/data/upsert` (percent-encoded or not; it is normalised). */
  path: string;
  query?: QueryInput | undefined;
  /** Headers that will be sent. Names may use any case. */
  headers: Readonly<Record<string, string>>;
  /** The exact bytes of the body that will be sent (a string is hashed as UTF-8). */
  body: string | Uint8Array;
  credentials: Credentials;
  region: string;
  /** `vikingdb` for the vector API, `air` for memory. */
  service: string;
  /** The signing time. Default: now. */
  date?: Date | undefined;
  /** URL host to sign as `Host` (Go/Java variant). Default: not signed unless already in `headers`. */
  signHost?: string | undefined;
}

export interface V4Signature {
  /** Headers to add to the request: `X-Date`, `X-Content-Sha256`, `Authorization` and, with STS, `X-Security-Token`. */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  signedHeaders: string;
  /** `<date>/<region>/<service>/request` */
  credentialScope: string;
}

export type V4Signer = (input: V4SignInput) => Promise<V4Signature>;

const KEY_CACHE_SIZE = 8;

/** Formats a date as `YYYYMMDD'T'HHMMSS'Z'` in UTC. */
export function formatXDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Compares two strings by Unicode code point (UTF-16 order differs for astral characters). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** `a=x%20y&b=2`: sorted by key (stable for repeated keys), encoded. */
export function canonicalQuery(query: QueryInput | undefined): string {
  return queryPairs(query)
    .map((pair, index) => ({ pair, index }))
    .sort((l, r) => compareCodePoints(l.pair[0], r.pair[0]) || l.index - r.index)
    .map(({ pair: [k, v] }) => `${uriEncode(k)}=${uriEncode(v)}`)
    .join('&');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path encoded per segment with the unreserved set, `/` kept; empty → `/`. */
export function canonicalUri(path: string): string {
  if (path.length === 0) return '/';
  return path
    .split('/')
    .map((segment) => uriEncode(safeDecode(segment)))
    .join('/');
}

function isSignedHeader(lowerName: string): boolean {
  return (
    lowerName === 'content-type' || lowerName === 'content-md5' || lowerName === 'host' || lowerName.startsWith('x-')
  );
}

function canonicalHeaderValue(name: string, value: string): string {
  const trimmed = value.trim();
  return name === 'host' ? trimmed.replace(/:(80|443)$/, '') : trimmed;
}

/**
 * Creates a V4 signer on a crypto backend. The derived signing key is cached per
 * (secret, date, region, service), so repeated calls within a day cost two hashes and one HMAC.
 */
export function createV4Signer<TKey>(crypto: SignerCrypto<TKey>): V4Signer {
  const keyCache = new Map<string, TKey | Promise<TKey>>();

  function signingKey(secret: string, date: string, region: string, service: string): TKey | Promise<TKey> {
    const cacheKey = `${date}\n${region}\n${service}\n${secret}`;
    let key = keyCache.get(cacheKey);
    if (key === undefined) {
      key = crypto.deriveSigningKey(secret, date, region, service);
      if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
      keyCache.set(cacheKey, key);
      if (key instanceof Promise) key.catch(() => keyCache.delete(cacheKey));
    }
    return key;
  }

  return async function signV4(input) {
    const xDate = formatXDate(input.date ?? new Date());
    const shortDate = xDate.slice(0, 8);
    const bodyHash = await crypto.sha256Hex(input.body);
    const added: Record<string, string> = { 'X-Date': xDate, 'X-Content-Sha256': bodyHash };
    if (input.credentials.sessionToken) added['X-Security-Token'] = input.credentials.sessionToken;

    const signed = new Map<string, string>();
    const collect = (name: string, value: string) => {
      const lower = name.toLowerCase();
      if (isSignedHeader(lower)) signed.set(lower, canonicalHeaderValue(lower, value));
    };
    for (const [name, value] of Object.entries(input.headers)) collect(name, value);
    if (input.signHost !== undefined && !signed.has('host')) collect('host', input.signHost);
    for (const [name, value] of Object.entries(added)) collect(name, value);

    const names = [...signed.keys()].sort();
    const signedHeaders = names.join(';');
    const headerBlock = names.map((name) => `${name}:${signed.get(name)!}\n`).join('');
    const canonicalRequest = [
      input.method.toUpperCase(),
      canonicalUri(input.path),
      canonicalQuery(input.query),
      headerBlock,
      signedHeaders,
      bodyHash,
    ].join('\n');
    const credentialScope = `${shortDate}/${input.region}/${input.service}/request`;
    const stringToSign = ['HMAC-SHA256', xDate, credentialScope, await crypto.sha256Hex(canonicalRequest)].join('\n');
    const key = await signingKey(input.credentials.secretAccessKey, shortDate, input.region, input.service);
    const signature = await crypto.hmacHex(key, stringToSign);
    added['Authorization'] =
      `HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${credentialScope}, ` +
      `SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return { headers: added, canonicalRequest, stringToSign, signature, signedHeaders, credentialScope };
  };
}
