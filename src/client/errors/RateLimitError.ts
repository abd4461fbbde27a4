import { HttpError } from './HttpError';

/** 429: too many requests. Retried by default; thrown once the retries are spent (`retryAfterMs` as the server asked). */
export class RateLimitError extends HttpError {
  override name = 'RateLimitError';
}
