/**
 * CORS for the local server: answers preflights, and adds the CORS headers to every other answer by changing the
 * headers of the response the handler built, in place. (A middleware that reads `c.res` before the handler runs, or
 * calls `c.header` after it, makes Hono copy the response around a stream of its body; this one does neither, so a
 * JSON answer still goes out as the text it was built from: see `writeNodeResponse.ts`.)
 *
 * Origins are matched by `originAllowed` (an origin it refuses gets no `Access-Control-Allow-Origin`); requests from
 * refused origins never get this far (see `createHttpApp`).
 */
import type { MiddlewareHandler } from 'hono';
import { REQUEST_ID_HEADER } from '../../shared/requestId';

/** What a browser is told it may do: methods, request headers, how long a preflight holds, and readable headers. */
export interface CorsPolicy {
  originAllowed: (origin: string) => boolean;
  allowMethods: readonly string[];
  allowHeaders: readonly string[];
  maxAgeSeconds: number;
}

/** The CORS middleware for `policy`. */
export function corsHeaders(policy: CorsPolicy): MiddlewareHandler {
  const allowMethods = policy.allowMethods.join(',');
  const allowHeaders = policy.allowHeaders.join(',');
  const maxAge = String(policy.maxAgeSeconds);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowOrigin = origin && policy.originAllowed(origin) ? origin : undefined;
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({
        'Access-Control-Expose-Headers': REQUEST_ID_HEADER,
        'Access-Control-Max-Age': maxAge,
        'Access-Control-Allow-Methods': allowMethods,
        'Access-Control-Allow-Headers': allowHeaders,
        Vary: 'Origin, Access-Control-Request-Headers',
      });
      if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin);
      return new Response(null, { status: 204, headers });
    }
    await next();
    const headers = c.res.headers;
    if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin);
    headers.set('Access-Control-Expose-Headers', REQUEST_ID_HEADER);
    headers.append('Vary', 'Origin');
  };
}
