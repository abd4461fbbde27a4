import type { Domain } from '../transport/envelope';

/** A request about to be sent, as an auth mode sees it. */
export interface OutgoingRequest {
  method: string;
  url: URL;
  /** Query pairs in the order they appear in `url`. */
  query: ReadonlyArray<readonly [string, string]>;
  /** Headers that will be sent (before auth headers are added). */
  headers: Readonly<Record<string, string>>;
  /** The exact body text that will be sent; `''` for GET. */
  body: string;
  /** Which API the request belongs to: `vector` (service `vikingdb`) or `memory` (service `air`). */
  domain: Domain;
  /** The client's region. */
  region: string;
}

/**
 * How requests are authenticated. Create one with `apiKey`, `aksk`, `signingProxy` or `headerAuth`.
 */
export interface AuthMode {
  readonly kind: 'apiKey' | 'aksk' | 'signingProxy' | 'headers';
  /** When set, every request goes to this base URL instead of the VikingDB hosts (signing proxy). */
  readonly baseUrl?: string | undefined;
  /** `fetch` credentials mode (cookies). Default: the runtime's (`same-origin`). */
  readonly fetchCredentials?: RequestCredentials | undefined;
  /** Headers to add to the request. May be async (V4 signing). */
  authorize(request: OutgoingRequest): Record<string, string> | Promise<Record<string, string>>;
}
