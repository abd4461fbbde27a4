import { ConfigError } from './errors/ConfigError';
import { isBrowserPage } from './errors/hints';
import { DEFAULT_REGION, DEFAULT_TIMEOUT_MS, type VikingClientOptions } from './options';
import type { TransportConfig } from './transport/transport';
import { mergeHeaders } from './transport/mergeHeaders';
import { toRetryStrategy } from './transport/retryStrategy';
import { VERSION } from './version';

const MAX_TIMEOUT_MS = 2_147_483_647;

/** Throws a {@link ConfigError} with `message` unless `ok`. */
function ensure(ok: unknown, message: string, hint?: string): asserts ok {
  if (!ok) throw new ConfigError(message, hint);
}

function absoluteBase(raw: string, what: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw, typeof location === 'undefined' ? undefined : location.href);
  } catch {
    // reported below
  }
  const named = `${what} "${raw}"`;
  ensure(url, `${named} is not a valid URL.`, 'Pass a full URL (relative URLs work only in a web page).');
  ensure(
    /^https?:$/.test(url.protocol) && !url.search && !url.hash,
    `${named} must use http or https, with no query or fragment.`,
  );
  return url.href.replace(/\/+$/, '');
}

/** Validates the client options and resolves them to a transport configuration. Throws {@link ConfigError}. */
export function resolveConfig(options: VikingClientOptions): TransportConfig {
  ensure(options && typeof options === 'object', 'createVikingClient needs an options object.');
  const { auth } = options;
  ensure(
    typeof auth?.authorize === 'function',
    'createVikingClient needs `auth`.',
    'Use apiKey(key), aksk({ accessKeyId, secretAccessKey }), signingProxy(url) or headerAuth(headers).',
  );
  const must = (ok: boolean, name: string, expected: string, value: unknown) =>
    ensure(ok, `${name} must be ${expected}, not ${String(value)}.`);
  const region = options.region ?? DEFAULT_REGION;
  must(/^[a-z0-9-]+$/.test(region), 'region', 'a region name such as cn-beijing', region);
  const scheme = options.scheme ?? 'https';
  must(scheme === 'https' || scheme === 'http', 'scheme', '"https" or "http"', scheme);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  must(
    Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS,
    'timeoutMs',
    'a positive number of milliseconds',
    timeoutMs,
  );
  const retry = toRetryStrategy(options.retry);
  must(
    Number.isInteger(retry.maxRetries) && retry.maxRetries >= 0,
    'retry.maxRetries',
    'a whole number ≥ 0',
    retry.maxRetries,
  );

  const fromHost = (host: string, what: string) =>
    absoluteBase(`${scheme}://${host.replace(/^https?:\/\//, '')}`, what);
  const { baseUrl, memoryBaseUrl, memoryHost } = options;
  let vector: string;
  let memory: string;
  if (auth.baseUrl !== undefined) {
    vector = memory = absoluteBase(auth.baseUrl, 'signingProxy url');
  } else {
    vector =
      baseUrl !== undefined
        ? absoluteBase(baseUrl, 'baseUrl')
        : fromHost(options.host ?? `api-vikingdb.vikingdb.${region}.volces.com`, 'host');
    memory =
      memoryBaseUrl !== undefined
        ? absoluteBase(memoryBaseUrl, 'memoryBaseUrl')
        : memoryHost === undefined && baseUrl !== undefined
          ? vector
          : fromHost(memoryHost ?? `api-knowledgebase.mlp.${region}.volces.com`, 'memoryHost');
  }

  const defaults: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (!isBrowserPage()) defaults['User-Agent'] = options.userAgent ?? `vikingdb-kit/${VERSION}`;

  return {
    // Knowledge bases live on the memory host (knowledge contract §1.1).
    baseUrls: { vector, memory, knowledge: memory },
    region,
    auth,
    timeoutMs,
    retry,
    headers: mergeHeaders(defaults, options.headers),
    fetch: options.fetch,
    onRequestEnd: options.onRequestEnd,
    onRetry: options.onRetry,
    hooks: options.hooks,
  };
}
