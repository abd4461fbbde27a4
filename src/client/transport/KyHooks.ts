import type { Hooks } from 'ky';

/**
 * ky hooks run on every call (ky's own `Hooks` type), after the client's: `beforeRequest` hooks run on each
 * attempt BEFORE the request is authorized, so a header they set (e.g. `X-Trace-Id`) is signed under AK/SK;
 * `beforeRetry`, `afterResponse` and `beforeError` run as ky runs them. A hook that returns a `Request` replaces
 * the request (ky then skips the remaining `beforeRequest` hooks; it is still authorized); one that returns a
 * `Response` answers the attempt without sending it.
 *
 * @example
 * createVikingClient({ auth, hooks: { beforeRequest: [(request) => request.headers.set('X-Trace-Id', traceId())] } });
 */
export type KyHooks = Hooks;
