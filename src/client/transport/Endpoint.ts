import type { Domain } from './envelope';

/** One VikingDB operation: where it goes and how it may be retried. */
export interface Endpoint {
  /** Operation name used in errors and logs, e.g. `vector.upsert`. */
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly domain: Domain;
  /** Whether repeating the call cannot change the outcome; only idempotent calls are retried by default. */
  readonly idempotent: boolean;
}
