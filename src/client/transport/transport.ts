import ky, { type Options as KyOptions } from 'ky';
import type { AuthMode } from '../auth/AuthMode';
import { queryPairs, uriEncode } from '../auth/signV4';
import { createHttpError } from '../errors/createHttpError';
import { HttpError } from '../errors/HttpError';
import { hintForNetworkFailure, hintForTimeout } from '../errors/hints';
import { NetworkError } from '../errors/NetworkError';
import { TimeoutError } from '../errors/TimeoutError';
import { ValidationError, type ValidationIssue } from '../errors/ValidationError';
import { VikingDBError } from '../errors/VikingDBError';
import type { Endpoint } from './Endpoint';
import { parseJsonText, requestIdOfBody, unwrapPayload, type Domain } from './envelope';
import type { RequestLog, RetryNotice } from './RequestLog';
import { mergeHeaders } from './mergeHeaders';
import type { RequestOptions } from './RequestOptions';
import { parseRetryAfter } from './retryAfter';
import { toRetryStrategy, type RetryStrategy } from './retryStrategy';
import { sleep } from './sleep';

/** Everything the transport needs, resolved from the client options. */
export interface TransportConfig {
  /** Absolute base URL per domain, without a trailing slash. */
  baseUrls: Readonly<Record<Domain, string>>;
  region: string;
  auth: AuthMode;
  timeoutMs: number;
  retry: RetryStrategy;
  /** Headers on every request (Accept, Content-Type, User-Agent and the client's `headers`). */
  headers: Readonly<Record<string, string>>;
  fetch?: typeof globalThis.fetch | undefined;
  onRequestEnd?: ((log: RequestLog) => void) | undefined;
  onRetry?: ((notice: RetryNotice) => void) | undefined;
}

/** A successful call: the unwrapped payload plus what the UI and logs want to show. */
export interface ApiResponse<T> {
  /** `result` (vector) or `data` (memory) of the envelope; the body itself when it has neither. */
  payload: T;
  /** The whole parsed body (or its text when it is not JSON). */
  body: unknown;
  status: number;
  requestId: string | undefined;
  /** Time from the first attempt to the answer, retries included. */
  latencyMs: number;
  attempts: number;
}

/**
 * What the domain APIs call: sends one request to an endpoint with auth, retries and timeout, and returns the parsed
 * envelope.
 */
export interface Transport {
  /** Sends `body` to `endpoint` and resolves with the parsed envelope; rejects with a `VikingDBError`. */
  call<T>(endpoint: Endpoint, body: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
  readonly config: TransportConfig;
}

/** Largest delay `setTimeout` honours; a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** The body as text; rejects with the signal's reason when it aborts first (even if `fetch` ignores the signal). */
function readText(response: Response, signal: AbortSignal): Promise<string> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      void response.body?.cancel().catch(() => undefined);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    response
      .text()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function buildUrl(base: string, path: string, query: ReadonlyArray<readonly [string, string]>): URL {
  const search = query.map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join('&');
  return new URL(`${base}${path}${search ? `?${search}` : ''}`);
}

/**
 * The JSON text a call sends: `body` with the call's `extraBody` keys merged on top, verbatim (a key there wins over a
 * generated one); `''` for a GET. Every path that sends a request body (streams included) serializes it here, so
 * `extraBody` reaches every endpoint.
 */
export function requestBodyText(method: string, body: unknown, options: Pick<RequestOptions, 'extraBody'>): string {
  return method === 'GET' ? '' : JSON.stringify({ ...(body as object), ...options.extraBody });
}

/** Creates the transport: ky underneath, our own retry loop, envelope parsing and error mapping on top. */
export function createTransport(config: TransportConfig): Transport {
  async function call<T>(endpoint: Endpoint, body: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const { signal, requestId } = options;
    signal?.throwIfAborted();
    const issues = requestOptionIssues(options);
    if (issues.length > 0) throw new ValidationError(endpoint.name, issues);

    const { name, method, domain } = endpoint;
    const query = queryPairs(options.query);
    const url = buildUrl(config.baseUrls[domain], endpoint.path, query);
    const bodyText = requestBodyText(method, body, options);
    const headers = mergeHeaders(
      config.headers,
      options.headers,
      requestId === undefined ? undefined : { 'X-Tt-Logid': requestId },
    );
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const callerChoseRetry = options.retry !== undefined || options.maxRetries !== undefined;
    const strategy = options.retry !== undefined ? toRetryStrategy(options.retry) : config.retry;
    const maxRetries = options.maxRetries ?? (endpoint.idempotent || callerChoseRetry ? strategy.maxRetries : 0);
    const started = now();
    let attempts = 0;

    /** Reports the end of the call to `onRequestEnd`: an error, a caller's abort (`aborted`), or success. */
    const report = (status: number | undefined, id: string | undefined, error?: VikingDBError, aborted = false) =>
      config.onRequestEnd?.({
        operation: name,
        method,
        url: url.href,
        status,
        requestId: id,
        latencyMs: now() - started,
        attempts,
        error,
        aborted,
      });

    /** One attempt: the answer, or the error it failed with. Throws only the caller's abort reason. */
    async function attempt(): Promise<ApiResponse<T> | VikingDBError> {
      const details = { method, url: url.href, requestId, attempts };
      // One timer for the whole attempt — the response headers AND the body — since ky's `timeout` stops at the
      // headers and a body that stalls midway would otherwise hang the call forever.
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), Math.min(timeoutMs, MAX_TIMER_MS));
      const attemptSignal = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
      /** A failure before the answer was read: the caller's abort is rethrown, else a timeout or a network error. */
      const noAnswer = (cause: unknown, message: string, status?: number) => {
        signal?.throwIfAborted();
        return deadline.signal.aborted
          ? new TimeoutError({
              ...details,
              code: 'Timeout',
              message: `${name} got no answer within ${timeoutMs} ms`,
              hint: hintForTimeout(timeoutMs),
            })
          : new NetworkError({
              ...details,
              status,
              code: 'NetworkError',
              message: `${message}: ${describe(cause)}`,
              hint: hintForNetworkFailure(),
              cause,
            });
      };
      let response: Response;
      let text: string;
      try {
        try {
          const authHeaders = await config.auth.authorize({
            method,
            url,
            query,
            headers,
            body: bodyText,
            domain,
            region: config.region,
          });
          const init: KyOptions = {
            method,
            headers: mergeHeaders(headers, authHeaders),
            timeout: false,
            retry: 0,
            throwHttpErrors: false,
            signal: attemptSignal,
          };
          if (method !== 'GET') init.body = bodyText;
          if (config.auth.fetchCredentials) init.credentials = config.auth.fetchCredentials;
          if (config.fetch) init.fetch = config.fetch;
          response = await ky(url, init);
        } catch (cause) {
          return noAnswer(cause, `${name} failed before a response arrived`);
        }
        try {
          text = await readText(response, attemptSignal);
        } catch (cause) {
          return noAnswer(cause, `${name}: the response body could not be read`, response.status);
        }
      } finally {
        clearTimeout(timer);
      }

      const headerRequestId = response.headers.get('x-tt-logid') ?? undefined;
      if (!response.ok) {
        return createHttpError({
          status: response.status,
          statusText: response.statusText,
          bodyText: text,
          headerRequestId: headerRequestId ?? requestId,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
          method,
          url: url.href,
          domain,
          attempts,
        });
      }
      const parsed = parseJsonText(text);
      const answer = parsed === undefined ? text : parsed;
      return {
        payload: unwrapPayload(domain, answer) as T,
        body: answer,
        status: response.status,
        requestId: requestIdOfBody(answer) ?? headerRequestId ?? requestId,
        latencyMs: now() - started,
        attempts,
      };
    }

    for (;;) {
      attempts++;
      let result: ApiResponse<T> | VikingDBError;
      try {
        result = await attempt();
      } catch (reason) {
        report(undefined, requestId, undefined, true);
        throw reason;
      }
      if (!(result instanceof VikingDBError)) {
        report(result.status, result.requestId);
        return result;
      }
      const error = result;
      const context = {
        retry: attempts,
        maxRetries,
        error,
        retryAfterMs: error instanceof HttpError ? error.retryAfterMs : undefined,
      };
      if (attempts > maxRetries || !strategy.shouldRetry(context)) {
        report(error.status, error.requestId, error);
        throw error;
      }
      const delayMs = Math.max(0, strategy.delayMs(context));
      config.onRetry?.({ operation: name, retry: attempts, delayMs, error });
      try {
        await sleep(delayMs, signal);
      } catch (reason) {
        report(error.status, error.requestId, undefined, true);
        throw reason;
      }
    }
  }

  return { call, config };
}

/** Problems with the per-call options themselves (a NaN `maxRetries` would otherwise retry for ever). */
function requestOptionIssues(options: RequestOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { maxRetries, timeoutMs } = options;
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    issues.push({ path: 'options.maxRetries', message: 'expected a whole number ≥ 0' });
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    issues.push({ path: 'options.timeoutMs', message: 'expected a positive number of milliseconds' });
  }
  return issues;
}

function now(): number {
  return performance.now();
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
