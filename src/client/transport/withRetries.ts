import type { RetryOptions } from 'ky';
import { HttpError } from '../errors/HttpError';
import type { VikingDBError } from '../errors/VikingDBError';
import type { RetryStrategy } from './retryStrategy';

/**
 * ky's `retry` options and `beforeRetry` hook for one call; ky runs the loop. `limit` is the call's retries (which
 * is how idempotency reaches ky: 0 for a call that may not repeat), `methods` allows POST (VikingDB's verb for
 * everything), and `shouldRetry` hands ky the strategy's answer about our error (`failureOf` makes it from what
 * ky threw) — so the strategy, not ky's `statusCodes`/`afterStatusCodes`/`retryOnTimeout` (which `shouldRetry`
 * overrides), decides: the presets retry {@link isTransientError} failures and refuse a `Retry-After` beyond their
 * `maxDelayMs` (ky's `maxRetryAfter` would wait it, capped). ky's `delay` then waits the strategy's `delayMs`
 * (jitter and `Retry-After` included), ended early by the caller's `signal`; nothing is retried once it aborted.
 * `onRetry` is called from `delay`, which ky calls once per retry just before the wait.
 */
export function withRetries(
  strategy: RetryStrategy,
  maxRetries: number,
  signal: AbortSignal | undefined,
  failureOf: (thrown: unknown) => Promise<VikingDBError>,
  onRetry: (retry: number, delayMs: number, error: VikingDBError) => void,
): RetryOptions {
  let next: { error: VikingDBError; delayMs: number } | undefined;
  return {
    limit: maxRetries,
    methods: ['get', 'post'],
    shouldRetry: async ({ error: thrown, retryCount }) => {
      if (signal?.aborted) return false;
      const error = await failureOf(thrown);
      const retryAfterMs = error instanceof HttpError ? error.retryAfterMs : undefined;
      const context = { retry: retryCount, maxRetries, error, retryAfterMs };
      if (!strategy.shouldRetry(context)) return false;
      next = { error, delayMs: Math.max(0, strategy.delayMs(context)) };
      return true;
    },
    delay: (retryCount) => {
      // A retry an `afterResponse` hook forced with `ky.retry()` skipped `shouldRetry`: no wait, no error of ours.
      const chosen = next;
      next = undefined;
      if (!chosen) return 0;
      onRetry(retryCount, chosen.delayMs, chosen.error);
      return chosen.delayMs;
    },
  };
}
