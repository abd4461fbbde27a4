import { ConfigError } from './errors/ConfigError';
import { isBrowserPage } from './errors/hints';
import { DEFAULT_REGION, DEFAULT_TIMEOUT_MS, type VikingClientOptions } from './options';
import type { TransportConfig } from './transport/transport';
import { mergeHeaders } from './transport/mergeHeaders';
import { toRetryStrategy } from './transport/retryStrategy';
import { VERSION } from './version';

const MAX_TIMEOUT_MS = 2_147_483_647;

function absoluteBase(raw: string, what: string): string {
  let url: URL;
  try {
    const page = typeof location === 'undefined' ? undefined : location.href;
    url = page === undefined ? new URL(raw) : new URL(raw, page);
  } catch {
    throw new ConfigError(
      `${what} "${raw}" is not a valid URL.`,
      'Pass a full URL such as https://api-vikingdb.vikingdb.cn-beijing.volces.com (relative URLs work only in a web page).',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${what} "${raw}" must use http or https.`);
  }
  if (url.search || url.hash) throw new ConfigError(`${what} "${raw}" must not have a query or fragment.`);
  return url.href.replace(/\/+$/, '');
}

function fromHost(host: string, scheme: string, what: string): string {
  const bare = host.replace(/^https?:\/\//, '');
  return absoluteBase(`${scheme}://${bare}`, what);
}

/** Validates the client options and resolves them to a transport configuration. Throws {@link ConfigError}. */
export function resolveConfig(options: VikingClientOptions): TransportConfig {
  if (!options || typeof options !== 'object') throw new ConfigError('createVikingClient needs an options object.');
  const { auth } = options;
  if (!auth || typeof auth.authorize !== 'function') {
    throw new ConfigError(
      'createVikingClient needs `auth`.',
      'Use apiKey(key), aksk({ accessKeyId, secretAccessKey }), signingProxy(url) or headerAuth({...}).',
    );
  }
  const region = options.region ?? DEFAULT_REGION;
  if (!/^[a-z0-9-]+$/.test(region))
    throw new ConfigError(`region "${region}" is not a region name such as cn-beijing.`);
  const scheme = options.scheme ?? 'https';
  if (scheme !== 'https' && scheme !== 'http')
    throw new ConfigError(`scheme must be "https" or "http", not "${String(scheme)}".`);

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new ConfigError(`timeoutMs must be a positive number of milliseconds, not ${String(timeoutMs)}.`);
  }
  const retry = toRetryStrategy(options.retry);
  if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
    throw new ConfigError(`retry.maxRetries must be a whole number ≥ 0, not ${String(retry.maxRetries)}.`);
  }

  let vector: string;
  let memory: string;
  if (auth.baseUrl !== undefined) {
    vector = memory = absoluteBase(auth.baseUrl, 'signingProxy url');
  } else {
    vector =
      options.baseUrl !== undefined
        ? absoluteBase(options.baseUrl, 'baseUrl')
        : fromHost(options.host ?? `api-vikingdb.vikingdb.${region}.volces.com`, scheme, 'host');
    if (options.memoryBaseUrl !== undefined) memory = absoluteBase(options.memoryBaseUrl, 'memoryBaseUrl');
    else if (options.memoryHost !== undefined) memory = fromHost(options.memoryHost, scheme, 'memoryHost');
    else if (options.baseUrl !== undefined) memory = vector;
    else memory = fromHost(`api-knowledgebase.mlp.${region}.volces.com`, scheme, 'memoryHost');
  }

  const defaults: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (!isBrowserPage()) defaults['User-Agent'] = options.userAgent ?? `vikingdb-kit/${VERSION}`;
  const headers = mergeHeaders(defaults, options.headers);

  return {
    baseUrls: { vector, memory },
    region,
    auth,
    timeoutMs,
    retry,
    headers,
    fetch: options.fetch,
    onRequestEnd: options.onRequestEnd,
    onRetry: options.onRetry,
  };
}
