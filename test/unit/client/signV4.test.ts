import { describe, expect, it, vi } from 'vitest';
import { nodeCrypto } from '../../../src/client/auth/crypto/nodeCrypto';
import { webCrypto } from '../../../src/client/auth/crypto/webCrypto';
import type { SignerCrypto } from '../../../src/client/auth/crypto/SignerCrypto';
import {
  canonicalQuery,
  canonicalUri,
  compareCodePoints,
  createV4Signer,
  formatXDate,
  uriEncode,
} from '../../../src/client/auth/signV4';
import { describeSigningVectors } from '../../support/checkSigningVectors';
import { SIGNING_VECTORS } from '../../support/signingVectors';

describeSigningVectors('node:crypto', nodeCrypto);
describeSigningVectors('WebCrypto (Node)', webCrypto);

const base = SIGNING_VECTORS[0]!.input;

describe('V4 signer details', () => {
  it('signHost adds the URL host (Go/Java variant) and reproduces vector 2', async () => {
    const sign = createV4Signer(nodeCrypto);
    const result = await sign({ ...base, signHost: 'api-vikingdb.vikingdb.cn-beijing.volces.com' });
    expect(result.signature).toBe(SIGNING_VECTORS[1]!.expected.signature);
  });

  it('drops :443 and :80 from a signed host but keeps other ports', async () => {
    const sign = createV4Signer(nodeCrypto);
    const plain = await sign({ ...base, signHost: 'h.example' });
    expect((await sign({ ...base, signHost: 'h.example:443' })).signature).toBe(plain.signature);
    expect((await sign({ ...base, signHost: 'h.example:80' })).signature).toBe(plain.signature);
    expect((await sign({ ...base, signHost: 'h.example:8329' })).canonicalRequest).toContain('host:h.example:8329\n');
  });

  it('adds and signs X-Security-Token for STS credentials', async () => {
    const sign = createV4Signer(nodeCrypto);
    const result = await sign({ ...base, credentials: { ...base.credentials, sessionToken: 'sts-token' } });
    expect(result.headers['X-Security-Token']).toBe('sts-token');
    expect(result.signedHeaders).toBe('content-type;x-content-sha256;x-date;x-security-token');
    expect(result.canonicalRequest).toContain('x-security-token:sts-token\n');
  });

  it('signs header names case-insensitively and trims values; never signs Accept or User-Agent', async () => {
    const sign = createV4Signer(nodeCrypto);
    const upper = await sign({ ...base, headers: { 'Content-Type': 'application/json', 'X-Tt-Logid': ' r1 ' } });
    const lower = await sign({
      ...base,
      headers: { 'content-type': 'application/json', 'x-tt-logid': 'r1', accept: 'x', 'user-agent': 'y' },
    });
    expect(lower.signature).toBe(upper.signature);
    expect(lower.signedHeaders).toBe('content-type;x-content-sha256;x-date;x-tt-logid');
  });

  it('hashes an empty body as the SHA-256 of nothing and signs a GET', async () => {
    const sign = createV4Signer(nodeCrypto);
    const result = await sign({ ...base, method: 'get', path: '/api/memory/ping', body: '' });
    expect(result.headers['X-Content-Sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(result.canonicalRequest.startsWith('GET\n/api/memory/ping\n')).toBe(true);
  });

  it('derives the signing key once per (date, region, service)', async () => {
    const derive = vi.fn(nodeCrypto.deriveSigningKey);
    const counting: SignerCrypto<Buffer> = { ...nodeCrypto, deriveSigningKey: derive };
    const sign = createV4Signer(counting);
    await sign(base);
    await sign({ ...base, body: '{}' });
    expect(derive).toHaveBeenCalledTimes(1);
    await sign({ ...base, service: 'air' });
    await sign({ ...base, date: new Date('2025-01-02T00:00:00Z') });
    expect(derive).toHaveBeenCalledTimes(3);
  });

  it('formats X-Date and encodes like the SDK signers', () => {
    expect(formatXDate(new Date('2024-06-15T12:30:45.678Z'))).toBe('20240615T123045Z');
    expect(uriEncode("a b!'()*~-_.é/")).toBe('a%20b%21%27%28%29%2A~-_.%C3%A9%2F');
    expect(canonicalQuery({ b: '2', a: 'x y' })).toBe('a=x%20y&b=2');
    expect(
      canonicalQuery([
        ['k', '2'],
        ['a', '1'],
        ['k', '1'],
      ]),
    ).toBe('a=1&k=2&k=1');
    expect(canonicalQuery(undefined)).toBe('');
    expect(canonicalUri('')).toBe('/');
    expect(canonicalUri('/a b/c%20d/')).toBe('/a%20b/c%20d/');
  });

  it('orders keys by code point, as Python sorts them', () => {
    const astral = '\u{1F600}';
    const privateUse = '\uE000';
    expect(compareCodePoints(astral, privateUse)).toBeGreaterThan(0);
    expect(astral < privateUse).toBe(true); // UTF-16 order would get it wrong
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('b', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });
});
