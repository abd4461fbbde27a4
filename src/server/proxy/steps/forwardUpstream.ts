import { readLimitedBody, type LimitedBody } from '../../shared/readLimitedBody';
import { REQUEST_ID_HEADER } from '../../shared/requestId';
import { truncatedError } from '../errorResponse';
import { pickResponseHeaders } from '../forwardHeaders';
import { withIdleTimeout } from '../idleTimeout';
import { maskSecrets } from '../maskSecrets';
import { refuse, type ProxyExchange, type ProxyStep, type OutgoingRequest } from './ProxyExchange';

/** Largest upstream error body read for masking; a longer one is cut. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** 504 when our timer ran out, else 502 saying what broke. */
function upstreamFailure(exchange: ProxyExchange, timedOut: boolean, what: string): Response {
  if (timedOut) {
    return refuse(
      exchange,
      'gatewayTimeout',
      `the ${exchange.domain} upstream did not answer within ${exchange.settings.timeoutMs} ms`,
    );
  }
  return refuse(exchange, 'badGateway', `the ${exchange.domain} upstream ${what}`);
}

/**
 * An error answer (non-2xx), read whole (up to 1 MiB) so the access key id, session token and signature can be
 * masked; a longer one is replaced by a well-formed envelope of the same status that says it was cut (half a JSON body
 * would fail to parse in every client).
 */
async function relayError(
  exchange: ProxyExchange,
  outgoing: OutgoingRequest,
  upstream: Response,
  timeout: AbortController,
): Promise<Response> {
  const headers = pickResponseHeaders(upstream.headers);
  let errorBody: LimitedBody;
  try {
    errorBody = await readLimitedBody(upstream, MAX_ERROR_BODY_BYTES);
  } catch {
    return upstreamFailure(exchange, timeout.signal.aborted, 'broke off its answer');
  }
  if (!errorBody.ok) {
    const upstreamId = upstream.headers.get(REQUEST_ID_HEADER) ?? exchange.requestId;
    return truncatedError(exchange.domain, upstream.status, upstreamId, MAX_ERROR_BODY_BYTES, headers);
  }
  return new Response(maskSecrets(new TextDecoder().decode(errorBody.bytes), outgoing.secrets), {
    status: upstream.status,
    statusText: upstream.statusText,
    headers,
  });
}

/**
 * Sends the signed request and relays the answer with its status, body, content type, `X-Tt-Logid` and
 * `Retry-After`. `timeoutMs` bounds the wait for the answer's headers (and for a whole error body), then each gap
 * between chunks of a success body, which streams back unbuffered (a knowledge chat's SSE chunk by chunk): a slow but
 * steady stream is not cut. No answer in time → 504; unreachable → 502.
 */
export const forwardUpstream: ProxyStep = async (exchange) => {
  const { outgoing, settings, method, request } = exchange;
  if (!outgoing) throw new Error('the signing proxy forwarded before signing');
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), settings.timeoutMs);
  const init: RequestInit = {
    method,
    headers: outgoing.headers,
    signal: AbortSignal.any([timeout.signal, request.signal]),
    redirect: 'manual',
  };
  if (method !== 'GET') init.body = exchange.body as Uint8Array<ArrayBuffer>;
  let upstream: Response;
  try {
    upstream = await (settings.fetch ?? globalThis.fetch)(outgoing.url, init);
  } catch {
    clearTimeout(timer);
    return upstreamFailure(exchange, timeout.signal.aborted, 'could not be reached');
  }
  if (!upstream.ok) {
    try {
      return await relayError(exchange, outgoing, upstream, timeout);
    } finally {
      clearTimeout(timer);
    }
  }
  clearTimeout(timer);
  const body = NULL_BODY_STATUSES.has(upstream.status) ? null : upstream.body;
  return new Response(body && withIdleTimeout(body, settings.timeoutMs, () => timeout.abort()), {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: pickResponseHeaders(upstream.headers),
  });
};
