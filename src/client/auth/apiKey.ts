import type { AuthMode } from './AuthMode';

/**
 * API-key auth: sends `Authorization: Bearer <key>` on every request.
 * Keep keys out of browser bundles; in a browser use {@link signingProxy}.
 */
export function apiKey(key: string): AuthMode {
  const header = { Authorization: `Bearer ${key}` };
  return { kind: 'apiKey', authorize: () => header };
}
