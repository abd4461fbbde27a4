import { bodyTextOf } from './readBody';
import { isHTTPError, isTimeoutError } from 'ky';
import { createHttpError } from '../errors/createHttpError';
import { hintForNetworkFailure, hintForTimeout } from '../errors/hints';
import { NetworkError } from '../errors/NetworkError';
import { TimeoutError } from '../errors/TimeoutError';
import type { VikingDBError } from '../errors/VikingDBError';
import type { Domain } from './envelope';
import { parseRetryAfter } from './retryAfter';

/** The call an attempt belonged to, as errors report it. */
export interface FailedCall {
  /** Operation name, e.g. `vector.search.random`. */
  name: string;
  method: string;
  url: string;
  domain: Domain;
  /** The id the caller sent, kept when the answer has none. */
  requestId: string | undefined;
  attempts: number;
  timeoutMs: number;
}

/**
 * Turns what ky rejected an attempt with into our error: an `HTTPError` into the matching {@link HttpError} subclass
 * (code, message and request id from the body), ky's timeout into {@link TimeoutError}, anything else (DNS, reset,
 * an auth hook that threw) into {@link NetworkError}. The caller's abort is not a failure: the transport checks its
 * signal before asking.
 */
export async function failureOf(thrown: unknown, call: FailedCall): Promise<VikingDBError> {
  const { name, timeoutMs, ...details } = call;
  if (isHTTPError(thrown)) {
    const { response } = thrown;
    return createHttpError({
      ...details,
      status: response.status,
      statusText: response.statusText,
      bodyText: await bodyTextOf(response).catch(() => ''),
      headerRequestId: response.headers.get('x-tt-logid') ?? call.requestId,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    });
  }
  if (isTimeoutError(thrown)) {
    return new TimeoutError({
      ...details,
      code: 'Timeout',
      message: `${name} got no answer within ${timeoutMs} ms`,
      hint: hintForTimeout(timeoutMs),
    });
  }
  return new NetworkError({
    ...details,
    code: 'NetworkError',
    message: `${name} failed before a response arrived: ${describe(thrown)}`,
    hint: hintForNetworkFailure(),
    cause: thrown,
  });
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
