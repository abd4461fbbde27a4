/** A string literal (kept as is), or an integer literal of 16+ digits that is not part of a fraction/exponent. */
const LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;
/** Cheap pre-check: some integer literal (maybe inside a string) has 16+ digits. */
const HAS_LONG_INTEGER = /(?<![\d.])\d{16,}(?![\d.eE])/;

/**
 * Quotes integer literals that `JSON.parse` would round (int64 primary keys beyond 2^53: the service sends them as
 * numbers, and the Go/Java/Python SDKs read them exactly), so they arrive as exact digit strings — which the service
 * accepts wherever a primary key is expected. Literals that parse to the same digits (e.g. `100000000000000000000`,
 * 1e20) stay numbers.
 */
export function quoteInexactIntegers(text: string): string {
  if (!HAS_LONG_INTEGER.test(text)) return text;
  return text.replace(LONG_INTEGER, (token) =>
    token.startsWith('"') || String(Number(token)) === token ? token : `"${token}"`,
  );
}
