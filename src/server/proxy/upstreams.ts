/**
 * Resolving the `vector`, `memory` and `knowledge` upstream options: base URL (default: the VikingDB cloud in the
 * region; knowledge shares the memory host), region and V4 service (`vikingdb`, `air`, `air`).
 */
import { ConfigError } from '../../client/errors/ConfigError';
import { DEFAULT_REGION } from '../../client/options';
import type { Domain } from '../../client/endpoints';
import type { UpstreamOptions } from './options';

/** A resolved upstream. */
export interface Upstream {
  /** Base URL without a trailing slash, e.g. `https://api-vikingdb.vikingdb.cn-beijing.volces.com`. */
  base: string;
  region: string;
  service: string;
}

const REGION = /^[a-z0-9-]+$/;
const SERVICE = /^[a-z0-9_-]+$/i;

/** The VikingDB cloud host of a domain in a region. */
export function defaultUpstreamUrl(domain: Domain, region: string): string {
  return domain === 'vector'
    ? `https://api-vikingdb.vikingdb.${region}.volces.com`
    : `https://api-knowledgebase.mlp.${region}.volces.com`;
}

/** Validates one upstream's options. Throws {@link ConfigError}. */
export function resolveUpstream(
  domain: Domain,
  options: UpstreamOptions | undefined,
  proxyRegion: string | undefined,
): Upstream {
  const region = options?.region ?? proxyRegion ?? DEFAULT_REGION;
  if (!REGION.test(region))
    throw new ConfigError(`${domain} region "${region}" is not a region name such as cn-beijing.`);
  const service = options?.service ?? (domain === 'vector' ? 'vikingdb' : 'air');
  if (!SERVICE.test(service)) throw new ConfigError(`${domain} service "${service}" is not a V4 service name.`);
  const raw = options?.url ?? defaultUpstreamUrl(domain, region);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${domain} upstream "${raw}" is not a URL.`,
      'Pass a full URL such as http://127.0.0.1:8329.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${domain} upstream "${raw}" must use http or https.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${domain} upstream "${raw}" must not have a query, fragment or user info.`);
  }
  return { base: url.href.replace(/\/+$/, ''), region, service };
}
