import type { VikingDBError } from '../errors/VikingDBError';
import { NetworkError } from '../errors/NetworkError';
import { TimeoutError } from '../errors/TimeoutError';

/** What a retry strategy is told after a failed attempt. */
export interface RetryContext {
  /** The number of the retry being considered: 1 for the first retry. */
  retry: number;
  /** The retries allowed for this call (the strategy's, or the call's `maxRetries`). */
  maxRetries: number;
  /** Why the attempt failed. */
  error: VikingDBError;
  /** The wait the server asked for with `Retry-After`, in ms; `undefined` when absent. */
  retryAfterMs: number | undefined;
}

/**
 * Decides whether and when to retry. Use a preset ({@link exponentialJitter}, {@link linear}, {@link none})
 * or write your own. `maxRetries` is an upper bound the transport enforces; a call's `maxRetries` overrides it.
 */
export interface RetryStrategy {
  readonly maxRetries: number;
  /** Whether the failed attempt described by `context` gets another one. */
  shouldRetry(context: RetryContext): boolean;
  /** How long to wait in ms before the next attempt. */
  delayMs(context: RetryContext): number;
}

/** HTTP statuses that are worth another attempt: 408, 429, 500, 502, 503, 504. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);

/** True for errors that may pass on a later attempt: the statuses above, network failures and timeouts. */
export function isTransientError(error: VikingDBError): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  return error.status !== undefined && RETRYABLE_STATUSES.has(error.status);
}

/** Common options of the presets. */
export interface RetryPresetOptions {
  /** Retries after the first attempt. Default: 3. */
  maxRetries?: number | undefined;
  /** Random source in [0, 1), for tests. Default: `Math.random`. */
  random?: (() => number) | undefined;
}

/** Options of {@link exponentialJitter}. */
export interface ExponentialJitterOptions extends RetryPresetOptions {
  /** Cap of the first wait in ms; it doubles each retry. Default: 100. */
  baseDelayMs?: number | undefined;
  /** Largest wait in ms; a `Retry-After` beyond it ends the retries. Default: 10000. */
  maxDelayMs?: number | undefined;
}

/** Options of {@link linear}. */
export interface LinearOptions extends RetryPresetOptions {
  /** Fixed wait in ms before each retry. Default: 500. */
  delayMs?: number | undefined;
  /** Add a random [0, delayMs) to each wait, as the Java SDK does. Default: true. */
  jitter?: boolean | undefined;
  /** Largest `Retry-After` honoured in ms; beyond it the retries end. Default: 10000. */
  maxDelayMs?: number | undefined;
}

function honoursRetryAfter(context: RetryContext, maxDelayMs: number): boolean {
  return context.retryAfterMs === undefined || context.retryAfterMs <= maxDelayMs;
}

/**
 * The default: retry transient failures with "full jitter" — wait a random time in
 * [0, min(maxDelayMs, baseDelayMs · 2^(retry−1))) — so 100 ms doubling to 10 s, 3 retries.
 * A `Retry-After` is waited exactly when it is at most `maxDelayMs`; a longer one ends the retries.
 */
export function exponentialJitter(options: ExponentialJitterOptions = {}): RetryStrategy {
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const random = options.random ?? Math.random;
  return {
    maxRetries,
    shouldRetry: (context) => isTransientError(context.error) && honoursRetryAfter(context, maxDelayMs),
    delayMs: (context) => {
      if (context.retryAfterMs !== undefined) return context.retryAfterMs;
      const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (context.retry - 1));
      return Math.floor(random() * cap);
    },
  };
}

/** Retry transient failures after a fixed wait (plus jitter by default), like the Java SDK's linear strategy. */
export function linear(options: LinearOptions = {}): RetryStrategy {
  const maxRetries = options.maxRetries ?? 3;
  const delayMs = options.delayMs ?? 500;
  const jitter = options.jitter ?? true;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const random = options.random ?? Math.random;
  return {
    maxRetries,
    shouldRetry: (context) => isTransientError(context.error) && honoursRetryAfter(context, maxDelayMs),
    delayMs: (context) => context.retryAfterMs ?? delayMs + (jitter ? Math.floor(random() * delayMs) : 0),
  };
}

/** Never retry. */
export function none(): RetryStrategy {
  return { maxRetries: 0, shouldRetry: () => false, delayMs: () => 0 };
}

/** The numbers of the default policy, accepted wherever a strategy is. */
export type RetryPolicyOptions = ExponentialJitterOptions;

/** A strategy, or the default policy's numbers. */
export type RetryOption = RetryStrategy | RetryPolicyOptions;

/** Resolves a {@link RetryOption} to a strategy. */
export function toRetryStrategy(option: RetryOption | undefined): RetryStrategy {
  if (option && 'shouldRetry' in option && typeof option.shouldRetry === 'function') return option;
  return exponentialJitter(option as RetryPolicyOptions | undefined);
}
