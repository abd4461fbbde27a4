import { VikingDBError } from './VikingDBError';

/** No response arrived: DNS, refused connection, reset, or (in a browser) a CORS refusal. Retried. */
export class NetworkError extends VikingDBError {
  override name = 'NetworkError';
}
