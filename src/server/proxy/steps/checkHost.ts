import { ALLOWED_HOSTS_OPTION, requestHost } from '../../shared/allowedHosts';
import { quote } from '../../local/engine/quote';
import { refuse, type ProxyStep } from './ProxyExchange';

/** Only loopback hosts and `allowedHosts` are answered, else 403 (DNS rebinding, see `allowedHosts.ts`). */
export const checkHost: ProxyStep = (exchange) => {
  const host = requestHost(exchange.request);
  if (exchange.settings.hostAllowed(host)) return undefined;
  return refuse(
    exchange,
    'forbidden',
    `the signing proxy does not answer host ${quote(host)}: only loopback hosts unless ${ALLOWED_HOSTS_OPTION} lists it`,
  );
};
