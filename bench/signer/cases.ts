/**
 * What the signer benchmark signs, the adapter that drives the real `@volcengine/openapi` signer on the same
 * request, and the checks run before timing. Shared by the Node run and the Chromium page.
 */
import type VolcengineSigner from '@volcengine/openapi/lib/base/sign.js';
import type { V4SignInput, V4Signer } from '../../src/client/auth/signV4';

/** The `Signer` class of `@volcengine/openapi/lib/base/sign.js`. */
export type VolcengineSignerClass = typeof VolcengineSigner;

/** The benchmarked request (no `date`: both signers read the clock, as in real use). */
export const SIGN_INPUT: V4SignInput = {
  method: 'POST',
  path: '/api/vikingdb/data/search/random',
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  body: '{"collection_name":"demo","index_name":"demo_idx","limit":1}',
  credentials: { accessKeyId: 'AKLTexampleAccessKeyId', secretAccessKey: 'exampleSecretKey==' },
  region: 'cn-beijing',
  service: 'vikingdb',
};

/** Known vector: {@link SIGN_INPUT} signed at this date gives {@link KNOWN_SIGNATURE}. */
export const KNOWN_DATE = new Date('2025-01-01T00:00:00Z');
export const KNOWN_SIGNATURE = 'f224c0115ace6bf0ac5f3a33b5caa2a55027c56bf710f9281df4225c4377cb30';

const AUTHORIZATION =
  /^HMAC-SHA256 Credential=[^/\s]+\/\d{8}\/[\w-]+\/[\w-]+\/request, SignedHeaders=[\w;-]+, Signature=[0-9a-f]{64}$/;

/** Finds the `Signer` class in `sign.js` whatever CJS interop the loader applied (require, Node ESM, esbuild). */
export function loadVolcengineSigner(module: unknown): VolcengineSignerClass {
  let candidate: unknown = module;
  for (let depth = 0; depth < 3; depth++) {
    if (typeof candidate === 'function') return candidate as VolcengineSignerClass;
    if (typeof candidate !== 'object' || candidate === null) break;
    candidate = (candidate as { default?: unknown }).default;
  }
  throw new Error('@volcengine/openapi/lib/base/sign.js: no Signer class found');
}

/**
 * Signs `input` with the volcengine signer exactly as its `Service.fetchOpenAPI` does: a fresh request object
 * and a `new Signer(request, service)` per request, then `addAuthorization`. Returns the Authorization header.
 */
export function volcengineSign(Signer: VolcengineSignerClass, input: V4SignInput): string {
  const request = {
    method: input.method,
    pathname: input.path,
    params: {},
    headers: { ...input.headers } as Record<string, string>,
    body: input.body,
    region: input.region,
  };
  new Signer(request, input.service).addAuthorization(
    { accessKeyId: input.credentials.accessKeyId, secretKey: input.credentials.secretAccessKey },
    input.date,
  );
  return request.headers['Authorization']!;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`signer sanity check failed: ${message}`);
}

/**
 * Checks before timing: ours reproduces the known vector; both produce a well-formed Authorization header on the
 * benchmarked request; and on a request whose signed header set is the same for both (only `X-*` headers:
 * volcengine signs all but Content-Type & co, ours signs Content-Type and `X-*`) both give the same signature.
 */
export async function sanityCheck(ours: V4Signer, Signer: VolcengineSignerClass): Promise<string[]> {
  const known = (await ours({ ...SIGN_INPUT, date: KNOWN_DATE })).headers['Authorization'] ?? '';
  check(known.endsWith(`Signature=${KNOWN_SIGNATURE}`), `known vector: got ${known}`);

  const ourAuth = (await ours(SIGN_INPUT)).headers['Authorization'] ?? '';
  check(AUTHORIZATION.test(ourAuth), `ours is not a V4 Authorization header: ${ourAuth}`);
  const volcAuth = volcengineSign(Signer, SIGN_INPUT);
  check(AUTHORIZATION.test(volcAuth), `volcengine is not a V4 Authorization header: ${volcAuth}`);

  const same: V4SignInput = { ...SIGN_INPUT, headers: { 'X-Bench': 'same-headers' }, date: KNOWN_DATE };
  const oursSame = (await ours(same)).signature;
  const volcSame = volcengineSign(Signer, same).split('Signature=')[1];
  check(oursSame === volcSame, `cross-check: ours ${oursSame} vs volcengine ${volcSame}`);
  return ['known vector ok', 'both Authorization headers well-formed', 'ours = volcengine on a same-header request'];
}
