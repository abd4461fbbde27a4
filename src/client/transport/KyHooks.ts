import type { Hooks } from 'ky';

/**
 * ky hooks (ky's own `Hooks` type) for the client's calls: `beforeRequest` hooks run on each attempt BEFORE the
 * request is authorized, so a header they set (e.g. `X-Trace-Id`) is signed under AK/SK (auth is the last step
 * before the request leaves); `beforeRetry`, `afterResponse` and `beforeError` run as ky runs them (an
 * `afterResponse` hook sees the response with its body already read). A `beforeRequest` hook that returns a
 * `Request` replaces the request (the remaining ones are skipped; it is still authorized, and must keep the call's
 * URL and body, which are signed as built); one that returns a `Response` answers the attempt without sending it.
 *
 * @example
 * createVikingClient({ auth, hooks: { beforeRequest: [(request) => request.headers.set('X-Trace-Id', traceId())] } });
 */
export type KyHooks = Hooks;
