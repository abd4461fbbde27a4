/**
 * Which browser origins may call the local server. Patterns are exact origins, `*` (any origin), or origins with
 * `*` wildcards: `http://localhost:*` matches `http://localhost` on any port (and without one),
 * `https://*.example.com` any subdomain.
 */

/** The default: pages served from this machine on any port. */
export const DEFAULT_CORS_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternToRegExp(pattern: string): RegExp {
  const anyPort = pattern.endsWith(':*');
  const body = anyPort ? pattern.slice(0, -2) : pattern;
  const source = body.split('*').map(escapeRegExp).join('[^/:]*');
  return new RegExp(`^${source}${anyPort ? '(?::\\d{1,5})?' : ''}$`, 'i');
}

/** Compiles origin patterns into a predicate. */
export function createOriginMatcher(patterns: readonly string[] = DEFAULT_CORS_ORIGINS): (origin: string) => boolean {
  if (patterns.includes('*')) return () => true;
  const compiled = patterns.map((pattern) => patternToRegExp(pattern.replace(/\/+$/, '')));
  return (origin) => compiled.some((re) => re.test(origin));
}
