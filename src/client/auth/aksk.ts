import { isBrowserPage } from '../errors/hints';
import type { AuthMode } from './AuthMode';
import type { SignerCrypto } from './crypto/SignerCrypto';
import { createV4Signer, type Credentials } from './signV4';

/**
 * Options of `aksk`: fixed credentials (`accessKeyId`, `secretAccessKey`, `sessionToken`) or a `credentials` function,
 * and the V4 scope.
 */
export interface AkskOptions extends Partial<Credentials> {
  /**
   * Credentials resolved per request instead of fixed ones, for rotating STS tokens.
   * Called before every signature; cache inside it. Default: use `accessKeyId`/`secretAccessKey`.
   */
  credentials?: (() => Credentials | Promise<Credentials>) | undefined;
  /** Region in the credential scope. Default: the client's `region`. */
  region?: string | undefined;
  /** V4 service name for the vector API. Default: `'vikingdb'`. */
  vectorService?: string | undefined;
  /** V4 service name for the memory API. Default: `'air'`. */
  memoryService?: string | undefined;
  /**
   * Also sign the `Host` header, as the Go and Java SDKs do. Default: `false`, as the Python SDK does, so a
   * signature survives hops that rewrite Host; the service accepts both.
   */
  signHost?: boolean | undefined;
}

let warnedInBrowser = false;

function warnOnceInBrowser(): void {
  if (warnedInBrowser || !isBrowserPage()) return;
  warnedInBrowser = true;
  console.warn(
    '[vikingdb-kit] aksk() is running in a web page: the secret key is visible to anyone who opens it. ' +
      'Use signingProxy(url) in browsers and keep AK/SK on a server (createSigningProxy).',
  );
}

function staticCredentials(options: AkskOptions): () => Credentials {
  const { accessKeyId, secretAccessKey, sessionToken } = options;
  if (!accessKeyId || !secretAccessKey) {
    throw new TypeError('aksk() needs accessKeyId and secretAccessKey, or a credentials() function.');
  }
  const credentials: Credentials = { accessKeyId, secretAccessKey, sessionToken };
  return () => credentials;
}

/** Builds the `aksk` auth factory on a crypto backend (the entry points pick the backend per runtime). */
export function createAkskAuth(crypto: SignerCrypto<never> | SignerCrypto<unknown>) {
  /**
   * Volcengine V4 (AK/SK) signing of every request, with service `vikingdb` for vector and `air` for memory.
   * Meant for servers; warns once when used in a web page.
   */
  return function aksk(options: AkskOptions): AuthMode {
    warnOnceInBrowser();
    const sign = createV4Signer(crypto as SignerCrypto<unknown>);
    const resolveCredentials = options.credentials ?? staticCredentials(options);
    return {
      kind: 'aksk',
      async authorize(request) {
        const signature = await sign({
          method: request.method,
          path: request.url.pathname,
          query: request.query,
          headers: request.headers,
          body: request.body,
          credentials: await resolveCredentials(),
          region: options.region ?? request.region,
          service:
            request.domain === 'vector' ? (options.vectorService ?? 'vikingdb') : (options.memoryService ?? 'air'),
          signHost: options.signHost ? request.url.host : undefined,
        });
        return signature.headers;
      },
    };
  };
}
