import { methodsOf } from '../../../client/endpoints';
import { PROXY_OPERATIONS } from '../allowList';
import { refuse, type ProxyStep } from './ProxyExchange';

/**
 * Routing: a path outside the catalog or `allow` → 403; a method the path does not take → 405. The query string is
 * never forwarded: VikingDB's data APIs take none, and a signed query could address another action (`?Action=…`).
 */
export const route: ProxyStep = (exchange) => {
  const { path, method, settings } = exchange;
  const operation = PROXY_OPERATIONS.get(path);
  if (!operation || !settings.allowed.has(path)) {
    return refuse(exchange, 'forbidden', 'this path is not allowed through the signing proxy');
  }
  const methods: readonly string[] = methodsOf(operation);
  if (!methods.includes(method)) {
    return refuse(exchange, 'methodNotAllowed', `${operation.path} accepts ${methods.join(', ')}`, {
      Allow: methods.join(', '),
    });
  }
  exchange.operation = operation;
  // A known path's own domain: the knowledge ping (`/ping`) is not under `/api/knowledge`.
  exchange.domain = operation.domain;
  return undefined;
};
