import { describe, expect, it } from 'vitest';
import { webCrypto } from '../../src/client/auth/crypto/webCrypto';
import { aksk, createVikingClient, NetworkError } from '../../src/client/index';
import { describeSigningVectors } from '../support/checkSigningVectors';

describeSigningVectors('WebCrypto (Chromium)', webCrypto);

describe('the client in Chromium', () => {
  it('signs a request with WebCrypto and sends the exact body it hashed', async () => {
    const seen: Request[] = [];
    const client = createVikingClient({
      baseUrl: 'https://api-vikingdb.vikingdb.cn-beijing.volces.com',
      auth: aksk({ accessKeyId: 'AKLTbrowser', secretAccessKey: 'browser-secret' }),
      fetch: async (input, init) => {
        seen.push(new Request(input, init));
        return new Response('{"code":"Success","request_id":"r","result":{"data":[]}}');
      },
    });
    const response = await client.transport.call(
      {
        name: 'vector.search.random',
        method: 'POST',
        path: '/api/vikingdb/data/search/random',
        domain: 'vector',
        idempotent: true,
      },
      { collection_name: 'c', index_name: 'i', limit: 1 },
    );
    expect(response.payload).toEqual({ data: [] });
    const request = seen[0]!;
    const body = await request.text();
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(request.headers.get('x-content-sha256')).toBe(hex);
    expect(request.headers.get('authorization')).toMatch(
      /^HMAC-SHA256 Credential=AKLTbrowser\/\d{8}\/cn-beijing\/vikingdb\/request, SignedHeaders=content-type;x-content-sha256;x-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('turns a refused connection into NetworkError with the CORS hint', async () => {
    const client = createVikingClient({
      baseUrl: 'http://127.0.0.1:9',
      auth: { kind: 'headers', authorize: () => ({}) },
      retry: { maxRetries: 0 },
    });
    const error = await client.vector.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).hint).toMatch(/CORS/);
  });
});
