import { createHash, createHmac } from 'node:crypto';

/*
 * An independent reference of the V4 algorithm (api doc §1.5), written differently from src on purpose:
 * byte-level percent-encoding over Buffers, sorting by UTF-8 bytes, and a straight HMAC chain with no caching.
 * Used by the property test and to verify what the client really sends.
 */
const UNRESERVED = /[A-Za-z0-9\-_.~]/;

export function refEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function refQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .map((pair, order) => ({ key: Buffer.from(pair[0], 'utf8'), pair, order }))
    .sort((a, b) => Buffer.compare(a.key, b.key) || a.order - b.order)
    .map(({ pair }) => `${refEncode(pair[0])}=${refEncode(pair[1])}`)
    .join('&');
}

function sha256(data: string | Buffer): string {
  return createHash('sha256')
    .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    .digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(Buffer.from(data, 'utf8')).digest();
}

export interface ReferenceInput {
  method: string;
  path: string;
  query: ReadonlyArray<readonly [string, string]>;
  /** Signed headers: lowercase names with their values, in any order. */
  signedHeaders: ReadonlyArray<readonly [string, string]>;
  body: string | Buffer;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  xDate: string;
}

export function referenceAuthorization(input: ReferenceInput): string {
  const day = input.xDate.slice(0, 8);
  const headers = [...input.signedHeaders].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const signedHeaders = headers.map(([n]) => n).join(';');
  const canonical = [
    input.method,
    input.path.split('/').map(refEncode).join('/'),
    refQuery(input.query),
    headers.map(([n, v]) => `${n}:${v.trim()}\n`).join(''),
    signedHeaders,
    sha256(input.body),
  ].join('\n');
  const scope = `${day}/${input.region}/${input.service}/request`;
  const toSign = `HMAC-SHA256\n${input.xDate}\n${scope}\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(hmac(input.secretAccessKey, day), input.region), input.service), 'request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/**
 * Verifies a received request the way a server must: signed header names from the Authorization header,
 * their received values, and the raw body bytes. Returns the problem found, or `undefined` when valid.
 */
export async function verifyReceivedRequest(
  request: Request,
  secrets: Readonly<Record<string, string>>,
  region: string,
  service: string,
): Promise<string | undefined> {
  const authorization = request.headers.get('authorization') ?? '';
  const match =
    /^HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match) return `malformed Authorization: ${authorization}`;
  const [, accessKeyId, , scopeRegion, scopeService, signedList] = match;
  const secret = secrets[accessKeyId!];
  if (secret === undefined) return `unknown access key ${accessKeyId}`;
  if (scopeRegion !== region || scopeService !== service) return `scope ${scopeRegion}/${scopeService}`;
  const body = Buffer.from(await request.clone().arrayBuffer());
  if (request.headers.get('x-content-sha256') !== sha256(body)) return 'X-Content-Sha256 does not match the body';
  const url = new URL(request.url);
  const query = [...url.searchParams.entries()] as Array<[string, string]>;
  const signedHeaders = signedList!.split(';').map((name) => {
    const value = name === 'host' ? url.host : request.headers.get(name);
    return [name, value ?? ''] as const;
  });
  const expected = referenceAuthorization({
    method: request.method,
    path: decodeURIComponent(url.pathname),
    query,
    signedHeaders,
    body,
    accessKeyId: accessKeyId!,
    secretAccessKey: secret,
    region,
    service,
    xDate: request.headers.get('x-date') ?? '',
  });
  return expected === authorization ? undefined : `signature mismatch: expected ${expected}`;
}
