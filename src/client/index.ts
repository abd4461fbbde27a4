/**
 * `vikingdb-kit/client` for browsers, workers and edge runtimes: AK/SK signing runs on WebCrypto.
 * Node resolves `index.node.ts` instead (package.json `node` export condition), which signs with `node:crypto`.
 */
import { createAkskAuth } from './auth/aksk';
import { webCrypto } from './auth/crypto/webCrypto';

// `exports.ts` is the explicit list of the public names (no internal module is re-exported whole); the two entries
// differ only by the crypto backend of `aksk`.
export * from './exports';

/**
 * Volcengine V4 (AK/SK) signing of every request (service `vikingdb` for vector, `air` for memory and knowledge), on WebCrypto.
 * Meant for servers and workers; warns once when used in a web page — use `signingProxy(url)` there.
 */
export const aksk = /* @__PURE__ */ createAkskAuth(webCrypto);
