import { hintForStatus } from './hints';
import { AuthError } from './AuthError';
import { HttpError } from './HttpError';
import { NotFoundError } from './NotFoundError';
import { RateLimitError } from './RateLimitError';
import { ServerError } from './ServerError';
import { parseErrorPayload, type Domain } from '../transport/envelope';

/** What the transport knows about a non-2xx response. */
export interface FailedResponse {
  status: number;
  /** Default: none (the message falls back to `HTTP <status>`). */
  statusText?: string | undefined;
  bodyText: string;
  /** `X-Tt-Logid` from the response headers. */
  headerRequestId: string | undefined;
  /** Default: none. */
  retryAfterMs?: number | undefined;
  method: string;
  url: string;
  domain: Domain;
  attempts: number;
}

/** Turns a non-2xx response into the matching {@link HttpError} subclass. */
export function createHttpError(response: FailedResponse): HttpError {
  const payload = parseErrorPayload(response.bodyText);
  const code = payload.code ?? defaultCode(response.status);
  const details = {
    code,
    message: payload.message ?? (response.statusText || `HTTP ${response.status}`),
    status: response.status,
    requestId: payload.requestId ?? response.headerRequestId,
    method: response.method,
    url: response.url,
    hint: hintForStatus(response.status, response.domain, code),
    attempts: response.attempts,
    retryAfterMs: response.retryAfterMs,
  };
  const { status } = response;
  if (status === 401 || status === 403) return new AuthError(details);
  if (status === 404) return new NotFoundError(details);
  if (status === 429) return new RateLimitError(details);
  if (status >= 500) return new ServerError(details);
  return new HttpError(details);
}

function defaultCode(status: number): string {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'AccessDenied';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'TooManyRequests';
  if (status >= 500) return 'InternalError';
  return 'InvalidParameter';
}
