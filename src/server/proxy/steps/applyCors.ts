import { requestHost } from '../../shared/allowedHosts';
import { isSameOrigin } from '../cors';
import { refuse, type ProxyStep } from './ProxyExchange';

/**
 * CORS (see `cors.ts`): preflights are answered here; a foreign `Origin` that is not allowed → 403 before anything
 * runs. An `Origin` equal to the (allowed) host the request was sent to is the proxy's own page. Callers without
 * `Origin` (servers, curl) pass untouched.
 */
export const applyCors: ProxyStep = async (exchange) => {
  const { request, settings } = exchange;
  const origin = request.headers.get('origin');
  if (origin === null) return undefined;
  const allowed = await settings.cors.allows(origin);
  if (exchange.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
    if (!allowed) return refuse(exchange, 'forbidden', 'this origin may not call the signing proxy');
    return new Response(null, { status: 204, headers: settings.cors.preflightHeaders(origin) });
  }
  if (allowed) exchange.corsHeaders = settings.cors.responseHeaders(origin);
  else if (!isSameOrigin(request, requestHost(request), origin)) {
    return refuse(exchange, 'forbidden', 'this origin may not call the signing proxy');
  }
  return undefined;
};
