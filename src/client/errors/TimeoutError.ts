import { VikingDBError } from './VikingDBError';

/** An attempt took longer than `timeoutMs`. Retried like a network failure. */
export class TimeoutError extends VikingDBError {
  override name = 'TimeoutError';
}
