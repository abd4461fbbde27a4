/**
 * The local server's HTTP layer: a Hono app that carries requests to `engine.handle` and adds what a network
 * server needs around it — request ids, the browser-facing defences, CORS, authentication, a body limit and a log
 * line per request.
 *
 * Per request, in order:
 * 1. The id is the caller's `X-Tt-Logid` or a generated one, returned in `X-Tt-Logid` and as the body's `request_id`.
 * 2. `Host` must be loopback or in `allowedHosts` (DNS rebinding), else 403.
 * 3. A request that carries `Origin` must come from an allowed CORS origin, else 403 before anything runs: a page on
 *    another site can send a "simple" cross-origin POST without a preflight, and CORS headers alone would only hide
 *    the answer from it, not stop the write. Callers without `Origin` (the SDKs, curl, servers) are not affected.
 * 4. The query string (including a bare trailing `?`, which the Python SDK sends) is ignored for routing. Ping paths
 *    (`GET|POST /api/vikingdb/Ping`, `GET /api/memory/ping`, `GET /ping`) go straight to the engine without
 *    authentication; so do methods other than GET/POST, without their body (the engine answers them 405, or 404 for
 *    an unknown path, as behind MSW).
 * 5. Every other request must say `Content-Type: application/json` (415 otherwise, so no HTML form or `no-cors`
 *    fetch gets through), is authenticated, its body read up to `maxBodyBytes` (413 beyond), and handed to the
 *    engine as raw text.
 */
import { Hono } from 'hono';
import { domainOfPath, methodsOf, PINGS } from '../../../client/endpoints';
import { isStreamResponse, type EngineResponse, type LocalEngine } from '../engine/protocol';
import { createAuthenticator } from './authenticate';
import { ALLOWED_HOSTS_OPTION, createHostCheck, type AllowedHostsOption } from '../../shared/allowedHosts';
import { isJsonContentType } from '../../shared/isJsonContentType';
import { quote } from '../engine/quote';
import { corsHeaders } from './corsHeaders';
import { createOriginMatcher } from './corsOrigins';
import { httpError } from './errorEnvelope';
import { IncomingMessage } from 'node:http';
import { DEFAULT_MAX_BODY_BYTES, readLimitedBody } from '../../shared/readLimitedBody';
import { readLimitedNodeBody } from './readNodeBody';
import { textResponse } from './responseText';
import { formatRequestLine, stdoutLogger, type RequestLogger } from './requestLog';
import { REQUEST_ID_HEADER, resolveRequestId } from '../../shared/requestId';
import type { V4VerifierOptions } from './verifyV4';

/** Options of {@link createHttpApp}. */
export interface HttpAppOptions {
  /** The engine answering every API path. Required. */
  engine: LocalEngine;
  /** Require `Authorization: Bearer <apiKey>`. Default: none (open, unless `verifySignature` is set). */
  apiKey?: string | undefined;
  /**
   * Require a V4 signature made with these credentials (service `vikingdb` for vector paths, `air` for memory).
   * With `apiKey` as well, either is accepted. Default: none.
   */
  verifySignature?: V4VerifierOptions | undefined;
  /**
   * Browser origins allowed by CORS: exact origins, `*`, or wildcard patterns such as `http://localhost:*`.
   * Default: `http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`.
   */
  corsOrigins?: readonly string[] | undefined;
  /**
   * `Host` names answered besides loopback (`localhost`, `127.0.0.1`, `[::1]`, any port); others get 403. `true`
   * answers any host (see {@link AllowedHostsOption}). Default: loopback only.
   */
  allowedHosts?: AllowedHostsOption | undefined;
  /** Largest accepted request body in bytes; larger bodies get 413 without being buffered. Default 4 MiB. */
  maxBodyBytes?: number | undefined;
  /** Receives one line per request (never bodies or secrets); `false` for none. Default: stdout. */
  log?: RequestLogger | false | undefined;
}

/** Headers a browser may send (preflight `Access-Control-Allow-Headers`). */
export const CORS_ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'X-Date',
  'X-Content-Sha256',
  'X-Security-Token',
  'X-Tt-Logid',
];

/** Ping path → its methods (from the endpoint catalog): answered without authentication or a body. */
const PING_METHODS: ReadonlyMap<string, readonly string[]> = new Map(PINGS.map((ping) => [ping.path, methodsOf(ping)]));

type Env = { Variables: { requestId: string; logNote: string | undefined } };

function jsonResponse(answer: EngineResponse, requestId: string, extraHeaders?: Record<string, string>): Response {
  if (isStreamResponse(answer)) {
    // Streamed knowledge chat: the engine's SSE bytes go out as they come (cancelled when the caller leaves).
    return new Response(answer.stream, {
      status: answer.status,
      headers: { ...answer.headers, [REQUEST_ID_HEADER]: requestId, ...extraHeaders },
    });
  }
  const body = { ...answer.body, request_id: requestId };
  return textResponse(JSON.stringify(body), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json', [REQUEST_ID_HEADER]: requestId, ...extraHeaders },
  });
}

function queryPairs(url: URL): Array<[string, string]> {
  return [...url.searchParams.entries()];
}

/** Builds the Hono app. Its `fetch` is a standard `(Request) => Promise<Response>` handler. */
export function createHttpApp(options: HttpAppOptions): Hono<Env> {
  const { engine } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log === false ? undefined : (options.log ?? stdoutLogger);
  const authenticator = createAuthenticator({ apiKey: options.apiKey, verifySignature: options.verifySignature });
  const originAllowed = createOriginMatcher(options.corsOrigins);
  const hostAllowed = createHostCheck(options.allowedHosts);
  const decoder = new TextDecoder('utf-8');

  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = resolveRequestId(c.req.header(REQUEST_ID_HEADER));
    c.set('requestId', requestId);
    c.set('logNote', undefined);
    await next();
    if (!c.res.headers.has(REQUEST_ID_HEADER)) c.res.headers.set(REQUEST_ID_HEADER, requestId);
    log?.(
      formatRequestLine({
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: performance.now() - started,
        requestId,
        note: c.get('logNote'),
      }),
    );
  });

  // DNS rebinding and cross-site requests are refused before CORS, routing or any handler.
  app.use('*', async (c, next) => {
    const requestId = c.get('requestId');
    const url = new URL(c.req.url);
    const domain = domainOfPath(url.pathname);
    const host = c.req.header('host') ?? url.host;
    if (!hostAllowed(host)) {
      c.set('logNote', 'host');
      return jsonResponse(
        httpError(
          domain,
          'forbidden',
          `the local server does not answer host ${quote(host)}: only loopback hosts unless ${ALLOWED_HOSTS_OPTION} lists it`,
          requestId,
        ),
        requestId,
      );
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAllowed(origin)) {
      c.set('logNote', 'origin');
      return jsonResponse(
        httpError(
          domain,
          'forbidden',
          `browser origin ${quote(origin)} may not call the local server; allow it with corsOrigins (CLI --cors-origin)`,
          requestId,
        ),
        requestId,
      );
    }
    await next();
  });

  app.use(
    '*',
    corsHeaders({
      originAllowed,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: CORS_ALLOW_HEADERS,
      maxAgeSeconds: 600,
    }),
  );

  app.all('*', async (c) => {
    const requestId = c.get('requestId');
    const request = c.req.raw;
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method.toUpperCase();
    const domain = domainOfPath(path);

    if (method !== 'GET' && method !== 'POST') {
      // The engine answers these (405 naming the path's methods, or 404 for an unknown path) exactly as it does
      // behind MSW; no handler runs, so neither the body nor credentials are needed.
      const answer = await engine.handle({ method, path, body: '', requestId });
      return jsonResponse(answer, requestId, answer.status === 405 ? { Allow: 'GET, POST, OPTIONS' } : undefined);
    }
    if (PING_METHODS.get(path)?.includes(method)) {
      return jsonResponse(await engine.handle({ method, path, body: '', requestId }), requestId);
    }

    const bodiless = method === 'GET' || request.headers.get('content-length') === '0';
    if (!bodiless && !isJsonContentType(request.headers.get('content-type'))) {
      c.set('logNote', 'content-type');
      return jsonResponse(
        httpError(
          domain,
          'unsupportedMediaType',
          `send the body as JSON with "Content-Type: application/json" (got ${quote(request.headers.get('content-type') ?? 'none')})`,
          requestId,
        ),
        requestId,
      );
    }

    const refuse = (reason: string, message: string) => {
      c.set('logNote', `auth=${reason}`);
      return jsonResponse(httpError(domain, 'unauthorized', message, requestId), requestId);
    };
    if (authenticator.required && !request.headers.get('authorization')?.trim()) {
      const verdict = await authenticator.check({
        method,
        path,
        query: [],
        headers: request.headers,
        host: url.host,
        body: new Uint8Array(0),
      });
      if (!verdict.ok) return refuse(verdict.reason, verdict.message);
    }

    // Served by Node (`createLocalServer`): read the IncomingMessage itself; else (a fetch handler) the Request body.
    const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
    const body =
      incoming instanceof IncomingMessage
        ? await readLimitedNodeBody(incoming, maxBodyBytes)
        : await readLimitedBody(request, maxBodyBytes);
    if (!body.ok) {
      c.set('logNote', `body>${maxBodyBytes}`);
      return jsonResponse(
        httpError(domain, 'tooLarge', `request body is larger than ${maxBodyBytes} bytes`, requestId),
        requestId,
      );
    }
    const verdict = await authenticator.check({
      method,
      path,
      query: queryPairs(url),
      headers: request.headers,
      host: url.host,
      body: body.bytes,
    });
    if (!verdict.ok) return refuse(verdict.reason, verdict.message);

    const answer = await engine.handle({
      method,
      path,
      body: decoder.decode(body.bytes),
      requestId,
      signal: request.signal,
    });
    return jsonResponse(answer, requestId);
  });

  app.onError((error, c) => {
    const requestId = c.get('requestId') || resolveRequestId(undefined);
    c.set('logNote', 'error');
    const detail = error instanceof Error ? error.message : String(error);
    return jsonResponse(
      httpError(domainOfPath(c.req.path), 'internal', `internal error in the local server: ${detail}`, requestId),
      requestId,
    );
  });

  return app;
}
