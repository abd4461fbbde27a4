/**
 * Error answers the HTTP layer gives itself (before the engine sees a request), in the envelope of the path's
 * domain: vector `{code: "<String>", message, request_id}`, memory and knowledge `{code: <number>, message, request_id}`
 * (api doc §2.1, §2.2). Codes match the engine's where they overlap (404, 405, 500, 503).
 */
import type { Domain } from '../../../client/endpoints';
import type { EngineJsonResponse } from '../engine/protocol';
import { limitMessage } from '../engine/quote';

/** Why the HTTP layer refused a request. */
export type HttpErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'tooLarge'
  | 'unsupportedMediaType'
  | 'methodNotAllowed'
  | 'notFound'
  | 'unavailable'
  | 'internal';

const STATUS: Record<HttpErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  unsupportedMediaType: 415,
  tooLarge: 413,
  methodNotAllowed: 405,
  notFound: 404,
  unavailable: 503,
  internal: 500,
};

const VECTOR_CODES: Record<HttpErrorKind, string> = {
  unauthorized: 'Unauthorized',
  forbidden: 'AccessDenied',
  unsupportedMediaType: 'UnsupportedMediaType',
  tooLarge: 'RequestEntityTooLarge',
  methodNotAllowed: 'MethodNotAllowed',
  notFound: 'NotFound.Api',
  unavailable: 'ServiceUnavailable',
  internal: 'InternalError',
};

/**
 * Memory codes: 1000001 Unauthorized, 1000002 NoPermission, 1000003 InvalidRequest, 1000028 InternalServer (api doc
 * §2.2).
 */
const MEMORY_CODES: Record<HttpErrorKind, number> = {
  unauthorized: 1000001,
  forbidden: 1000002,
  unsupportedMediaType: 1000003,
  tooLarge: 1000003,
  methodNotAllowed: 1000003,
  notFound: 1000003,
  unavailable: 1000028,
  internal: 1000028,
};

/** The status and envelope for an HTTP-layer error. */
export function httpError(domain: Domain, kind: HttpErrorKind, message: string, requestId: string): EngineJsonResponse {
  const code = domain === 'vector' ? VECTOR_CODES[kind] : MEMORY_CODES[kind];
  return { status: STATUS[kind], body: { code, message: limitMessage(message), request_id: requestId } };
}
