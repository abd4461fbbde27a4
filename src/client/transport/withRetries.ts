import type { BeforeRetryHook, RetryOptions } from 'ky';
import { HttpError } from '../errors/HttpError';
import type { VikingDBError } from '../errors/VikingDBError';
import { isTransientError, RETRYABLE_STATUSES, type RetryContext, type RetryStrategy } from './retryStrategy';

/** What the retry options need from the call. */
export interface RetryPlan {
  strategy: RetryStrategy;
  /** Retries allowed for this call: 0 for a call that is not idempotent unless it opted in. */
  maxRetries: number;
  /** The caller's signal: once it aborted, nothing is retried. */
  signal: AbortSignal | undefined;
  /** Our error for what ky rejected an attempt with. */
  failureOf: (thrown: unknown) => Promise<VikingDBError>;
  /** Called just before a retry is sent, after its wait. */
  onRetry: (retry: number, delayMs: number, error: VikingDBError) => void;
}

const STATUSES: number[] = /* @__PURE__ */ Array.from(RETRYABLE_STATUSES);

/**
 * ky's `retry` options and `beforeRetry` hook for one call. ky runs the loop: `limit` is the call's retries (so
 * idempotency is decided by the caller of this function), `shouldRetry` asks the strategy about our error, and
 * then
 * - a transient failure under a strategy with a `backoff` (the presets) is left to ky: `statusCodes` and
 *   `retryOnTimeout` agree with {@link isTransientError}, a `Retry-After` on any of those statuses is waited up to
 *   `maxRetryAfter`, else `delay` + `jitter` capped by `backoffLimit`;
 * - any other retry the strategy wants is forced, and ky waits the strategy's own `delayMs`.
 * The `beforeRetry` hook reports the retry with the wait ky made.
 */
export function withRetries(plan: RetryPlan): { retry: RetryOptions; beforeRetry: BeforeRetryHook } {
  const { strategy, maxRetries, signal } = plan;
  const { backoff } = strategy;
  let context: RetryContext | undefined;
  let forced = false;
  let waitMs = 0;

  const retry: RetryOptions = {
    limit: maxRetries,
    // VikingDB is POST (and a few GETs); which calls may repeat is per endpoint, so `limit` carries it.
    methods: ['get', 'post'],
    statusCodes: STATUSES,
    afterStatusCodes: STATUSES,
    retryOnTimeout: true,
    // ky's defaults (no cap) stand where the strategy sets none.
    ...(backoff && { maxRetryAfter: backoff.maxRetryAfterMs }),
    ...(backoff?.maxDelayMs !== undefined && { backoffLimit: backoff.maxDelayMs }),
    delay: (retryCount) => {
      if (forced && context) return Math.max(0, strategy.delayMs(context));
      return backoff ? backoff.delayMs(retryCount) : 0;
    },
    // ky calls `jitter` on every wait it computes (not on a `Retry-After`), so this is where the wait is known.
    jitter: (delayMs) => {
      const jittered = !forced && backoff?.jitter ? backoff.jitter(delayMs) : delayMs;
      waitMs = Math.min(jittered, backoff?.maxDelayMs ?? Infinity);
      return waitMs;
    },
    shouldRetry: async ({ error: thrown, retryCount }) => {
      if (signal?.aborted) return false;
      const error = await plan.failureOf(thrown);
      const retryAfterMs = error instanceof HttpError ? error.retryAfterMs : undefined;
      context = { retry: retryCount, maxRetries, error, retryAfterMs };
      if (!strategy.shouldRetry(context)) return false;
      forced = !(backoff && isTransientError(error));
      // ky waits a Retry-After itself, without calling `delay` or `jitter`.
      if (backoff && !forced && retryAfterMs !== undefined) waitMs = Math.min(retryAfterMs, backoff.maxRetryAfterMs);
      return forced ? true : undefined;
    },
  };

  const beforeRetry: BeforeRetryHook = ({ retryCount }) => {
    // A retry an `afterResponse` hook forced with `ky.retry()` skipped `shouldRetry`: it has no error of ours.
    if (context) plan.onRetry(retryCount, waitMs, context.error);
    context = undefined;
    forced = false;
  };
  return { retry, beforeRetry };
}
