import { describe, expect, it } from 'vitest';
import { hostAndScheme, loadEnv } from '../../../examples/shared/env';

describe('examples: VIKINGDB_HOST', () => {
  it('takes a host name with VIKINGDB_SCHEME (default https)', () => {
    expect(hostAndScheme('api-vikingdb.vikingdb.cn-beijing.volces.com', undefined)).toEqual({
      host: 'api-vikingdb.vikingdb.cn-beijing.volces.com',
      scheme: 'https',
    });
    expect(hostAndScheme('127.0.0.1:8329', 'http')).toEqual({ host: '127.0.0.1:8329', scheme: 'http' });
  });

  it('takes a URL, its scheme from the URL', () => {
    expect(hostAndScheme('http://127.0.0.1:8329/', undefined)).toEqual({ host: '127.0.0.1:8329', scheme: 'http' });
    expect(hostAndScheme('https://example.test', 'https')).toEqual({ host: 'example.test', scheme: 'https' });
  });

  it('refuses a scheme that contradicts the URL, naming VIKINGDB_SCHEME', () => {
    expect(() => hostAndScheme('http://127.0.0.1:8329', 'https')).toThrow(/VIKINGDB_SCHEME is https/);
    expect(() => hostAndScheme('ftp://example.test', undefined)).toThrow(
      /VIKINGDB_HOST: the scheme must be http or https/,
    );
    expect(() => hostAndScheme('example.test', 'gopher')).toThrow(/VIKINGDB_SCHEME: the scheme must be http or https/);
  });

  it('builds a client that sends to the URL given', async () => {
    const env = loadEnv({ collection: 'text', index: 'text_index' }, { VIKINGDB_HOST: 'http://127.0.0.1:9' });
    expect(env.local).toBe(false);
    const error = (await env.client.vector.ping({ maxRetries: 0 }).catch((e: unknown) => e)) as { url?: string };
    expect(error.url).toBe('http://127.0.0.1:9/api/vikingdb/Ping');
  });
});
