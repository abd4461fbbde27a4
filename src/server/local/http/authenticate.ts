/**
 * Request authentication for the local server. Open by default; with `apiKey` a request needs
 * `Authorization: Bearer <key>`; with `verifySignature` it needs a valid V4 signature (see `verifyV4.ts`); with
 * both, either is accepted. Ping paths never reach this (the Python SDK pings unauthenticated).
 */
import type { Buffer } from 'node:buffer';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createV4Verifier, type ReceivedRequest, type V4FailureReason, type V4VerifierOptions } from './verifyV4';

/** Options of {@link createAuthenticator}. */
export interface AuthOptions {
  /** Accept `Authorization: Bearer <apiKey>`. Default: no API key. */
  apiKey?: string | undefined;
  /** Accept V4-signed requests made with these credentials. Default: no signature verification. */
  verifySignature?: V4VerifierOptions | undefined;
}

/** Why a request was refused. */
export type AuthFailureReason =
  | 'missingAuthorization'
  | 'unsupportedScheme'
  | 'apiKeyNotAccepted'
  | 'wrongApiKey'
  | 'signatureNotAccepted'
  | V4FailureReason;

/** The outcome of {@link Authenticator.check}. */
export type AuthVerdict =
  { ok: true; method: 'open' | 'apiKey' | 'signature' } | { ok: false; reason: AuthFailureReason; message: string };

/** Checks requests against the configured credentials. */
export interface Authenticator {
  /** Whether any credential is required (false when the server is open). */
  readonly required: boolean;
  /** Checks the `Authorization` header (and, for V4, the rest of the request). */
  check(request: ReceivedRequest): Promise<AuthVerdict>;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Builds the authenticator for a server's options. */
export function createAuthenticator(options: AuthOptions): Authenticator {
  const apiKeyDigest = options.apiKey === undefined ? undefined : digest(options.apiKey);
  const verifyV4 = options.verifySignature ? createV4Verifier(options.verifySignature) : undefined;
  const required = apiKeyDigest !== undefined || verifyV4 !== undefined;
  const accepted = [apiKeyDigest && '"Bearer <api key>"', verifyV4 && 'a V4 signature (HMAC-SHA256)']
    .filter(Boolean)
    .join(' or ');

  return {
    required,
    async check(request) {
      if (!required) return { ok: true, method: 'open' };
      const authorization = request.headers.get('authorization');
      if (authorization === null || authorization.trim() === '') {
        return {
          ok: false,
          reason: 'missingAuthorization',
          message: `Authorization header is missing; send ${accepted}`,
        };
      }
      const bearer = /^Bearer\s+(.+)$/i.exec(authorization.trim());
      if (bearer) {
        if (!apiKeyDigest) {
          return {
            ok: false,
            reason: 'apiKeyNotAccepted',
            message: `this server does not accept API keys; send ${accepted}`,
          };
        }
        return timingSafeEqual(digest(bearer[1]!), apiKeyDigest)
          ? { ok: true, method: 'apiKey' }
          : { ok: false, reason: 'wrongApiKey', message: 'API key is not valid for this server' };
      }
      if (/^HMAC-SHA256\s/i.test(authorization.trim())) {
        if (!verifyV4) {
          return {
            ok: false,
            reason: 'signatureNotAccepted',
            message: `this server does not verify V4 signatures; send ${accepted}`,
          };
        }
        const verdict = await verifyV4(request, authorization);
        return verdict.ok
          ? { ok: true, method: 'signature' }
          : { ok: false, reason: verdict.reason, message: verdict.message };
      }
      return {
        ok: false,
        reason: 'unsupportedScheme',
        message: `Authorization scheme is not supported; send ${accepted}`,
      };
    },
  };
}
