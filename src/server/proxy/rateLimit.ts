/**
 * A token bucket per key (an IP address, a user id from `authorize`, …): each key holds up to `burst` tokens,
 * refilled continuously at `perSecond`; a request takes one token or is refused with the seconds until the next one.
 * Memory stays bounded: at most `maxKeys` buckets are kept, dropping the least recently used (a dropped key starts
 * again with a full bucket, which only ever errs towards letting a request through).
 */

/** Options of the proxy's `rateLimit`. */
export interface RateLimitOptions {
  /** Tokens added per second and key. Required. */
  perSecond: number;
  /** Bucket size: how many requests a key may send at once. Default: `max(1, ceil(perSecond))`. */
  burst?: number | undefined;
  /** Most keys remembered at once. Default 10 000. */
  maxKeys?: number | undefined;
}

/** The outcome of {@link RateLimiter.take}. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A token bucket per key. */
export interface RateLimiter {
  /** Takes one token from `key`'s bucket at time `now` (ms; default `Date.now()`). */
  take(key: string, now?: number): RateDecision;
}

/** The default `maxKeys`: 10 000. */
export const DEFAULT_MAX_RATE_KEYS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** Creates a limiter. Throws a `TypeError` for a non-positive rate or burst. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { perSecond } = options;
  const burst = options.burst ?? Math.max(1, Math.ceil(perSecond));
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_RATE_KEYS;
  if (!(Number.isFinite(perSecond) && perSecond > 0)) throw new TypeError('rateLimit.perSecond must be > 0');
  if (!(Number.isFinite(burst) && burst >= 1)) throw new TypeError('rateLimit.burst must be ≥ 1');
  if (!(Number.isInteger(maxKeys) && maxKeys >= 1)) throw new TypeError('rateLimit.maxKeys must be a whole number ≥ 1');
  const buckets = new Map<string, Bucket>();

  return {
    take(key, now = Date.now()) {
      const previous = buckets.get(key);
      let tokens = burst;
      if (previous) {
        buckets.delete(key);
        tokens = Math.min(burst, previous.tokens + (Math.max(0, now - previous.at) / 1000) * perSecond);
      } else if (buckets.size >= maxKeys) {
        buckets.delete(buckets.keys().next().value!);
      }
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at: now });
        return { ok: true };
      }
      buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
    },
  };
}
