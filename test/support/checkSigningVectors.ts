import { describe, expect, it } from 'vitest';
import type { SignerCrypto } from '../../src/client/auth/crypto/SignerCrypto';
import { createV4Signer } from '../../src/client/auth/signV4';
import { SIGNING_VECTORS } from './signingVectors';

/** Declares one test per api-doc signing vector for a crypto backend (shared by the node and browser projects). */
export function describeSigningVectors(backendName: string, crypto: SignerCrypto<never> | SignerCrypto<unknown>) {
  describe(`V4 signing vectors on ${backendName}`, () => {
    for (const vector of SIGNING_VECTORS) {
      it(`reproduces vector ${vector.name} byte for byte`, async () => {
        const sign = createV4Signer(crypto as SignerCrypto<unknown>);
        const result = await sign(vector.input);
        const { expected } = vector;
        expect(result.headers['X-Content-Sha256']).toBe(expected.bodyHash);
        if (expected.canonicalRequest) expect(result.canonicalRequest).toBe(expected.canonicalRequest);
        if (expected.stringToSign) expect(result.stringToSign).toBe(expected.stringToSign);
        expect(result.signedHeaders).toBe(expected.signedHeaders);
        expect(result.signature).toBe(expected.signature);
        expect(result.headers['Authorization']).toBe(expected.authorization);
        // Signing again hits the cached key and must give the same answer.
        expect((await sign(vector.input)).signature).toBe(expected.signature);
      });
    }
  });
}
