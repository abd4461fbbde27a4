/**
 * Chromium page script of the signer benchmark (bundled by bench/signer.ts with esbuild): our signer on
 * WebCrypto and the real `@volcengine/openapi` signer (crypto-js), timed with the same loop as on Node.
 */
import * as volcengineModule from '@volcengine/openapi/lib/base/sign.js';
import { webCrypto } from '../../src/client/auth/crypto/webCrypto';
import { createV4Signer } from '../../src/client/auth/signV4';
import { runRounds, type RoundsOptions, type RoundsResult } from '../lib/rounds';
import { loadVolcengineSigner, sanityCheck, SIGN_INPUT, volcengineSign } from './cases';

export interface SignerPageApi {
  sanity(): Promise<string[]>;
  run(options: RoundsOptions): Promise<RoundsResult>;
}

const Signer = loadVolcengineSigner(volcengineModule);
const ours = createV4Signer(webCrypto);

const api: SignerPageApi = {
  sanity: () => sanityCheck(ours, Signer),
  run: (options) =>
    runRounds(
      [
        { name: 'webCrypto', op: () => ours(SIGN_INPUT), async: true },
        { name: 'volcengine', op: () => volcengineSign(Signer, SIGN_INPUT) },
      ],
      options,
    ),
};

(globalThis as unknown as { signerBench: SignerPageApi }).signerBench = api;
