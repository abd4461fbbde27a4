import { VikingDBError, type VikingDBErrorDetails } from './VikingDBError';

/** The service answered with a non-2xx status. Subclasses narrow it by status. */
export class HttpError extends VikingDBError {
  override name = 'HttpError';
  /** Always set for HTTP errors. */
  declare readonly status: number;
  /**
   * The wait the server asked for in `Retry-After` (seconds or an HTTP date), in ms; `undefined` when it sent none.
   * Usually on a 429 or 503.
   */
  declare readonly retryAfterMs: number | undefined;

  constructor(details: VikingDBErrorDetails & { retryAfterMs?: number | undefined }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}
