import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../src/client/auth/crypto/nodeCrypto';
import { webCrypto } from '../../../src/client/auth/crypto/webCrypto';
import { createV4Signer, type V4SignInput } from '../../../src/client/auth/signV4';
import { referenceAuthorization } from '../../support/referenceSigner';

function referenceFor(
  input: V4SignInput & { query: ReadonlyArray<readonly [string, string]>; body: string; date: Date },
): string {
  const xDate = input.date.toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '') + 'Z';
  const signedHeaders: Array<readonly [string, string]> = [
    ['x-date', xDate],
    ['x-content-sha256', createHash('sha256').update(Buffer.from(input.body, 'utf8')).digest('hex')],
  ];
  for (const [name, value] of Object.entries(input.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'content-type' || lower.startsWith('x-')) signedHeaders.push([lower, value]);
  }
  return referenceAuthorization({
    method: input.method,
    path: input.path,
    query: input.query,
    signedHeaders,
    body: input.body,
    accessKeyId: input.credentials.accessKeyId,
    secretAccessKey: input.credentials.secretAccessKey,
    region: input.region,
    service: input.service,
    xDate,
  });
}

const reserved = fc.constantFrom(
  '&',
  '=',
  '+',
  '%',
  '/',
  '?',
  '#',
  ' ',
  '~',
  '*',
  '!',
  "'",
  '(',
  ')',
  ':',
  '@',
  ',',
  ';',
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc
    .array(fc.oneof(reserved, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 })
    .map((parts) => parts.join('')),
);
/** Keys from a small pool collide often, which exercises repeated keys. */
const queryKey = fc.oneof(fc.constantFrom('a', 'b', 'key', 'k y', 'ü', '\u{1F600}', '\uE000'), anyText);
const headerValue = fc.string({ unit: 'binary-ascii', maxLength: 20 }).filter((v) => !/[\r\n\0]/.test(v));

const signInput = fc.record({
  query: fc.array(fc.tuple(queryKey, anyText), { maxLength: 8 }),
  body: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json()),
  // Names unique regardless of case: `X-a` and `X-A` are one HTTP header, which a plain record cannot express.
  extraHeaders: fc
    .uniqueArray(fc.tuple(fc.stringMatching(/^X-[A-Za-z][A-Za-z0-9-]{0,10}$/), headerValue), {
      maxLength: 3,
      selector: ([name]) => name.toLowerCase(),
    })
    .map((entries) => Object.fromEntries(entries)),
  pathSegment: fc.stringMatching(/^[A-Za-z0-9_.~-]{1,12}$/),
  region: fc.constantFrom('cn-beijing', 'cn-shanghai', 'ap-southeast-1'),
  service: fc.constantFrom('vikingdb', 'air'),
  secret: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
});

describe('V4 signer matches an independent reference (property)', () => {
  for (const [name, crypto] of [
    ['node:crypto', nodeCrypto],
    ['WebCrypto', webCrypto],
  ] as const) {
    it(`on ${name}: arbitrary queries, repeated keys, unicode and bodies`, async () => {
      const sign = createV4Signer<unknown>(crypto);
      await fc.assert(
        fc.asyncProperty(signInput, async (p) => {
          const input = {
            method: 'POST',
            path: `/api/vikingdb/${p.pathSegment}`,
            query: p.query,
            headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...p.extraHeaders },
            body: p.body,
            credentials: { accessKeyId: 'AKLTproperty', secretAccessKey: p.secret },
            region: p.region,
            service: p.service,
            date: p.date,
          };
          const result = await sign(input);
          expect(result.headers['Authorization']).toBe(referenceFor(input));
        }),
        { numRuns: name === 'WebCrypto' ? 150 : 400 },
      );
    });
  }
});
