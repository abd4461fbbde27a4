/**
 * Whether a `Content-Type` header names JSON: `application/json`, with or without parameters (`; charset=utf-8`, as
 * the Java SDK sends it). A browser can send only `text/plain`, `multipart/form-data` or
 * `application/x-www-form-urlencoded` (or nothing) without a CORS preflight, so requiring JSON keeps every "simple"
 * cross-site request out.
 */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (!header) return false;
  return header.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}
