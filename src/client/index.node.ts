/**
 * `vikingdb-kit/client` under the `node` export condition: the same surface as `index.ts`, with AK/SK signing
 * on `node:crypto` (about 5× faster than WebCrypto on Node 20).
 */
import { createAkskAuth } from './auth/aksk';
import { nodeCrypto } from './auth/crypto/nodeCrypto';

// `exports.ts` is the explicit list of the public names (no internal module is re-exported whole); the two entries
// differ only by the crypto backend of `aksk`.
export * from './exports';

/**
 * Volcengine V4 (AK/SK) signing of every request (service `vikingdb` for vector, `air` for memory and knowledge), on `node:crypto`.
 */
export const aksk = /* @__PURE__ */ createAkskAuth(nodeCrypto);
