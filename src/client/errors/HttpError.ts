import { VikingDBError } from './VikingDBError';

/** The service answered with a non-2xx status. Subclasses narrow it by status. */
export class HttpError extends VikingDBError {
  override name = 'HttpError';
  /** Always set for HTTP errors. */
  declare readonly status: number;
}
