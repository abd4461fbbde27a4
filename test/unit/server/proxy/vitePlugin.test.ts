import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { createVikingClient, signingProxy } from '../../../../src/client/index.node';
import { vikingProxy } from '../../../../src/server';
import { createLocalServer, type LocalServer } from '../../../../src/server/local/createLocalServer';

const KEYS = { accessKeyId: 'AKLTviteProxy', secretAccessKey: 'vite-secret' };

let upstream: LocalServer;
let vite: ViteDevServer;
let base: string;

beforeAll(async () => {
  upstream = await createLocalServer({ port: 0, inMemory: true, verifySignature: KEYS, log: false });
  vite = await createServer({
    configFile: false,
    logLevel: 'silent',
    root: import.meta.dirname,
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [
      vikingProxy({
        credentials: KEYS,
        vector: { url: upstream.url },
        memory: { url: upstream.url },
        allow: 'readOnly',
      }),
    ],
    server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
  });
  await vite.listen();
  const address = vite.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
}, 15_000);

afterAll(async () => {
  await vite?.close();
  await upstream?.close();
});

describe('vikingProxy Vite plugin', () => {
  it('signs and forwards /vikingdb/* from the dev server to a signature-checking server', async () => {
    const client = createVikingClient({ auth: signingProxy(`${base}/vikingdb`), retry: { maxRetries: 0 } });
    const result = await client.vector.index('text', 'text_index').search.random({ limit: 1 }, { requestId: 'vite-1' });
    expect(result.requestId).toBe('vite-1');
    const memory = await client.memory.collection('sdk_test').search({ query: 'tea' });
    expect(memory.count).toBe(0);
    expect((await client.vector.ping()).status).toBe(200);
  });

  it('applies the proxy options (read-only preset) and leaves other paths to Vite', async () => {
    const upsert = await fetch(`${base}/vikingdb/api/vikingdb/data/upsert`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ collection_name: 'text', data: [{ text: 'x' }] }),
    });
    expect(upsert.status).toBe(403);
    expect(((await upsert.json()) as { code: string }).code).toBe('AccessDenied');
    const other = await fetch(`${base}/api/vikingdb/data/search/random`, { method: 'POST', body: '{}' });
    expect(other.headers.get('x-tt-logid')).toBeNull();
  });
});
