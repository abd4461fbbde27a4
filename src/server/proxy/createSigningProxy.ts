/**
 * `createSigningProxy`: the server half of the client's `signingProxy(url)` auth mode. Browsers send unsigned
 * requests; the proxy checks the caller, signs with AK/SK it alone holds (Volcengine V4, api doc §1.5) and forwards.
 *
 * Per request, a chain of steps (`steps/`), each answering or passing on — every refusal happens before anything is
 * forwarded and carries a VikingDB-shaped body (api doc §2) with the request id in `X-Tt-Logid`:
 * 1. `checkHost`: only loopback hosts and `allowedHosts` are answered, else 403 (DNS rebinding).
 * 2. `checkMethod`: a method no path takes (TRACE, CONNECT, PUT …, which host adapters pass as `context.method`) →
 *    405.
 * 3. `applyCors`: preflights are answered; a foreign `Origin` that is not allowed → 403.
 * 4. `route`: `basePath` is removed; a path outside the endpoint catalog or `allow` → 403, a wrong method → 405.
 *    The query string is never forwarded.
 * 5. `authorizeCaller`: `authorize(request)` → 401 on `false`, its own `Response`, or a grant with a `scope` and a
 *    rate-limit key.
 * 6. `limitRate`: `rateLimit` → 429 with `Retry-After`.
 * 7. `readBody`: up to `maxBodyBytes` → 413 (with `Connection: close`) without buffering more.
 * 8. `enforceScope`: the grant's scope on the body (403/400, or rewritten).
 * 9. `signRequest`: headers picked by allow-list, `X-Tt-Logid` kept or added, the exact bytes signed (service
 *    `vikingdb` or `air`; Host not signed, the Python signer's variant).
 * 10. `forwardUpstream`: the upstream's answer streams back (a knowledge chat's SSE chunk by chunk) with its status,
 *    body, content type, `X-Tt-Logid` and `Retry-After`. Error answers are read (up to 1 MiB) so the keys and the
 *    signature can be masked; a longer one becomes a whole envelope that says it was cut. No answer within
 *    `timeoutMs` → 504; unreachable → 502; a success body is cut only when `timeoutMs` passes without a chunk.
 *
 * Nothing the proxy logs or answers contains a secret, a signature or a body. Runs wherever `fetch`, `Request`
 * and `Response` exist; signing uses `node:crypto` (Cloudflare Workers: enable `nodejs_compat`).
 */
import { domainOfPath } from '../../client/endpoints';
import { REQUEST_ID_HEADER, resolveRequestId } from '../shared/requestId';
import type { ProxyContext, SigningProxyHandler, SigningProxyOptions } from './options';
import { resolveProxySettings, type ProxySettings } from './proxySettings';
import { applyCors } from './steps/applyCors';
import { authorizeCaller } from './steps/authorizeCaller';
import { checkHost } from './steps/checkHost';
import { checkMethod } from './steps/checkMethod';
import { enforceScope } from './steps/enforceScope';
import { forwardUpstream } from './steps/forwardUpstream';
import { limitRate } from './steps/limitRate';
import { readBody } from './steps/readBody';
import { refuse, type ProxyExchange, type ProxyStep } from './steps/ProxyExchange';
import { route } from './steps/route';
import { signRequest } from './steps/signRequest';

/** The steps, in order (see the list above); the last one always answers. */
const STEPS: readonly ProxyStep[] = [
  checkHost,
  checkMethod,
  applyCors,
  route,
  authorizeCaller,
  limitRate,
  readBody,
  enforceScope,
  signRequest,
  forwardUpstream,
];

/** The path as requested, and the VikingDB path: `basePath` removed, or one that matches nothing outside the mount. */
function pathsOf(request: Request, basePath: string): { requestPath: string; path: string } {
  let requestPath = '/';
  try {
    requestPath = new URL(request.url).pathname;
  } catch {
    // Not a URL: routed as `/`, which no operation has.
  }
  if (!basePath) return { requestPath, path: requestPath };
  const inside = requestPath === basePath || requestPath.startsWith(`${basePath}/`);
  return { requestPath, path: inside ? requestPath.slice(basePath.length) || '/' : `\0${requestPath}` };
}

function openExchange(request: Request, context: ProxyContext, settings: ProxySettings): ProxyExchange {
  const { requestPath, path } = pathsOf(request, settings.basePath);
  return {
    request,
    settings,
    requestId: resolveRequestId(request.headers.get(REQUEST_ID_HEADER)),
    method: (context.method ?? request.method).toUpperCase(),
    clientAddress: context.clientAddress,
    requestPath,
    path,
    domain: domainOfPath(path),
    corsHeaders: {},
    operation: undefined,
    grant: undefined,
    body: new Uint8Array(0),
    outgoing: undefined,
    refused: undefined,
  };
}

async function runSteps(exchange: ProxyExchange): Promise<Response> {
  for (const step of STEPS) {
    const answer = await step(exchange);
    if (answer) return answer;
  }
  throw new Error('no step of the signing proxy answered');
}

function withHeaders(response: Response, exchange: ProxyExchange): Response {
  const set = (out: Response) => {
    for (const [name, value] of Object.entries(exchange.corsHeaders)) out.headers.set(name, value);
    if (!out.headers.has(REQUEST_ID_HEADER)) out.headers.set(REQUEST_ID_HEADER, exchange.requestId);
    return out;
  };
  try {
    return set(response);
  } catch {
    // A Response with immutable headers (e.g. from Response.redirect): copy it.
    return set(new Response(response.body, response));
  }
}

/** Adds the CORS headers and the request id to the answer, and logs it (a failing logger changes nothing). */
function finish(exchange: ProxyExchange, response: Response, started: number): Response {
  const out = withHeaders(response, exchange);
  try {
    exchange.settings.log?.({
      method: exchange.method,
      path: exchange.requestPath,
      status: out.status,
      requestId: exchange.requestId,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      refused: exchange.refused,
    });
  } catch {
    // A failing logger must not break the answer.
  }
  return out;
}

/**
 * Creates the signing proxy handler. Throws `ConfigError` for invalid options (bad upstream URL, unknown
 * `allow` path, …), so mistakes surface at startup.
 *
 * @example
 * // Node: node:http server on port 8330 (see also createNodeListener / vikingProxy)
 * const proxy = createSigningProxy({
 *   credentials: { accessKeyId: process.env.VIKINGDB_AK!, secretAccessKey: process.env.VIKINGDB_SK! },
 *   region: 'cn-beijing',
 *   allow: 'readOnly',
 *   authorize: async (request) => (await getSession(request)) ? { scope: { userId: 'u1' } } : false,
 * });
 * // browser: createVikingClient({ auth: signingProxy('https://proxy.example.com') })
 */
export function createSigningProxy(options: SigningProxyOptions): SigningProxyHandler {
  const settings = resolveProxySettings(options);
  return async function signingProxy(request: Request, context: ProxyContext = {}): Promise<Response> {
    const started = performance.now();
    const exchange = openExchange(request, context, settings);
    let response: Response;
    try {
      response = await runSteps(exchange);
    } catch {
      response = refuse(exchange, 'internal', 'the signing proxy failed to handle this request');
    }
    return finish(exchange, response, started);
  };
}
