import ky, { type Options as KyOptions } from 'ky';
import type { AuthMode } from '../auth/AuthMode';
import { ValidationError, type ValidationIssue } from '../errors/ValidationError';
import type { VikingDBError } from '../errors/VikingDBError';
import type { Endpoint } from './Endpoint';
import { parseJsonText, requestIdOfBody, unwrapPayload, type Domain } from './envelope';
import { failureOf } from './failureOf';
import type { KyHooks } from './KyHooks';
import { mergeHeaders } from './mergeHeaders';
import type { RequestLog, RetryNotice } from './RequestLog';
import type { RequestOptions } from './RequestOptions';
import { toRetryStrategy, type RetryStrategy } from './retryStrategy';
import { bodyTextOf } from './readBody';
import { sendOnce } from './sendOnce';
import { timerMs } from './timerMs';
import { buildUrl, queryPairs } from './url';
import { withRetries } from './withRetries';

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
  /** The client's ky hooks, run on every call before the call's own. Default: none. */
  hooks?: KyHooks | undefined;
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

/**
 * The JSON text a call sends: `body` with the call's `extraBody` keys merged on top, verbatim (a key there wins over a
 * generated one); `''` for a GET. Every path that sends a request body (streams included) serializes it here, so
 * `extraBody` reaches every endpoint.
 */
export function requestBodyText(method: string, body: unknown, options: Pick<RequestOptions, 'extraBody'>): string {
  if (method === 'GET') return '';
  // With nothing to merge, the body (an object literal from the domain APIs) is serialized without a copy.
  return JSON.stringify(options.extraBody || body === undefined ? { ...(body as object), ...options.extraBody } : body);
}

/**
 * Creates the transport: ky runs the attempts — `retry` from the strategy ({@link withRetries}), a per-attempt
 * `timeout` that covers the body and auth on the request as sent ({@link sendOnce}), the caller's `hooks` — and
 * this adds the envelope parsing, the error mapping ({@link failureOf}) and the telemetry.
 */
export function createTransport(config: TransportConfig): Transport {
  const { auth, region } = config;

  async function call<T>(endpoint: Endpoint, body: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const { signal, requestId } = options;
    signal?.throwIfAborted();
    const issues = requestOptionIssues(options);
    if (issues.length > 0) throw new ValidationError(endpoint.name, issues);

    const { name, method, domain } = endpoint;
    const query = queryPairs(options.query);
    const url = buildUrl(config.baseUrls[domain], endpoint.path, query);
    const bodyText = requestBodyText(method, body, options);
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const callerChoseRetry = options.retry !== undefined || options.maxRetries !== undefined;
    const strategy = options.retry !== undefined ? toRetryStrategy(options.retry) : config.retry;
    const maxRetries = options.maxRetries ?? (endpoint.idempotent || callerChoseRetry ? strategy.maxRetries : 0);
    const started = now();
    let attempts = 0;
    /** Our error for what ky threw (each call reads a copy of a failed response's body). */
    const failure = (thrown: unknown) =>
      failureOf(thrown, { name, method, url: url.href, domain, requestId, attempts, timeoutMs });

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

    // A call's hooks replace the client's for that call.
    const hooks = options.hooks ?? config.hooks;
    const init: KyOptions = {
      method,
      headers: mergeHeaders(
        config.headers,
        options.headers,
        requestId === undefined ? undefined : { 'X-Tt-Logid': requestId },
      ),
      fetch: sendOnce(
        config.fetch,
        (request) => {
          attempts++;
          // Read only by the auth modes that sign headers (AK/SK); copying them costs every other call.
          let headers: Record<string, string> | undefined;
          return auth.authorize({
            method,
            url,
            query,
            get headers() {
              return (headers ??= Object.fromEntries(request.headers));
            },
            body: bodyText,
            domain,
            region,
          });
        },
        // Hooks may be handed the response (afterResponse, beforeRetry, beforeError): they get one with its body.
        hooks !== undefined,
      ),
      timeout: timerMs(timeoutMs),
      retry: withRetries(strategy, maxRetries, signal, failure, (retry, delayMs, error) =>
        config.onRetry?.({ operation: name, retry, delayMs, error }),
      ),
      hooks: hooks ?? {},
    };
    if (signal) init.signal = signal;
    if (method !== 'GET') init.body = bodyText;
    if (auth.fetchCredentials) init.credentials = auth.fetchCredentials;

    let response: Response | undefined;
    let text: string;
    try {
      response = (await ky(url, init)) as Response | undefined;
      // ky resolves with nothing when a caller's `beforeRetry` hook returned its `stop`.
      if (!response) throw new Error('retries stopped by a hook');
      text = await bodyTextOf(response);
    } catch (thrown) {
      if (signal?.aborted) {
        report(undefined, requestId, undefined, true);
        throw signal.reason;
      }
      const error = await failure(thrown);
      report(error.status, error.requestId, error);
      throw error;
    }
    const headerRequestId = response.headers.get('x-tt-logid') ?? undefined;
    const parsed = parseJsonText(text);
    const answer = parsed === undefined ? text : parsed;
    const result: ApiResponse<T> = {
      payload: unwrapPayload(domain, answer) as T,
      body: answer,
      status: response.status,
      requestId: requestIdOfBody(answer) ?? headerRequestId ?? requestId,
      latencyMs: now() - started,
      attempts,
    };
    report(result.status, result.requestId);
    return result;
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
