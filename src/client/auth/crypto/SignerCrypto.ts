/**
 * The hashing primitives the V4 signer needs. Two implementations exist: `node:crypto` (picked under the
 * `node` export condition) and WebCrypto (browsers, workers, edge runtimes). `TKey` is the backend's own
 * representation of a derived signing key, so WebCrypto can keep an imported `CryptoKey` between calls.
 */
export interface SignerCrypto<TKey = unknown> {
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `data`. */
  sha256Hex(data: string | Uint8Array): string | Promise<string>;
  /** kSigning = HMAC(HMAC(HMAC(HMAC(secret, date), region), service), "request"). */
  deriveSigningKey(secret: string, date: string, region: string, service: string): TKey | Promise<TKey>;
  /** Lowercase hex HMAC-SHA256 of `data` under a key from {@link deriveSigningKey}. */
  hmacHex(key: TKey, data: string): string | Promise<string>;
}
