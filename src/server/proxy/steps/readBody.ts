import { readLimitedBody } from '../../shared/readLimitedBody';
import { refuse, type ProxyStep } from './ProxyExchange';

/** The body, read up to `maxBodyBytes` → 413 (with `Connection: close`) without buffering more. GET has none. */
export const readBody: ProxyStep = async (exchange) => {
  const { request, settings } = exchange;
  if (exchange.method === 'GET') return undefined;
  if (request.bodyUsed) {
    return refuse(exchange, 'internal', 'the request body was consumed before the proxy could read it');
  }
  const read = await readLimitedBody(request, settings.maxBodyBytes);
  if (!read.ok) {
    return refuse(exchange, 'tooLarge', `the request body is larger than ${settings.maxBodyBytes} bytes`, {
      Connection: 'close',
    });
  }
  exchange.body = read.bytes;
  return undefined;
};
