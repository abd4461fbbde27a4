import { HttpError } from './HttpError';

/** 401 or 403: the credentials were refused or lack permission. Never retried. */
export class AuthError extends HttpError {
  override name = 'AuthError';
}
