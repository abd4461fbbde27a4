/**
 * Answers the proxy gives itself, shaped like VikingDB's own errors so every client parses them (api doc §2.1,
 * §2.2): vector paths get `{code: "<String>", message, request_id}`, memory and knowledge paths
 * `{code: <number>, message, request_id}`. The request id is also in `X-Tt-Logid`. Messages never contain a secret, a signature or a body.
 */
import type { Domain } from '../../client/endpoints';
import { REQUEST_ID_HEADER } from '../shared/requestId';

/** Why the proxy answered itself. */
export type ProxyErrorKind =
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'methodNotAllowed'
  | 'tooLarge'
  | 'tooManyRequests'
  | 'internal'
  | 'badGateway'
  | 'gatewayTimeout';

const STATUS: Record<ProxyErrorKind, number> = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  tooLarge: 413,
  tooManyRequests: 429,
  internal: 500,
  badGateway: 502,
  gatewayTimeout: 504,
};

/** Vector codes: Java's `ApiCommonCode` names where one fits, else the Go SDK's labels. */
const VECTOR_CODES: Record<ProxyErrorKind, string> = {
  badRequest: 'InvalidParameter',
  unauthorized: 'Unauthorized',
  forbidden: 'AccessDenied',
  notFound: 'NotFound.Api',
  methodNotAllowed: 'MethodNotAllowed',
  tooLarge: 'RequestEntityTooLarge',
  tooManyRequests: 'TooManyRequests',
  internal: 'InternalError',
  badGateway: 'ServiceUnavailable',
  gatewayTimeout: 'Timeout',
};

/**
 * Memory and knowledge codes (api doc §2.2, knowledge contract §2.2): 1000001 Unauthorized, 1000002 NoPermission, 1000003 InvalidRequest, 1000028
 * InternalServer, 1000029 QuotaLimiter.
 */
const MEMORY_CODES: Record<ProxyErrorKind, number> = {
  badRequest: 1000003,
  unauthorized: 1000001,
  forbidden: 1000002,
  notFound: 1000003,
  methodNotAllowed: 1000003,
  tooLarge: 1000003,
  tooManyRequests: 1000029,
  internal: 1000028,
  badGateway: 1000028,
  gatewayTimeout: 1000028,
};

/** The HTTP status of an error kind. */
export function statusOf(kind: ProxyErrorKind): number {
  return STATUS[kind];
}

/** A JSON error response in the envelope of `domain`. */
export function proxyError(
  domain: Domain,
  kind: ProxyErrorKind,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const code = domain === 'vector' ? VECTOR_CODES[kind] : MEMORY_CODES[kind];
  return new Response(JSON.stringify({ code, message, request_id: requestId }), {
    status: STATUS[kind],
    headers: { 'Content-Type': 'application/json', [REQUEST_ID_HEADER]: requestId, ...headers },
  });
}

/**
 * The answer for an upstream error body too large to pass on (it would arrive cut, as invalid JSON): an envelope of
 * the same status and the domain's code for it, with the upstream's request id.
 */
export function truncatedError(
  domain: Domain,
  status: number,
  requestId: string,
  limitBytes: number,
  headers: Headers,
): Response {
  const kind = KIND_OF_STATUS.get(status) ?? (status >= 500 ? 'internal' : 'badRequest');
  const code = domain === 'vector' ? VECTOR_CODES[kind] : MEMORY_CODES[kind];
  const message = `the upstream answered ${status} with an error body larger than ${limitBytes} bytes; the signing proxy cut it (request id ${requestId})`;
  const out = new Headers(headers);
  out.set('Content-Type', 'application/json');
  out.set(REQUEST_ID_HEADER, requestId);
  out.delete('content-length');
  return new Response(JSON.stringify({ code, message, request_id: requestId, truncated: true }), {
    status,
    headers: out,
  });
}

const KIND_OF_STATUS: ReadonlyMap<number, ProxyErrorKind> = new Map(
  (Object.entries(STATUS) as Array<[ProxyErrorKind, number]>).map(([kind, status]) => [status, kind] as const),
);
