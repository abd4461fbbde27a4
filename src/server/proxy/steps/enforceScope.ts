import { applyScope } from '../scope';
import { operationOf, refuse, type ProxyStep } from './ProxyExchange';

/** The grant's scope is enforced on the body (403/400, or the body rewritten; see `scope.ts`). */
export const enforceScope: ProxyStep = (exchange) => {
  const scope = exchange.grant?.scope;
  if (!scope) return undefined;
  const scoped = applyScope(scope, operationOf(exchange), exchange.body);
  if (!scoped.ok) return refuse(exchange, scoped.kind, scoped.message);
  exchange.body = scoped.body;
  return undefined;
};
