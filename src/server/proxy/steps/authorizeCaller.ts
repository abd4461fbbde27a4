import { isReadOnly } from '../../../client/endpoints';
import type { AuthorizeGrant } from '../options';
import { operationOf, refuse, type ProxyStep } from './ProxyExchange';

function isGrant(value: unknown): value is AuthorizeGrant {
  return typeof value === 'object' && value !== null && !(value instanceof Response);
}

/** `authorize(request)`: `false` → 401, its own `Response` as is, `true` or a grant (scope, rate-limit key) passes. */
export const authorizeCaller: ProxyStep = async (exchange) => {
  const { authorize } = exchange.settings;
  if (!authorize) return undefined;
  const operation = operationOf(exchange);
  const verdict = await authorize(exchange.request, {
    path: exchange.path,
    domain: exchange.domain,
    readOnly: isReadOnly(operation),
    clientAddress: exchange.clientAddress,
  });
  if (verdict instanceof Response) {
    exchange.refused = 'authorize';
    return verdict;
  }
  if (isGrant(verdict)) exchange.grant = verdict;
  else if (verdict !== true)
    return refuse(exchange, 'unauthorized', 'the signing proxy did not authorize this request');
  return undefined;
};
