/**
 * URL helpers shared by the transport (which builds the URL it sends) and the V4 signer (which signs the same
 * query): one encoding, so the query on the wire is byte for byte the one that was signed.
 */

/** Query parameters: a record (array values repeat the key) or ordered key/value pairs. */
export type QueryInput =
  Readonly<Record<string, string | number | boolean | readonly string[]>> | ReadonlyArray<readonly [string, string]>;

/** Percent-encodes everything outside `A-Z a-z 0-9 - _ . ~`, as UTF-8 with uppercase hex. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Turns any query input into ordered pairs. */
export function queryPairs(query: QueryInput | undefined): Array<readonly [string, string]> {
  if (!query) return [];
  if (Array.isArray(query)) return query.map(([k, v]) => [k, v] as const);
  const pairs: Array<readonly [string, string]> = [];
  for (const [key, value] of Object.entries(query as Record<string, string | number | boolean | readonly string[]>)) {
    if (Array.isArray(value)) for (const v of value as readonly string[]) pairs.push([key, v]);
    else pairs.push([key, String(value)]);
  }
  return pairs;
}

/** `base` + `path` + the query pairs in their order, each key and value encoded with {@link uriEncode}. */
export function buildUrl(base: string, path: string, query: ReadonlyArray<readonly [string, string]>): URL {
  const search = query.map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join('&');
  return new URL(`${base}${path}${search ? `?${search}` : ''}`);
}
