import { HttpError } from './HttpError';

/** 5xx: the service (or a gateway in front of it) failed. 500/502/503/504 are retried by default. */
export class ServerError extends HttpError {
  override name = 'ServerError';
}
