import { refuse, type ProxyStep } from './ProxyExchange';

/** `rateLimit`: one bucket per grant key, else client address → 429 with `Retry-After` when it is empty. */
export const limitRate: ProxyStep = (exchange) => {
  const { limiter } = exchange.settings;
  if (!limiter) return undefined;
  const decision = limiter.take(exchange.grant?.rateLimitKey ?? exchange.clientAddress ?? 'anonymous');
  if (decision.ok) return undefined;
  return refuse(exchange, 'tooManyRequests', `too many requests; retry in ${decision.retryAfterSeconds} s`, {
    'Retry-After': String(decision.retryAfterSeconds),
  });
};
