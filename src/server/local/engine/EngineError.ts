/**
 * The one error type engine handlers throw. It carries a domain-neutral `kind`; the envelope of the answering domain
 * turns it into VikingDB's status and code (string codes for vector, numeric codes for memory), see `envelopes.ts`.
 */

/** What went wrong, independent of the API domain. */
export type EngineErrorKind =
  | 'invalid' //            400 InvalidParameter / 1000003
  | 'missing' //            400 MissingParameter / 1000003
  | 'collectionNotFound' // 404 NotFound.VikingdbCollection / 1000005
  | 'indexNotFound' //      404 NotFound.VikingdbIndex / 1000008
  | 'dataNotFound' //       404 NotFound.VikingdbData / 1000011
  | 'docNotFound' //        404 (knowledge 1001001 DocNotExist)
  | 'pointNotFound' //      404 (knowledge 1002001 PointNotExist)
  | 'pathNotFound' //       404 NotFound.Api / 1000003
  | 'methodNotAllowed' //   405 MethodNotAllowed / 1000003
  | 'unavailable' //        503 ServiceUnavailable / 1000028
  | 'internal'; //          500 InternalError / 1000028

import { limitMessage } from './quote';

/**
 * A request the engine refuses; `message` names the offending path and says what to do. Messages longer than
 * 1000 characters are shortened (user values inside should already be quoted with `quote`).
 */
export class EngineError extends Error {
  override name = 'EngineError';
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
  ) {
    super(limitMessage(message));
  }
}

/** 400: a parameter has a wrong type or value. */
export function invalid(message: string): EngineError {
  return new EngineError('invalid', message);
}

/** 400: a required parameter is absent. */
export function missing(path: string, what = 'is required'): EngineError {
  return new EngineError('missing', `${path} ${what}`);
}
