import { rememberBody } from './readBody';

/**
 * One attempt, as the `fetch` ky runs for it: authorize the request ky is about to send, send it, and read the whole
 * body.
 * - Auth comes last, on the request every `beforeRequest` hook has finished with (even one a hook replaced), so a
 *   header a hook set is signed; ky hands each retry a fresh copy of the request, so each is authorized afresh (a
 *   V4 signature covers `X-Date`).
 * - ky's `timeout` covers the promise of its `fetch`, so reading the body here puts the body under the same
 *   per-attempt deadline: a body that stalls after the headers times out and is retried like a silent server.
 */

/**
 * Wraps `fetchImpl` (default: the global `fetch`): `authorize` returns the headers to set on the request, then the
 * request is sent and the response resolves once its body is in memory; {@link bodyTextOf} returns that text. When
 * `bodyReaders` (ky hooks that are handed the response: `afterResponse`, `beforeRetry`, `beforeError`) may read the
 * body, they get a copy of the response that carries it; otherwise the response itself comes back, its body already
 * read, which saves building a second response per call.
 */
export function sendOnce(
  fetchImpl: typeof globalThis.fetch | undefined,
  authorize: (request: Request) => Record<string, string> | Promise<Record<string, string>>,
  bodyReaders: boolean,
): typeof globalThis.fetch {
  return async (input, init) => {
    // ky passes its Request, carrying its signal (the caller's and its timeout's).
    const request = input as Request;
    for (const [name, value] of Object.entries(await authorize(request))) request.headers.set(name, value);
    // The global fetch is looked up per attempt, so one installed later (a test's mock server) is used.
    const response = await (fetchImpl ?? fetch)(request, init);
    // ky's timeout races this whole function, so it also bounds the body (a fetch that honours the signal also
    // stops reading then; with one that does not, the stalled read is left behind and the call moves on).
    const text = await response.text();
    const answer = bodyReaders ? new Response(text || null, response) : response;
    rememberBody(answer, text);
    return answer;
  };
}
