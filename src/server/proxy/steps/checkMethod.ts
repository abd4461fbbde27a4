import { quote, shorten } from '../../local/engine/quote';
import { methodsOf } from '../../../client/endpoints';
import { PROXY_OPERATIONS } from '../allowList';
import { refuse, type ProxyStep } from './ProxyExchange';

/** Every method any path accepts, plus preflights. */
const API_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'OPTIONS']);

/**
 * Any other method (TRACE, CONNECT, PUT …) → 405 on every path, before CORS: host adapters pass even CONNECT and
 * TRACE here as `context.method`.
 */
export const checkMethod: ProxyStep = (exchange) => {
  const { method, path } = exchange;
  if (API_METHODS.has(method)) return undefined;
  const operation = PROXY_OPERATIONS.get(path);
  const allow = operation ? methodsOf(operation).join(', ') : 'GET, POST, OPTIONS';
  return refuse(exchange, 'methodNotAllowed', `${shorten(path)} accepts ${allow}, not ${quote(method)}`, {
    Allow: allow,
  });
};
