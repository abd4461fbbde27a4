import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aksk, apiKey, AuthError, createVikingClient, headerAuth } from '../../../../src/client/index.node';
import type { Endpoint } from '../../../../src/client/transport/Endpoint';
import type { LocalConfig } from '../../../../src/server/local/config/schema';
import { createLocalServer, type LocalServer } from '../../../../src/server/local/createLocalServer';
import { createLmdbStorage } from '../../../../src/server/local/storage/lmdbStorage';
import { rawHttp } from '../../../support/rawHttp';

const AK = 'AKLTlocalServerTest';
const SK = 'bG9jYWwgc2VydmVyIHRlc3Q=';
const RANDOM: Endpoint = {
  name: 'vector.search.random',
  method: 'POST',
  path: '/api/vikingdb/data/search/random',
  domain: 'vector',
  idempotent: true,
};
const SEARCH_MEMORY: Endpoint = {
  name: 'memory.search',
  method: 'POST',
  path: '/api/memory/search',
  domain: 'memory',
  idempotent: true,
};
const UPSERT: Endpoint = {
  name: 'vector.upsert',
  method: 'POST',
  path: '/api/vikingdb/data/upsert',
  domain: 'vector',
  idempotent: true,
};

let server: LocalServer;
const lines: string[] = [];

beforeAll(async () => {
  server = await createLocalServer({
    port: 0,
    inMemory: true,
    apiKey: 'local-api-key',
    verifySignature: { accessKeyId: AK, secretAccessKey: SK },
    log: (line) => lines.push(line),
  });
});

afterAll(async () => {
  await server?.close();
});

describe('createLocalServer (in memory, real engine)', () => {
  it('listens on 127.0.0.1 with a free port', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('accepts requests V4-signed by the kit’s own aksk() client, with and without Host signed', async () => {
    for (const signHost of [false, true]) {
      const client = createVikingClient({
        baseUrl: server.url,
        region: 'cn-beijing',
        auth: aksk({ accessKeyId: AK, secretAccessKey: SK, signHost }),
        retry: { maxRetries: 0 },
      });
      await client.transport.call(UPSERT, {
        collection_name: 'demo_docs',
        data: [{ id: 7, title: 't', body: 'hello world' }],
      });
      const found = await client.transport.call<{ data: Array<{ id: unknown }> }>(
        RANDOM,
        { collection_name: 'demo_docs', index_name: 'demo_docs_index', limit: 5 },
        { requestId: `signed-${signHost}` },
      );
      expect(found.status).toBe(200);
      expect(found.requestId).toBe(`signed-${signHost}`);
      expect(found.payload.data.map((item) => item.id)).toContain(7);
      const memory = await client.transport.call(SEARCH_MEMORY, {
        collection_name: 'sdk_test',
        project_name: 'default',
        query: '天气',
        limit: 3,
      });
      expect(memory.status).toBe(200);
      expect((await client.vector.ping()).status).toBe(200);
      expect((await client.memory.ping()).status).toBe(200);
    }
  });

  it('refuses a bad signature and a missing credential with AuthError, but always answers pings', async () => {
    const wrong = createVikingClient({
      baseUrl: server.url,
      auth: aksk({ accessKeyId: AK, secretAccessKey: 'not-the-secret' }),
      retry: { maxRetries: 0 },
    });
    const error = await wrong.transport
      .call(RANDOM, { collection_name: 'demo_docs', index_name: 'demo_docs_index', limit: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(401);
    expect((error as AuthError).message).toMatch(/signature does not match/);
    expect((await wrong.vector.ping()).status).toBe(200);

    const none = createVikingClient({ baseUrl: server.url, auth: headerAuth({}), retry: { maxRetries: 0 } });
    await expect(none.transport.call(SEARCH_MEMORY, { collection_name: 'sdk_test', query: 'x' })).rejects.toMatchObject(
      {
        status: 401,
        code: 1000001,
      },
    );
    expect((await none.memory.ping()).status).toBe(200);
    const unsignedPing = await fetch(`${server.url}/api/vikingdb/Ping`);
    expect(unsignedPing.status).toBe(200);
  });

  it('accepts the API key as the alternative credential', async () => {
    const client = createVikingClient({ baseUrl: server.url, auth: apiKey('local-api-key'), retry: { maxRetries: 0 } });
    const found = await client.transport.call(RANDOM, {
      collection_name: 'demo_docs',
      index_name: 'demo_docs_index',
      limit: 1,
    });
    expect(found.status).toBe(200);
  });

  it('accepts the Python SDK’s bare trailing "?" and answers 413 for a large body over real HTTP', async () => {
    const small = await createLocalServer({ port: 0, inMemory: true, maxBodyBytes: 64, log: false });
    try {
      const ok = await fetch(`${small.url}/api/vikingdb/data/search/random?`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tt-Logid': 'py-1' },
        body: '{"collection_name":"demo_docs","index_name":"demo_docs_index"}',
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-tt-logid')).toBe('py-1');
      const big = await fetch(`${small.url}/api/vikingdb/data/upsert`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: 'x'.repeat(100_000),
      });
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ code: 'RequestEntityTooLarge' });
      // Streamed without a Content-Length: refused once it grows past the limit; a small streamed body is read whole.
      const streamed = (text: string, chunks: number) =>
        fetch(`${small.url}/api/vikingdb/data/search/random`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: new ReadableStream({
            start(controller) {
              for (let i = 0; i < chunks; i++) controller.enqueue(new TextEncoder().encode(text));
              controller.close();
            },
          }),
          duplex: 'half',
        } as RequestInit);
      const tooLong = await streamed('x'.repeat(1000), 100);
      expect(tooLong.status).toBe(413);
      expect(await tooLong.json()).toMatchObject({ code: 'RequestEntityTooLarge' });
      const json = '{"collection_name":"demo_docs","index_name":"demo_docs_index"}';
      const fine = await streamed(json.slice(0, 30), 1).then(() => streamed(json, 1));
      expect(fine.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('writes JSON answers as text: bytes counted in Content-Length, headers from every middleware, HEAD without a body', async () => {
    const open = await createLocalServer({ port: 0, inMemory: true, log: false });
    try {
      // A name with multi-byte characters comes back quoted in the error message.
      const name = 'café✓';
      const answer = await rawHttp(open.port, {
        path: '/api/vikingdb/data/fetch_in_collection',
        headers: {
          Host: '127.0.0.1',
          'Content-Type': 'application/json',
          Origin: 'http://localhost:5173',
          'X-Tt-Logid': 'bytes-1',
        },
        body: JSON.stringify({ collection_name: name, ids: [1] }),
      });
      expect(answer.status).toBe(404);
      expect(answer.text).toContain(name);
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.text));
      expect(answer.json).toMatchObject({ request_id: 'bytes-1' });
      expect(answer.headers['x-tt-logid']).toBe('bytes-1');
      expect(answer.headers['content-type']).toBe('application/json');
      expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(answer.headers['access-control-expose-headers']).toMatch(/X-Tt-Logid/i);
      const head = await rawHttp(open.port, {
        method: 'HEAD',
        path: '/api/vikingdb/Ping',
        headers: { Host: 'localhost' },
      });
      expect(head.text).toBe('');
      // The connection is still usable after a HEAD answer.
      const ping = await fetch(`${open.url}/api/vikingdb/Ping`);
      expect(ping.status).toBe(200);
      expect(await ping.json()).toMatchObject({ request_id: expect.any(String) });
    } finally {
      await open.close();
    }
  });

  it('logged every request without secrets', () => {
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).not.toContain(SK);
      expect(line).not.toContain('local-api-key');
      expect(line).not.toContain('HMAC');
    }
    expect(lines.some((line) => line.includes(' 401 ') && line.includes('auth=signatureMismatch'))).toBe(true);
  });
});

describe('createLocalServer on lmdb', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vikingdb-server-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finishes a request in flight on close, and its write is on disk afterwards', async () => {
    const first = await createLocalServer({ port: 0, dataDir: dir, log: false });
    const encoder = new TextEncoder();
    let sendRest!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('{"collection_name":"demo_docs","data":[{"id":42,'));
        sendRest = () => {
          controller.enqueue(encoder.encode('"title":"in flight","body":"durable"}]}'));
          controller.close();
        };
      },
    });
    const pending = fetch(`${first.url}/api/vikingdb/data/upsert`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'Content-Type': 'application/json' },
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 100));
    let closed = false;
    const closing = first.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    sendRest();
    const response = await pending;
    expect(response.status).toBe(200);
    await closing;
    await expect(fetch(`${first.url}/ping`)).rejects.toThrow();

    const second = await createLocalServer({ port: 0, dataDir: dir, log: false });
    try {
      const client = createVikingClient({ baseUrl: second.url, auth: headerAuth({}) });
      const fetched = await client.transport.call<{ fetch: Array<{ id: unknown; fields: Record<string, unknown> }> }>(
        {
          name: 'vector.fetch',
          method: 'POST',
          path: '/api/vikingdb/data/fetch_in_collection',
          domain: 'vector',
          idempotent: true,
        },
        { collection_name: 'demo_docs', ids: [42] },
      );
      expect(fetched.payload.fetch[0]).toMatchObject({ id: 42, fields: { title: 'in flight' } });
    } finally {
      await second.close();
    }
    const storage = await createLmdbStorage(dir);
    expect((await storage.spaces()).length).toBeGreaterThan(0);
    await storage.close();
  });

  it('takes a config object as JSON gives it (defaults filled in), and refuses an invalid one like a file', async () => {
    const raw = {
      collections: [
        {
          name: 'notes',
          primaryKey: { name: 'id', type: 'int64' },
          fields: [{ name: 'v', type: 'vector', dim: 2 }],
          indexes: [{ name: 'notes_index', distance: 'ip' }],
        },
      ],
    } as unknown as LocalConfig;
    const server = await createLocalServer({ port: 0, inMemory: true, log: false, config: raw });
    try {
      const client = createVikingClient({ baseUrl: server.url, auth: headerAuth({}), retry: { maxRetries: 0 } });
      await client.vector.collection('notes').upsert([{ id: 1, v: [1, 0] }]);
      const hits = await client.vector.index('notes', 'notes_index').search.vector({ denseVector: [1, 0] });
      expect(hits.items.map((hit) => hit.id)).toEqual([1]);
    } finally {
      await server.close();
    }
    const invalid = { collections: [{ name: 'x', fields: [{ name: 'v', type: 'vectr' }] }] } as unknown as LocalConfig;
    await expect(createLocalServer({ port: 0, inMemory: true, log: false, config: invalid })).rejects.toThrow(
      /Invalid local VikingDB config/,
    );
  });

  it('rejects a config file that does not validate, naming the file', async () => {
    await expect(createLocalServer({ port: 0, inMemory: true, config: join(dir, 'missing.json') })).rejects.toThrow(
      /cannot read config .*missing\.json/,
    );
  });
});
