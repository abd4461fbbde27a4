import { describe, expect, it, vi } from 'vitest';
import { aksk, createVikingClient, NetworkError, signingProxy } from '../../../src/client/index';

function okFetch(seen: Request[]): typeof fetch {
  return async (input, init) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify({ code: 'Success', request_id: 'r', result: {} }), {
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

describe('the client in a web page', () => {
  it('warns once that aksk exposes the secret in a page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    aksk({ accessKeyId: 'AK', secretAccessKey: 'SK' });
    aksk({ accessKeyId: 'AK', secretAccessKey: 'SK' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/signingProxy/);
    warn.mockRestore();
  });

  it('resolves a relative signing-proxy URL against the page and sends no User-Agent', async () => {
    const seen: Request[] = [];
    const client = createVikingClient({ auth: signingProxy('/vikingdb'), fetch: okFetch(seen) });
    expect(client.info.vectorBaseUrl).toBe(new URL('/vikingdb', location.href).href);
    await client.vector.ping();
    expect(seen[0]!.url).toBe(new URL('/vikingdb/api/vikingdb/Ping', location.href).href);
    expect(seen[0]!.headers.get('user-agent') ?? '').not.toMatch(/vikingdb-kit/);
  });

  it('explains a network failure as probably CORS, pointing at the signing proxy', async () => {
    const client = createVikingClient({
      baseUrl: 'https://api-vikingdb.vikingdb.cn-beijing.volces.com',
      auth: signingProxy('https://proxy.example'),
      retry: { maxRetries: 0 },
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await client.vector.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).hint).toMatch(/CORS/);
    expect((error as NetworkError).hint).toMatch(/signingProxy/);
  });
});
