import type { RequestOptions } from '../transport/RequestOptions';

/** The keys of {@link RequestOptions}; a compile error here means a new option is missing from the list. */
const REQUEST_OPTION_KEYS = {
  signal: true,
  timeoutMs: true,
  headers: true,
  query: true,
  requestId: true,
  maxRetries: true,
  retry: true,
  extraBody: true,
  hooks: true,
} as const satisfies Record<keyof RequestOptions, true>;

/**
 * Splits the options of a call that mixes wire options (`ttl`, `returnDownloadUrl`, …) with request options: the
 * request options go to the transport, every other key the caller passed to the body (none is dropped).
 */
export function splitOptions(options: object): { wire: Record<string, unknown>; request: RequestOptions } {
  const wire: Record<string, unknown> = {};
  const request: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    (key in REQUEST_OPTION_KEYS ? request : wire)[key] = value;
  }
  return { wire, request };
}
