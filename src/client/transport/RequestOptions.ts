import type { KyHooks } from './KyHooks';
import type { QueryInput } from './url';
import type { RetryOption } from './retryStrategy';

/** Options every call accepts as its last argument. Each one overrides the client's setting for this call only. */
export interface RequestOptions {
  /** Cancels the call, including a pending retry wait; the call rejects with the signal's reason. Default: none. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms. Default: the client's `timeoutMs` (30000). */
  timeoutMs?: number | undefined;
  /** Extra headers for this call; `X-*` headers are signed under AK/SK. Default: none. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Query parameters appended to the URL (and signed). Default: none. */
  query?: QueryInput | undefined;
  /** Sent as `X-Tt-Logid`, so the service logs the call under your id. Default: none (the service assigns one). */
  requestId?: string | undefined;
  /**
   * Retries for this call. Setting it also allows retries of a call that is not idempotent (e.g. `addSession`).
   * Default: the client's retry strategy for idempotent calls, 0 for the others.
   */
  maxRetries?: number | undefined;
  /** Retry strategy (or the default policy's numbers) for this call; also opts a non-idempotent call in. Default: the client's. */
  retry?: RetryOption | undefined;
  /**
   * Keys merged into the top level of the JSON body, verbatim: wire names (snake_case, no case conversion), values
   * as given. A key here wins over the one the call generated (locator fields included), so it also overrides a
   * parameter. The escape hatch for a field the typed parameters do not model yet; not validated. Ignored by GET
   * calls (they have no body). Default: none.
   *
   * @example
   * await index.search.vector({ denseVector }, { extraBody: { new_service_flag: true } });
   */
  extraBody?: Readonly<Record<string, unknown>> | undefined;
  /**
   * ky hooks for this call, in place of the client's `hooks`. `beforeRequest` hooks run on every attempt before the
   * request is authorized, so a header they set is signed under AK/SK. Default: the client's `hooks`.
   */
  hooks?: KyHooks | undefined;
}
