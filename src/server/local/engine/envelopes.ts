/**
 * VikingDB's response envelopes (api doc §2.1, §2.2) and the mapping of {@link EngineError} kinds onto them.
 * Error bodies always carry `request_id` (the Python SDK reads it only from the body).
 */
import type { EngineResponse } from './protocol';
import type { EngineErrorKind } from './EngineError';
import { limitMessage } from './quote';

/** Which envelope family a path answers with. */
export type ApiDomain = 'vector' | 'memory';

/** Message of every vector success (as the cloud sends it). */
export const VECTOR_SUCCESS_MESSAGE = 'The API call was executed successfully.';

const VECTOR_ERRORS: Record<EngineErrorKind, { status: number; code: string }> = {
  invalid: { status: 400, code: 'InvalidParameter' },
  missing: { status: 400, code: 'MissingParameter' },
  collectionNotFound: { status: 404, code: 'NotFound.VikingdbCollection' },
  indexNotFound: { status: 404, code: 'NotFound.VikingdbIndex' },
  dataNotFound: { status: 404, code: 'NotFound.VikingdbData' },
  pathNotFound: { status: 404, code: 'NotFound.Api' },
  methodNotAllowed: { status: 405, code: 'MethodNotAllowed' },
  unavailable: { status: 503, code: 'ServiceUnavailable' },
  internal: { status: 500, code: 'InternalError' },
};

const MEMORY_ERRORS: Record<EngineErrorKind, { status: number; code: number }> = {
  invalid: { status: 400, code: 1000003 },
  missing: { status: 400, code: 1000003 },
  collectionNotFound: { status: 404, code: 1000005 },
  indexNotFound: { status: 404, code: 1000008 },
  dataNotFound: { status: 404, code: 1000011 },
  pathNotFound: { status: 404, code: 1000003 },
  methodNotAllowed: { status: 405, code: 1000003 },
  unavailable: { status: 503, code: 1000028 },
  internal: { status: 500, code: 1000028 },
};

/** `{code:"Success", message, request_id, api, result}`; `result` omitted when `undefined` (delete). */
export function vectorSuccess(requestId: string, api: string, result: unknown): EngineResponse {
  const body: Record<string, unknown> = {
    code: 'Success',
    message: VECTOR_SUCCESS_MESSAGE,
    request_id: requestId,
    api,
  };
  if (result !== undefined) body['result'] = result;
  return { status: 200, body };
}

/** `{code:0, message:"success", request_id, data}`. */
export function memorySuccess(requestId: string, data: unknown): EngineResponse {
  return { status: 200, body: { code: 0, message: 'success', request_id: requestId, data: data ?? {} } };
}

/** The error envelope of `domain` for an error kind. */
export function errorResponse(
  domain: ApiDomain,
  kind: EngineErrorKind,
  message: string,
  requestId: string,
): EngineResponse {
  const { status, code } = domain === 'vector' ? VECTOR_ERRORS[kind] : MEMORY_ERRORS[kind];
  return { status, body: { code, message: limitMessage(message), request_id: requestId } };
}
