import ky, { type Options as KyOptions } from 'ky';
import type { AuthMode } from '../auth/AuthMode';
import { queryPairs, uriEncode } from '../auth/signV4';
import { createHttpError } from '../errors/createHttpError';
import { hintForNetworkFailure, hintForTimeout } from '../errors/hints';
import { NetworkError } from '../errors/NetworkError';
import { TimeoutError } from '../errors/TimeoutError';
import { ValidationError, type ValidationIssue } from '../errors/ValidationError';
import type { VikingDBError } from '../errors/VikingDBError';
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

type AttemptResult<T> =
  { ok: true; response: ApiResponse<T> } | { ok: false; error: VikingDBError; retryAfterMs: number | undefined };

export interface Transport {
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

/** Creates the transport: ky underneath, our own retry loop, envelope parsing and error mapping on top. */
export function createTransport(config: TransportConfig): Transport {
  async function attempt<T>(
    endpoint: Endpoint,
    url: URL,
    query: ReadonlyArray<readonly [string, string]>,
    headers: Record<string, string>,
    bodyText: string,
    attemptNumber: number,
    started: number,
    options: RequestOptions,
  ): Promise<AttemptResult<T>> {
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const fail = (error: VikingDBError, retryAfterMs?: number): AttemptResult<T> => ({
      ok: false,
      error,
      retryAfterMs,
    });
    const common = {
      method: endpoint.method,
      url: url.href,
      requestId: options.requestId,
      attempts: attemptNumber,
    };
    const timedOut = () =>
      fail(
        new TimeoutError({
          ...common,
          code: 'Timeout',
          message: `${endpoint.name} got no answer within ${timeoutMs} ms`,
          hint: hintForTimeout(timeoutMs),
        }),
      );
    /** A failure before the answer was read: the caller's abort is rethrown, else a timeout or a network error. */
    const noAnswer = (cause: unknown, message: string, status: number | undefined) => {
      if (options.signal?.aborted) throw options.signal.reason;
      if (deadline.signal.aborted) return timedOut();
      return fail(
        new NetworkError({
          ...common,
          status,
          code: 'NetworkError',
          message: `${message}: ${describe(cause)}`,
          hint: hintForNetworkFailure(),
          cause,
        }),
      );
    };
    // One timer for the whole attempt — the response headers AND the body — since ky's `timeout` stops at the headers
    // and a body that stalls midway would otherwise hang the call forever.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), Math.min(timeoutMs, MAX_TIMER_MS));
    const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
    let response: Response;
    let text: string;
    try {
      try {
        const authHeaders = await config.auth.authorize({
          method: endpoint.method,
          url,
          query,
          headers,
          body: bodyText,
          domain: endpoint.domain,
          region: config.region,
        });
        const init: KyOptions = {
          method: endpoint.method,
          headers: mergeHeaders(headers, authHeaders),
          timeout: false,
          retry: 0,
          throwHttpErrors: false,
          signal,
        };
        if (endpoint.method !== 'GET') init.body = bodyText;
        if (config.auth.fetchCredentials) init.credentials = config.auth.fetchCredentials;
        if (config.fetch) init.fetch = config.fetch;
        response = await ky(url, init);
      } catch (cause) {
        return noAnswer(cause, `${endpoint.name} failed before a response arrived`, undefined);
      }

      try {
        text = await readText(response, signal);
      } catch (cause) {
        return noAnswer(cause, `${endpoint.name}: the response body could not be read`, response.status);
      }
    } finally {
      clearTimeout(timer);
    }

    const headerRequestId = response.headers.get('x-tt-logid') ?? undefined;
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const error = createHttpError({
        status: response.status,
        statusText: response.statusText,
        bodyText: text,
        headerRequestId: headerRequestId ?? options.requestId,
        retryAfterMs,
        method: endpoint.method,
        url: url.href,
        domain: endpoint.domain,
        attempts: attemptNumber,
      });
      return fail(error, retryAfterMs);
    }
    const parsed = parseJsonText(text);
    const body = parsed === undefined ? text : parsed;
    return {
      ok: true,
      response: {
        payload: unwrapPayload(endpoint.domain, body) as T,
        body,
        status: response.status,
        requestId: requestIdOfBody(body) ?? headerRequestId ?? options.requestId,
        latencyMs: now() - started,
        attempts: attemptNumber,
      },
    };
  }

  async function call<T>(endpoint: Endpoint, body: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const { signal } = options;
    if (signal?.aborted) throw signal.reason;
    const issues = [...(endpoint.check?.(body) ?? []), ...requestOptionIssues(options)];
    if (issues.length > 0) throw new ValidationError(endpoint.name, issues);

    const query = queryPairs(options.query);
    const url = buildUrl(config.baseUrls[endpoint.domain], endpoint.path, query);
    const bodyText = endpoint.method === 'GET' ? '' : JSON.stringify(body ?? {});
    const headers = mergeHeaders(
      config.headers,
      options.headers,
      options.requestId === undefined ? undefined : { 'X-Tt-Logid': options.requestId },
    );

    const callerChoseRetry = options.retry !== undefined || options.maxRetries !== undefined;
    const strategy = options.retry !== undefined ? toRetryStrategy(options.retry) : config.retry;
    const maxRetries = options.maxRetries ?? (endpoint.idempotent || callerChoseRetry ? strategy.maxRetries : 0);

    const started = now();
    const report = (log: Omit<RequestLog, 'operation' | 'method' | 'url' | 'latencyMs'>) =>
      config.onRequestEnd?.({
        operation: endpoint.name,
        method: endpoint.method,
        url: url.href,
        latencyMs: now() - started,
        ...log,
      });

    for (let attemptNumber = 1; ; attemptNumber++) {
      let result: AttemptResult<T>;
      try {
        result = await attempt<T>(endpoint, url, query, headers, bodyText, attemptNumber, started, options);
      } catch (reason) {
        report({
          status: undefined,
          requestId: options.requestId,
          attempts: attemptNumber,
          error: undefined,
          aborted: true,
        });
        throw reason;
      }
      if (result.ok) {
        const { response } = result;
        report({
          status: response.status,
          requestId: response.requestId,
          attempts: attemptNumber,
          error: undefined,
          aborted: false,
        });
        return response;
      }
      const { error, retryAfterMs } = result;
      const context = { retry: attemptNumber, maxRetries, error, retryAfterMs };
      if (attemptNumber > maxRetries || !strategy.shouldRetry(context)) {
        report({ status: error.status, requestId: error.requestId, attempts: attemptNumber, error, aborted: false });
        throw error;
      }
      const delayMs = Math.max(0, strategy.delayMs(context));
      config.onRetry?.({ operation: endpoint.name, retry: attemptNumber, delayMs, error });
      try {
        await sleep(delayMs, signal);
      } catch (reason) {
        report({
          status: error.status,
          requestId: error.requestId,
          attempts: attemptNumber,
          error: undefined,
          aborted: true,
        });
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
  return globalThis.performance?.now() ?? Date.now();
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
