/**
 * Server-side verification of Volcengine V4 (HMAC-SHA256) signatures, exactly as api doc §1.5 describes the
 * signers: the signature is recomputed with the kit's own signer from what was received — the header names listed
 * in `SignedHeaders` (with or without `host`, as sent), their received values, the received query and path, and
 * the SHA-256 of the raw received body bytes (never a re-serialisation).
 *
 * Checks, in order, each failing with its own {@link V4FailureReason}: the `Authorization` header parses; the
 * access key is known; the credential's service matches the path (`vikingdb` for `/api/vikingdb/*`, `air` for
 * `/api/memory/*` and `/api/knowledge/*`); the region is allowed (any by default); `X-Date` is present,
 * well-formed, on the credential's date and within the allowed skew (15 minutes) of the server clock;
 * `X-Content-Sha256` equals the body's hash; every signed header is present; `SignedHeaders` holds `x-date` and
 * `x-content-sha256` and only signable names; and finally the signature matches.
 */
import { Buffer } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';
import { nodeCrypto } from '../../../client/auth/crypto/nodeCrypto';
import { createV4Signer, formatXDate } from '../../../client/auth/signV4';

/** One AK/SK pair the server accepts. */
export interface VerifyCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Options of {@link createV4Verifier}. */
export interface V4VerifierOptions {
  /** The accepted key pair(s). Required. */
  credentials: VerifyCredentials | readonly VerifyCredentials[];
  /** Regions accepted in the credential scope. Default: any region. */
  regions?: readonly string[] | undefined;
  /** Largest accepted difference between `X-Date` and the server clock, in ms. Default 15 minutes. */
  maxSkewMs?: number | undefined;
  /** The server clock in epoch ms. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** The default `maxSkewMs`: 15 minutes. */
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

/** Which part of a V4 signature failed. */
export type V4FailureReason =
  | 'malformedAuthorization'
  | 'unknownAccessKey'
  | 'wrongService'
  | 'wrongRegion'
  | 'badDate'
  | 'expiredDate'
  | 'bodyHashMismatch'
  | 'missingSignedHeader'
  | 'badSignedHeaders'
  | 'signatureMismatch';

/** The parts of a received request the verifier looks at. */
export interface ReceivedRequest {
  method: string;
  /** The URL path as received (percent-encoded). */
  path: string;
  /** Decoded query pairs in received order. */
  query: ReadonlyArray<readonly [string, string]>;
  headers: Headers;
  /** The URL's host (with port), used for a signed `host` when the request has no `Host` header. */
  host: string;
  /** The exact received body bytes. */
  body: Uint8Array;
}

/** The verdict: the access key on success, the failed part and a readable message otherwise. */
export type V4Verdict = { ok: true; accessKeyId: string } | { ok: false; reason: V4FailureReason; message: string };

/** Parsed `HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses a V4 `Authorization` value; `undefined` when it is not one. */
export function parseV4Authorization(value: string): ParsedAuthorization | undefined {
  const match = /^HMAC-SHA256\s+(.*)$/s.exec(value.trim());
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential')?.split('/');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || credential.length !== 5 || credential[4] !== 'request' || !signedHeaders || !signature) {
    return undefined;
  }
  const [accessKeyId, date, region, service] = credential as [string, string, string, string, string];
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region || !service || !/^[0-9a-f]{64}$/i.test(signature)) {
    return undefined;
  }
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** The V4 service a path belongs to: `air` for memory and knowledge, `vikingdb` otherwise. */
export function serviceOfPath(path: string): string {
  return path.startsWith('/api/memory/') || path.startsWith('/api/knowledge/') ? 'air' : 'vikingdb';
}

/** `20250101T000000Z` → epoch ms; `undefined` when malformed. */
export function parseXDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return formatXDate(new Date(ms)) === value ? ms : undefined;
}

function isSignable(name: string): boolean {
  return name === 'content-type' || name === 'content-md5' || name === 'host' || name.startsWith('x-');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), 'utf8');
  const y = Buffer.from(b.toLowerCase(), 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Creates a verifier; the returned function checks one request against the service its path expects. */
export function createV4Verifier(
  options: V4VerifierOptions,
): (request: ReceivedRequest, authorization: string) => Promise<V4Verdict> {
  const list = Array.isArray(options.credentials)
    ? (options.credentials as readonly VerifyCredentials[])
    : [options.credentials as VerifyCredentials];
  const secrets = new Map(list.map((c) => [c.accessKeyId, c.secretAccessKey]));
  const regions = options.regions;
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const now = options.now ?? Date.now;
  const sign = createV4Signer(nodeCrypto);
  const fail = (reason: V4FailureReason, message: string): V4Verdict => ({ ok: false, reason, message });

  return async function verify(request, authorization) {
    const auth = parseV4Authorization(authorization);
    if (!auth) {
      return fail(
        'malformedAuthorization',
        'Authorization is not "HMAC-SHA256 Credential=<AK>/<date>/<region>/<service>/request, SignedHeaders=<a;b>, Signature=<hex>"',
      );
    }
    const secretAccessKey = secrets.get(auth.accessKeyId);
    if (secretAccessKey === undefined) return fail('unknownAccessKey', `unknown access key ${auth.accessKeyId}`);
    const service = serviceOfPath(request.path);
    if (auth.service !== service) {
      return fail('wrongService', `credential service is "${auth.service}"; ${request.path} expects "${service}"`);
    }
    if (regions && !regions.includes(auth.region)) {
      return fail('wrongRegion', `credential region "${auth.region}" is not one of ${regions.join(', ')}`);
    }
    const xDate = request.headers.get('x-date');
    if (xDate === null) return fail('badDate', 'X-Date header is missing');
    const signedAt = parseXDate(xDate);
    if (signedAt === undefined) return fail('badDate', `X-Date "${xDate}" is not YYYYMMDDTHHMMSSZ`);
    if (xDate.slice(0, 8) !== auth.date) {
      return fail('badDate', `credential date ${auth.date} does not match X-Date ${xDate}`);
    }
    const skew = now() - signedAt;
    if (Math.abs(skew) > maxSkewMs) {
      return fail(
        'expiredDate',
        `X-Date ${xDate} is ${Math.round(Math.abs(skew) / 60000)} min ${skew > 0 ? 'old' : 'in the future'}; ` +
          `the limit is ${Math.round(maxSkewMs / 60000)} min (check the client clock)`,
      );
    }
    const bodyHash = nodeCrypto.sha256Hex(request.body) as string;
    const sentHash = request.headers.get('x-content-sha256');
    if (sentHash === null) return fail('bodyHashMismatch', 'X-Content-Sha256 header is missing');
    if (sentHash.toLowerCase() !== bodyHash) {
      return fail('bodyHashMismatch', 'X-Content-Sha256 does not match the SHA-256 of the received body');
    }
    const names = auth.signedHeaders;
    const bad = names.filter((name) => name !== name.toLowerCase() || !isSignable(name));
    if (bad.length > 0 || !names.includes('x-date') || !names.includes('x-content-sha256')) {
      return fail(
        'badSignedHeaders',
        `SignedHeaders "${names.join(';')}" must include x-date and x-content-sha256 and only lowercase ` +
          'content-type, content-md5, host or x-* names',
      );
    }
    const headers: Record<string, string> = {};
    for (const name of names) {
      if (name === 'x-date' || name === 'x-content-sha256') continue;
      const value = request.headers.get(name) ?? (name === 'host' ? request.host : null);
      if (value === null) return fail('missingSignedHeader', `signed header ${name} is not in the request`);
      headers[name] = value;
    }
    const expected = await sign({
      method: request.method,
      path: request.path,
      query: request.query,
      headers,
      body: request.body,
      credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
      region: auth.region,
      service,
      date: new Date(signedAt),
    });
    if (expected.signedHeaders !== names.join(';')) {
      return fail('badSignedHeaders', `SignedHeaders "${names.join(';')}" is not sorted or repeats a name`);
    }
    if (!sameHex(expected.signature, auth.signature)) {
      return fail(
        'signatureMismatch',
        'signature does not match (check the secret key, region, and that the path, query and signed headers ' +
          'reach the server unchanged)',
      );
    }
    return { ok: true, accessKeyId: auth.accessKeyId };
  };
}
