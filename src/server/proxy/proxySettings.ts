/**
 * The signing proxy's options, checked and resolved once at startup: every mistake (bad upstream URL, unknown `allow`
 * path, impossible limit) throws {@link ConfigError} here rather than failing requests later.
 */
import { nodeCrypto } from '../../client/auth/crypto/nodeCrypto';
import { createV4Signer, type V4Signer } from '../../client/auth/signV4';
import type { Domain } from '../../client/endpoints';
import { ConfigError } from '../../client/errors/ConfigError';
import { DEFAULT_TIMEOUT_MS } from '../../client/options';
import { createHostCheck } from '../shared/allowedHosts';
import { MAX_TIMER_MS } from '../shared/maxTimerMs';
import { DEFAULT_MAX_BODY_BYTES } from '../shared/readLimitedBody';
import { resolveAllowList } from './allowList';
import { createCorsPolicy, type CorsPolicy } from './cors';
import { resolveForwardHeaders } from './forwardHeaders';
import type { AuthorizeHook, ProxyCredentials, ProxyLogEntry, SigningProxyOptions } from './options';
import { createRateLimiter, type RateLimiter } from './rateLimit';
import { resolveUpstream, type Upstream } from './upstreams';

/** What every request of one proxy shares. */
export interface ProxySettings {
  readonly upstreams: Readonly<Record<Domain, Upstream>>;
  /** The mount path, without a trailing slash; `''` when mounted at the root. */
  readonly basePath: string;
  readonly allowed: ReadonlySet<string>;
  readonly forwardNames: readonly string[];
  readonly maxBodyBytes: number;
  readonly timeoutMs: number;
  readonly limiter: RateLimiter | undefined;
  readonly cors: CorsPolicy;
  readonly hostAllowed: (host: string | null | undefined) => boolean;
  readonly sign: V4Signer;
  /** The credentials to sign with now, or `undefined` when the provider failed or gave unusable ones. */
  readonly credentials: () => Promise<ProxyCredentials | undefined>;
  readonly authorize: AuthorizeHook | undefined;
  readonly log: ((entry: ProxyLogEntry) => void) | undefined;
  /** `undefined`: `globalThis.fetch` at call time. */
  readonly fetch: typeof globalThis.fetch | undefined;
}

function positiveInteger(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError(`${name} must be a whole number from 1 to ${max}, not ${String(value)}.`);
  }
  return value;
}

function resolveBasePath(basePath: string | undefined): string {
  if (basePath === undefined || basePath === '' || basePath === '/') return '';
  if (!basePath.startsWith('/') || /[?#]/.test(basePath)) {
    throw new ConfigError(`basePath "${basePath}" must start with "/" and hold no query or fragment.`);
  }
  return basePath.replace(/\/+$/, '');
}

function validCredentials(value: unknown): value is ProxyCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const { accessKeyId, secretAccessKey, sessionToken } = value as Record<string, unknown>;
  return (
    typeof accessKeyId === 'string' &&
    accessKeyId.length > 0 &&
    typeof secretAccessKey === 'string' &&
    secretAccessKey.length > 0 &&
    (sessionToken === undefined || typeof sessionToken === 'string')
  );
}

/** Runs a resolver whose `TypeError`s describe a bad option, as a {@link ConfigError}. */
function asConfigError<T>(resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** Checks and resolves the options of `createSigningProxy`. Throws {@link ConfigError} for any invalid one. */
export function resolveProxySettings(options: SigningProxyOptions): ProxySettings {
  if (!options || typeof options !== 'object') throw new ConfigError('createSigningProxy needs an options object.');
  const { credentials } = options;
  if (typeof credentials !== 'function' && !validCredentials(credentials)) {
    throw new ConfigError(
      'createSigningProxy needs credentials: { accessKeyId, secretAccessKey, sessionToken? } or a function returning them.',
    );
  }
  const upstreams: Record<Domain, Upstream> = {
    vector: resolveUpstream('vector', options.vector, options.region),
    memory: resolveUpstream('memory', options.memory, options.region),
    // Knowledge lives on the memory host unless told otherwise (knowledge contract §1.1).
    knowledge: resolveUpstream('knowledge', options.knowledge ?? options.memory, options.region),
  };
  const basePath = resolveBasePath(options.basePath);
  const allowed = asConfigError(() => resolveAllowList(options.allow));
  const forwardNames = asConfigError(() => resolveForwardHeaders(options.forwardHeaders));
  const maxBodyBytes = positiveInteger('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 2 ** 31);
  const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, MAX_TIMER_MS);
  const rateLimit = options.rateLimit;
  const limiter = rateLimit ? asConfigError(() => createRateLimiter(rateLimit)) : undefined;
  const cors = createCorsPolicy(options.cors);
  const hostAllowed = asConfigError(() => createHostCheck(options.allowedHosts));
  return {
    upstreams,
    basePath,
    allowed,
    forwardNames,
    maxBodyBytes,
    timeoutMs,
    limiter,
    cors,
    hostAllowed,
    sign: createV4Signer(nodeCrypto),
    async credentials() {
      if (typeof credentials !== 'function') return credentials;
      try {
        const provided = await credentials();
        return validCredentials(provided) ? provided : undefined;
      } catch {
        return undefined;
      }
    },
    authorize: options.authorize,
    log: options.log,
    fetch: options.fetch,
  };
}
