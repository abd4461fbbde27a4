import { createHash, createHmac } from 'node:crypto';
import type { SignerCrypto } from './SignerCrypto';

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** `node:crypto` backend: synchronous and the fastest choice on Node. */
export const nodeCrypto: SignerCrypto<Buffer> = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  deriveSigningKey: (secret, date, region, service) => hmac(hmac(hmac(hmac(secret, date), region), service), 'request'),
  hmacHex: (key, data) => createHmac('sha256', key).update(data, 'utf8').digest('hex'),
};
