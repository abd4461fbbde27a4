/**
 * VikingDB's response envelopes (api doc §2.1, §2.2) and the mapping of {@link EngineError} kinds onto them.
 * Error bodies always carry `request_id` (the Python SDK reads it only from the body).
 */
import type { Domain } from '../../../client/endpoints';
import type { EngineJsonResponse } from './protocol';
import type { EngineErrorKind } from './EngineError';
import { limitMessage } from './quote';

/** Message of every vector success (as the cloud sends it). */
export const VECTOR_SUCCESS_MESSAGE = 'The API call was executed successfully.';

const VECTOR_ERRORS: Record<EngineErrorKind, { status: number; code: string }> = {
  invalid: { status: 400, code: 'InvalidParameter' },
  missing: { status: 400, code: 'MissingParameter' },
  collectionNotFound: { status: 404, code: 'NotFound.VikingdbCollection' },
  indexNotFound: { status: 404, code: 'NotFound.VikingdbIndex' },
  dataNotFound: { status: 404, code: 'NotFound.VikingdbData' },
  docNotFound: { status: 404, code: 'NotFound.VikingdbData' },
  pointNotFound: { status: 404, code: 'NotFound.VikingdbData' },
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
  docNotFound: { status: 404, code: 1000011 },
  pointNotFound: { status: 404, code: 1000011 },
  pathNotFound: { status: 404, code: 1000003 },
  methodNotAllowed: { status: 405, code: 1000003 },
  unavailable: { status: 503, code: 1000028 },
  internal: { status: 500, code: 1000028 },
};

/** Knowledge codes (knowledge api doc §2.2): the memory family plus DocNotExist 1001001 and PointNotExist 1002001. */
const KNOWLEDGE_ERRORS: Record<EngineErrorKind, { status: number; code: number }> = {
  ...MEMORY_ERRORS,
  docNotFound: { status: 404, code: 1001001 },
  pointNotFound: { status: 404, code: 1002001 },
};

/** `{code:"Success", message, request_id, api, result}`; `result` omitted when `undefined` (delete). */
export function vectorSuccess(requestId: string, api: string, result: unknown): EngineJsonResponse {
  const body: Record<string, unknown> = {
    code: 'Success',
    message: VECTOR_SUCCESS_MESSAGE,
    request_id: requestId,
    api,
  };
  if (result !== undefined) body['result'] = result;
  return { status: 200, body };
}

/** `{code:0, message:"success", request_id, data}` (memory and knowledge). */
export function memorySuccess(requestId: string, data: unknown): EngineJsonResponse {
  return { status: 200, body: { code: 0, message: 'success', request_id: requestId, data: data ?? {} } };
}

/** The error envelope of `domain` for an error kind. */
export function errorResponse(
  domain: Domain,
  kind: EngineErrorKind,
  message: string,
  requestId: string,
): EngineJsonResponse {
  const { status, code } =
    domain === 'vector' ? VECTOR_ERRORS[kind] : domain === 'memory' ? MEMORY_ERRORS[kind] : KNOWLEDGE_ERRORS[kind];
  return { status, body: { code, message: limitMessage(message), request_id: requestId } };
}
