import type { BeforeRequestHook } from 'ky';
import type { AuthMode } from '../auth/AuthMode';
import type { Domain } from './envelope';

/** What the hook needs to know about the call it authorizes. */
export interface AuthorizedCall {
  auth: AuthMode;
  region: string;
  domain: Domain;
  /** The URL the call was built with, and its query pairs in order (what a signature covers). */
  url: URL;
  query: ReadonlyArray<readonly [string, string]>;
  /** The exact body text the call sends; `''` for a GET. */
  body: string;
  /** The caller's `beforeRequest` hooks (client's, then the call's), run first. Default: none. */
  callerHooks?: readonly BeforeRequestHook[] | undefined;
  /** Called at the start of every attempt (the first and each retry). */
  onAttempt: () => void;
}

/**
 * The one `beforeRequest` hook the transport gives ky: on every attempt it runs the caller's `beforeRequest` hooks,
 * then adds the auth headers to the request they leave — so a header a hook adds is signed, and each retry is
 * signed afresh (a V4 signature covers `X-Date`). The auth headers of the previous attempt are removed first.
 */
export function authorizeHook(call: AuthorizedCall): BeforeRequestHook {
  let previous: readonly string[] = [];
  return async (request, options, state) => {
    call.onAttempt();
    let outgoing: Request = request;
    for (const hook of call.callerHooks ?? []) {
      const result = await hook(outgoing, options, state);
      if (result instanceof Response) return result;
      if (result instanceof Request) {
        outgoing = result;
        break;
      }
    }
    for (const name of previous) outgoing.headers.delete(name);
    const sameUrl = outgoing.url === call.url.href;
    const url = sameUrl ? call.url : new URL(outgoing.url);
    const authHeaders = await call.auth.authorize({
      method: outgoing.method,
      url,
      query: sameUrl ? call.query : [...url.searchParams],
      headers: Object.fromEntries(outgoing.headers),
      body: outgoing === request ? call.body : await outgoing.clone().text(),
      domain: call.domain,
      region: call.region,
    });
    for (const [name, value] of Object.entries(authHeaders)) outgoing.headers.set(name, value);
    previous = Object.keys(authHeaders);
    return outgoing === request ? undefined : outgoing;
  };
}
