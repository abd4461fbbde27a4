import { REQUEST_ID_HEADER } from '../../shared/requestId';
import { pickRequestHeaders } from '../forwardHeaders';
import { refuse, type ProxyStep } from './ProxyExchange';

/**
 * Headers are picked by allow-list (`forwardHeaders.ts`), `X-Tt-Logid` kept or added, and the exact bytes that will
 * be sent are signed for the domain's upstream (service `vikingdb` or `air`); Host is not signed (the Python
 * signer's variant). No usable credentials → 500.
 */
export const signRequest: ProxyStep = async (exchange) => {
  const { settings, method, body } = exchange;
  const credentials = await settings.credentials();
  if (!credentials) return refuse(exchange, 'internal', 'the signing proxy has no usable credentials');
  const upstream = settings.upstreams[exchange.domain];
  const url = new URL(`${upstream.base}${exchange.path}`);
  const headers = pickRequestHeaders(exchange.request.headers, settings.forwardNames);
  headers[REQUEST_ID_HEADER.toLowerCase()] = exchange.requestId;
  if (method === 'POST' && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  const signed = await settings.sign({
    method,
    path: url.pathname,
    query: [...url.searchParams],
    headers,
    body,
    credentials,
    region: upstream.region,
    service: upstream.service,
  });
  exchange.outgoing = {
    url,
    headers: { ...headers, ...signed.headers },
    secrets: [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken ?? '', signed.signature],
  };
  return undefined;
};
