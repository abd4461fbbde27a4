import type { AuthMode } from './AuthMode';

/**
 * Fixed headers on every request, unsigned: for private deployments and gateways that authenticate by
 * header (e.g. `X-Top-Account-Id`, `X-Top-User-Id`, `X-Top-Role-Id`), and for the local server.
 */
export function headerAuth(headers: Readonly<Record<string, string>>): AuthMode {
  const copy = { ...headers };
  return { kind: 'headers', authorize: () => copy };
}
