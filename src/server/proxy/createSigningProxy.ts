/**
 * `createSigningProxy`: the server half of the client's `signingProxy(url)` auth mode. Browsers send unsigned
 * requests; the proxy checks the caller, signs with AK/SK it alone holds (Volcengine V4, api doc §1.5) and forwards.
 *
 * Per request, in order — every refusal happens before anything is forwarded and carries a VikingDB-shaped body
 * (api doc §2) with the request id in `X-Tt-Logid`:
 * 0. Host: only loopback hosts and `allowedHosts` are answered → else 403 (DNS rebinding, see `allowedHosts.ts`).
 * 1. CORS: preflights are answered; a foreign `Origin` that is not allowed → 403 (see `cors.ts`). An `Origin` equal
 *    to the (allowed) host the request was sent to is the proxy's own page.
 * 2. Routing: `basePath` is removed; a path outside `allow` → 403; a wrong method → 405 (any method, CONNECT and
 *    TRACE included, which host adapters pass as `context.method`). The query string is never forwarded: VikingDB's
 *    data APIs take none, and a signed query could address another action (`?Action=…`).
 * 3. `authorize(request)` → 401 on `false`, its own `Response`, or a grant with a `scope` and a rate-limit key.
 * 4. `rateLimit` → 429 with `Retry-After`.
 * 5. The body is read up to `maxBodyBytes` → 413 (with `Connection: close`) without buffering more.
 * 6. The scope is enforced on the body (403/400, or rewritten).
 * 7. Headers are picked by allow-list (`forwardHeaders.ts`), `X-Tt-Logid` kept or added, and the exact bytes that
 *    will be sent are signed (service `vikingdb` or `air`); Host is not signed (the Python signer's variant).
 * 8. The upstream's answer streams back (a knowledge chat's SSE stream chunk by chunk, unbuffered) with its status, body, content type, `X-Tt-Logid` and `Retry-After`.
 *    Error answers (non-2xx) are read (up to 1 MiB) so the access key id and session token can be masked; a longer
 *    one is replaced by a well-formed envelope of the same status that says it was cut (never half a JSON body).
 *    No answer within `timeoutMs` → 504; unreachable → 502. A success body streams for as long as it keeps coming:
 *    it is cut only when `timeoutMs` passes without a chunk.
 *
 * Nothing the proxy logs or answers contains a secret, a signature or a body. Runs wherever `fetch`, `Request`
 * and `Response` exist; signing uses `node:crypto` (Cloudflare Workers: enable `nodejs_compat`).
 */
import { nodeCrypto } from '../../client/auth/crypto/nodeCrypto';
import { createV4Signer } from '../../client/auth/signV4';
import { ConfigError } from '../../client/errors/ConfigError';
import { DEFAULT_TIMEOUT_MS } from '../../client/options';
import { domainOfProxyPath, PROXY_OPERATIONS, resolveAllowList, type ProxyDomain } from './allowList';
import { ALLOWED_HOSTS_OPTION, createHostCheck, requestHost } from '../shared/allowedHosts';
import { quote, shorten } from '../local/engine/quote';
import { createCorsPolicy, isSameOrigin } from './cors';
import { proxyError, truncatedError, type ProxyErrorKind } from './errorResponse';
import { pickRequestHeaders, pickResponseHeaders, resolveForwardHeaders } from './forwardHeaders';
import type {
  AuthorizeGrant,
  ProxyContext,
  ProxyCredentials,
  SigningProxyHandler,
  SigningProxyOptions,
} from './options';
import { withIdleTimeout } from './idleTimeout';
import { createRateLimiter } from './rateLimit';
import { DEFAULT_MAX_BODY_BYTES, readLimitedBody, type LimitedBody } from '../shared/readLimitedBody';
import { maskSecrets } from './maskSecrets';
import { REQUEST_ID_HEADER, resolveRequestId } from './requestId';
import { applyScope } from './scope';
import { resolveUpstream, type Upstream } from './upstreams';

/** Largest upstream error body read for masking; a longer one is cut. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;
const MAX_TIMER_MS = 2_147_483_647;
const EMPTY: Uint8Array = new Uint8Array(0);
/** Every method any path accepts, plus preflights; anything else (TRACE, CONNECT, PUT …) is 405 on every path. */
const API_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'OPTIONS']);
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

function positiveInteger(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError(`${name} must be a whole number from 1 to ${max}, not ${String(value)}.`);
  }
  return value;
}

function resolveBasePath(basePath: string | undefined): string {
  if (basePath === undefined || basePath === '' || basePath === '/') return '';
  if (!basePath.startsWith('/') || /[?#]/.test(basePath)) {
    throw new ConfigError(`basePath "${basePath}" must start with "/" and hold no query or fragment.`);
  }
  return basePath.replace(/\/+$/, '');
}

function isGrant(value: unknown): value is AuthorizeGrant {
  return typeof value === 'object' && value !== null && !(value instanceof Response);
}

function validCredentials(value: unknown): value is ProxyCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const { accessKeyId, secretAccessKey, sessionToken } = value as Record<string, unknown>;
  return (
    typeof accessKeyId === 'string' &&
    accessKeyId.length > 0 &&
    typeof secretAccessKey === 'string' &&
    secretAccessKey.length > 0 &&
    (sessionToken === undefined || typeof sessionToken === 'string')
  );
}

/**
 * Creates the signing proxy handler. Throws {@link ConfigError} for invalid options (bad upstream URL, unknown
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
  if (!options || typeof options !== 'object') throw new ConfigError('createSigningProxy needs an options object.');
  const { credentials, authorize, log } = options;
  if (typeof credentials !== 'function' && !validCredentials(credentials)) {
    throw new ConfigError(
      'createSigningProxy needs credentials: { accessKeyId, secretAccessKey, sessionToken? } or a function returning them.',
    );
  }
  const upstreams: Record<ProxyDomain, Upstream> = {
    vector: resolveUpstream('vector', options.vector, options.region),
    memory: resolveUpstream('memory', options.memory, options.region),
    // Knowledge lives on the memory host unless told otherwise (knowledge contract §1.1).
    knowledge: resolveUpstream('knowledge', options.knowledge ?? options.memory, options.region),
  };
  const basePath = resolveBasePath(options.basePath);
  let allowed: ReadonlySet<string>;
  try {
    allowed = resolveAllowList(options.allow);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  let forwardNames: readonly string[];
  try {
    forwardNames = resolveForwardHeaders(options.forwardHeaders);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const maxBodyBytes = positiveInteger('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 2 ** 31);
  const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, MAX_TIMER_MS);
  let limiter: ReturnType<typeof createRateLimiter> | undefined;
  try {
    limiter = options.rateLimit ? createRateLimiter(options.rateLimit) : undefined;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const cors = createCorsPolicy(options.cors);
  let hostAllowed: ReturnType<typeof createHostCheck>;
  try {
    hostAllowed = createHostCheck(options.allowedHosts);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const sign = createV4Signer(nodeCrypto);

  async function getCredentials(): Promise<ProxyCredentials | undefined> {
    if (typeof credentials !== 'function') return credentials;
    try {
      const provided = await credentials();
      return validCredentials(provided) ? provided : undefined;
    } catch {
      return undefined;
    }
  }

  return async function signingProxy(request: Request, context: ProxyContext = {}): Promise<Response> {
    const started = performance.now();
    const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
    const method = (context.method ?? request.method).toUpperCase();
    let requestPath = '/';
    let corsHeaders: Record<string, string> = {};
    let refused: string | undefined;

    const finish = (response: Response): Response => {
      let out = response;
      try {
        for (const [name, value] of Object.entries(corsHeaders)) out.headers.set(name, value);
        if (!out.headers.has(REQUEST_ID_HEADER)) out.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // A Response with immutable headers (e.g. from Response.redirect): copy it.
        out = new Response(out.body, { status: out.status, statusText: out.statusText, headers: out.headers });
        for (const [name, value] of Object.entries(corsHeaders)) out.headers.set(name, value);
        if (!out.headers.has(REQUEST_ID_HEADER)) out.headers.set(REQUEST_ID_HEADER, requestId);
      }
      try {
        log?.({
          method,
          path: requestPath,
          status: out.status,
          requestId,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          refused,
        });
      } catch {
        // A failing logger must not break the answer.
      }
      return out;
    };

    let domain: ProxyDomain = 'vector';
    const fail = (kind: ProxyErrorKind, message: string, headers?: Record<string, string>): Response => {
      refused = kind;
      return finish(proxyError(domain, kind, message, requestId, headers));
    };

    try {
      const url = new URL(request.url);
      requestPath = url.pathname;
      let path = url.pathname;
      if (basePath) {
        path =
          path === basePath || path.startsWith(`${basePath}/`)
            ? path.slice(basePath.length) || '/'
            : `\0${path}`; /* outside the mount: matches nothing */
      }
      domain = domainOfProxyPath(path);

      const host = requestHost(request);
      if (!hostAllowed(host)) {
        return fail(
          'forbidden',
          `the signing proxy does not answer host ${quote(host)}: only loopback hosts unless ${ALLOWED_HOSTS_OPTION} lists it`,
        );
      }

      if (!API_METHODS.has(method)) {
        const allow = PROXY_OPERATIONS.get(path)?.methods.join(', ') ?? 'GET, POST, OPTIONS';
        return fail('methodNotAllowed', `${shorten(path)} accepts ${allow}, not ${quote(method)}`, { Allow: allow });
      }

      const origin = request.headers.get('origin');
      if (origin !== null) {
        const originAllowed = await cors.allows(origin);
        if (method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
          if (!originAllowed) return fail('forbidden', 'this origin may not call the signing proxy');
          refused = undefined;
          return finish(new Response(null, { status: 204, headers: cors.preflightHeaders(origin) }));
        }
        if (originAllowed) corsHeaders = cors.responseHeaders(origin);
        else if (!isSameOrigin(request, host, origin)) {
          return fail('forbidden', 'this origin may not call the signing proxy');
        }
      }

      const operation = PROXY_OPERATIONS.get(path);
      if (!operation || !allowed.has(path)) {
        return fail('forbidden', 'this path is not allowed through the signing proxy');
      }
      if (!operation.methods.includes(method)) {
        return fail('methodNotAllowed', `${operation.path} accepts ${operation.methods.join(', ')}`, {
          Allow: operation.methods.join(', '),
        });
      }
      // A known path's own domain: the knowledge ping (`/ping`) is not under `/api/knowledge`.
      domain = operation.domain;

      let grant: AuthorizeGrant | undefined;
      if (authorize) {
        const verdict = await authorize(request, {
          path,
          domain,
          readOnly: operation.readOnly,
          clientAddress: context.clientAddress,
        });
        if (verdict instanceof Response) {
          refused = 'authorize';
          return finish(verdict);
        }
        if (isGrant(verdict)) grant = verdict;
        else if (verdict !== true) return fail('unauthorized', 'the signing proxy did not authorize this request');
      }

      if (limiter) {
        const key = grant?.rateLimitKey ?? context.clientAddress ?? 'anonymous';
        const decision = limiter.take(key);
        if (!decision.ok) {
          return fail('tooManyRequests', `too many requests; retry in ${decision.retryAfterSeconds} s`, {
            'Retry-After': String(decision.retryAfterSeconds),
          });
        }
      }

      let body = EMPTY;
      if (method !== 'GET') {
        if (request.bodyUsed) return fail('internal', 'the request body was consumed before the proxy could read it');
        const read = await readLimitedBody(request, maxBodyBytes);
        if (!read.ok) {
          return fail('tooLarge', `the request body is larger than ${maxBodyBytes} bytes`, { Connection: 'close' });
        }
        body = read.bytes;
      }

      if (grant?.scope) {
        const scoped = applyScope(grant.scope, operation, body);
        if (!scoped.ok) return fail(scoped.kind, scoped.message);
        body = scoped.body;
      }

      const keys = await getCredentials();
      if (!keys) return fail('internal', 'the signing proxy has no usable credentials');

      const upstream = upstreams[domain];
      const target = new URL(`${upstream.base}${path}`);
      const headers = pickRequestHeaders(request.headers, forwardNames);
      headers['x-tt-logid'] = requestId;
      if (method === 'POST' && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
      const signed = await sign({
        method,
        path: target.pathname,
        query: [...target.searchParams],
        headers,
        body,
        credentials: keys,
        region: upstream.region,
        service: upstream.service,
      });

      // `timeoutMs` bounds the wait for the answer's headers (and for a whole error body), then each gap between
      // chunks of a success body: a slow but steady stream is not cut.
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const signal = AbortSignal.any([timeout.signal, request.signal]);
      const init: RequestInit = { method, headers: { ...headers, ...signed.headers }, signal, redirect: 'manual' };
      if (method !== 'GET') init.body = body as Uint8Array<ArrayBuffer>;
      let upstreamResponse: Response;
      try {
        upstreamResponse = await (options.fetch ?? globalThis.fetch)(target, init);
      } catch {
        clearTimeout(timer);
        if (timeout.signal.aborted) {
          return fail('gatewayTimeout', `the ${domain} upstream did not answer within ${timeoutMs} ms`);
        }
        return fail('badGateway', `the ${domain} upstream could not be reached`);
      }

      const responseHeaders = pickResponseHeaders(upstreamResponse.headers);
      if (upstreamResponse.ok) {
        clearTimeout(timer);
        const upstreamBody = NULL_BODY_STATUSES.has(upstreamResponse.status) ? null : upstreamResponse.body;
        return finish(
          new Response(upstreamBody && withIdleTimeout(upstreamBody, timeoutMs, () => timeout.abort()), {
            status: upstreamResponse.status,
            statusText: upstreamResponse.statusText,
            headers: responseHeaders,
          }),
        );
      }
      let errorBody: LimitedBody;
      try {
        errorBody = await readLimitedBody(upstreamResponse, MAX_ERROR_BODY_BYTES);
      } catch {
        if (timeout.signal.aborted) {
          return fail('gatewayTimeout', `the ${domain} upstream did not answer within ${timeoutMs} ms`);
        }
        return fail('badGateway', `the ${domain} upstream broke off its answer`);
      } finally {
        clearTimeout(timer);
      }
      if (!errorBody.ok) {
        // Half a JSON body would fail to parse in every client: answer a whole envelope that says what happened.
        const upstreamId = upstreamResponse.headers.get(REQUEST_ID_HEADER) ?? requestId;
        return finish(
          truncatedError(domain, upstreamResponse.status, upstreamId, MAX_ERROR_BODY_BYTES, responseHeaders),
        );
      }
      const secrets = [keys.accessKeyId, keys.secretAccessKey, keys.sessionToken ?? '', signed.signature];
      return finish(
        new Response(maskSecrets(new TextDecoder().decode(errorBody.bytes), secrets), {
          status: upstreamResponse.status,
          statusText: upstreamResponse.statusText,
          headers: responseHeaders,
        }),
      );
    } catch {
      return fail('internal', 'the signing proxy failed to handle this request');
    }
  };
}
