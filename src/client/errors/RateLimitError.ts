import { HttpError } from './HttpError';
import type { VikingDBErrorDetails } from './VikingDBError';

/** 429: too many requests. Retried by default; thrown once the retries are spent. */
export class RateLimitError extends HttpError {
  override name = 'RateLimitError';
  /** The wait the server asked for in `Retry-After`, in ms; `undefined` when it sent none. */
  readonly retryAfterMs: number | undefined;

  constructor(details: VikingDBErrorDetails & { status: number; retryAfterMs?: number | undefined }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}
