import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiKey, ConfigError, createVikingClient, VERSION } from '../../../src/client/index.node';

const auth = apiKey('k');

describe('createVikingClient configuration', () => {
  it('defaults to the cn-beijing cloud hosts over https', () => {
    expect(createVikingClient({ auth }).info).toEqual({
      vectorBaseUrl: 'https://api-vikingdb.vikingdb.cn-beijing.volces.com',
      memoryBaseUrl: 'https://api-knowledgebase.mlp.cn-beijing.volces.com',
      region: 'cn-beijing',
      auth: 'apiKey',
    });
  });

  it('derives both hosts from the region', () => {
    const { info } = createVikingClient({ auth, region: 'ap-southeast-1' });
    expect(info.vectorBaseUrl).toBe('https://api-vikingdb.vikingdb.ap-southeast-1.volces.com');
    expect(info.memoryBaseUrl).toBe('https://api-knowledgebase.mlp.ap-southeast-1.volces.com');
  });

  it('takes host and memoryHost with a scheme, stripping a scheme given in the host', () => {
    const { info } = createVikingClient({
      auth,
      host: 'https://vec.example',
      memoryHost: 'mem.example:8080',
      scheme: 'http',
    });
    expect(info.vectorBaseUrl).toBe('http://vec.example');
    expect(info.memoryBaseUrl).toBe('http://mem.example:8080');
  });

  it('uses baseUrl for memory too unless memoryBaseUrl is given (one local server)', () => {
    expect(createVikingClient({ auth, baseUrl: 'http://127.0.0.1:8329/' }).info.memoryBaseUrl).toBe(
      'http://127.0.0.1:8329',
    );
    const split = createVikingClient({ auth, baseUrl: 'http://a.test/x', memoryBaseUrl: 'http://b.test' }).info;
    expect(split).toMatchObject({ vectorBaseUrl: 'http://a.test/x', memoryBaseUrl: 'http://b.test' });
  });

  it.each([
    [{ auth: undefined }, /needs `auth`/],
    [{ auth, baseUrl: 'not a url' }, /not a valid URL/],
    [{ auth, baseUrl: 'ftp://x.test' }, /http or https/],
    [{ auth, baseUrl: 'http://x.test/?a=1' }, /query/],
    [{ auth, timeoutMs: 0 }, /timeoutMs/],
    [{ auth, timeoutMs: Number.NaN }, /timeoutMs/],
    [{ auth, region: 'CN Beijing' }, /region/],
    [{ auth, scheme: 'ftp' }, /scheme/],
    [{ auth, scheme: 'https://evil.test/x' }, /scheme/],
    [{ auth, baseUrl: 'http://x.test', scheme: 'HTTPS' }, /scheme/],
    [{ auth, retry: { maxRetries: -1 } }, /maxRetries/],
    [{ auth, retry: { maxRetries: 1.5 } }, /maxRetries/],
  ])('rejects bad options with ConfigError (%#)', (options, message) => {
    expect(() => createVikingClient(options as never)).toThrow(ConfigError);
    expect(() => createVikingClient(options as never)).toThrow(message);
  });

  it('rejects a relative signing-proxy URL outside a web page', () => {
    expect(() =>
      createVikingClient({ auth: { kind: 'signingProxy', baseUrl: '/vikingdb', authorize: () => ({}) } }),
    ).toThrow(/relative URLs work only in a web page/);
  });

  it('keeps VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });
});
