import type { SignerCrypto } from './SignerCrypto';

const encoder = /* @__PURE__ */ new TextEncoder();
const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) {
    throw new Error(
      'WebCrypto (crypto.subtle) is not available: AK/SK signing needs a secure context (https or localhost).',
    );
  }
  return api;
}

function toBytes(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);
}

const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

async function importHmacKey(raw: Uint8Array<ArrayBuffer> | ArrayBuffer): Promise<CryptoKey> {
  return subtle().importKey('raw', raw, HMAC_SHA256, false, ['sign']);
}

async function hmacBytes(key: Uint8Array<ArrayBuffer> | ArrayBuffer, data: string): Promise<ArrayBuffer> {
  return subtle().sign('HMAC', await importHmacKey(key), encoder.encode(data));
}

/** WebCrypto backend for browsers, workers and edge runtimes; the signing key stays an imported `CryptoKey`. */
export const webCrypto: SignerCrypto<CryptoKey> = {
  sha256Hex: async (data) => toHex(await subtle().digest('SHA-256', toBytes(data))),
  deriveSigningKey: async (secret, date, region, service) => {
    const kDate = await hmacBytes(encoder.encode(secret), date);
    const kRegion = await hmacBytes(kDate, region);
    const kService = await hmacBytes(kRegion, service);
    return importHmacKey(await hmacBytes(kService, 'request'));
  },
  hmacHex: async (key, data) => toHex(await subtle().sign('HMAC', key, encoder.encode(data))),
};
