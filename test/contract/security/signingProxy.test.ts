/**
 * What a web page the developer happens to open can do with the signing proxy's keys: nothing. Over real HTTP: the
 * proxy (node:http adapter, as `vikingdb-kit proxy` runs it) in front of the local server verifying V4 signatures
 * with the same keys, so a request that gets through is visibly signed and stored.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNodeConnectListener,
  createNodeListener,
  createSigningProxy,
  type ProxyLogEntry,
  type SigningProxyOptions,
} from '../../../src/server';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import { bodyOf, rawHttp, rawSocket } from '../../support/rawHttp';
import { demoDoc, raw } from '../server/harness';

const KEYS = { accessKeyId: 'AKLTsecurityProxy', secretAccessKey: 'security-secret/+==' };
const UPSERT = '/api/vikingdb/data/upsert';

interface RunningProxy {
  port: number;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

async function startProxy(options: Partial<SigningProxyOptions>): Promise<RunningProxy> {
  const log: ProxyLogEntry[] = [];
  const handler = createSigningProxy({
    credentials: KEYS,
    vector: { url: local.url },
    memory: { url: local.url },
    log: (entry) => log.push(entry),
    ...options,
  });
  const server = createServer(createNodeListener(handler));
  server.on('connect', createNodeConnectListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let local: LocalServer;
let proxy: RunningProxy;

beforeAll(async () => {
  local = await createLocalServer({ port: 0, inMemory: true, verifySignature: KEYS, log: false });
  proxy = await startProxy({});
});

afterAll(async () => {
  await proxy?.close();
  await local?.close();
});

async function stored(id: number): Promise<boolean> {
  const answer = await rawHttp(proxy.port, {
    path: '/api/vikingdb/data/fetch_in_collection',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ collection_name: 'demo_docs', ids: [id] }),
  });
  expect(answer.status).toBe(200);
  return answer.json.result.fetch.length > 0;
}

const row = (id: number) => JSON.stringify({ collection_name: 'demo_docs', data: [demoDoc(id)] });

describe('DNS rebinding', () => {
  it('refuses a rebound Host with a same-"origin" Origin, signs nothing, and stores nothing', async () => {
    const host = `evil.example:${proxy.port}`;
    const answer = await rawHttp(proxy.port, {
      path: UPSERT,
      headers: { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json' },
      body: row(601),
    });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/allowedHosts/) });
    expect(answer.json.request_id).toBe(answer.headers['x-tt-logid']);
    expect(proxy.log.at(-1)).toMatchObject({ status: 403, refused: 'forbidden' });
    expect(await stored(601)).toBe(false);
    const memory = await rawHttp(proxy.port, {
      path: '/api/memory/search',
      headers: { Host: 'evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(memory.json.code).toBe(1000002);
  });

  it('still serves its own page (Origin equal to an allowed Host) and callers without Origin', async () => {
    const host = `localhost:${proxy.port}`;
    const page = await rawHttp(proxy.port, {
      path: UPSERT,
      headers: { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json' },
      body: row(602),
    });
    expect(page.status, page.text).toBe(200);
    const sdk = await rawHttp(proxy.port, {
      path: UPSERT,
      headers: { 'Content-Type': 'application/json' },
      body: row(603),
    });
    expect(sdk.status).toBe(200);
    expect(await stored(602)).toBe(true);
    expect(await stored(603)).toBe(true);
  });

  it('judges same-origin against the allowed host, not the port of another local page', async () => {
    const answer = await rawHttp(proxy.port, {
      path: UPSERT,
      headers: { Host: `localhost:${proxy.port}`, Origin: 'http://localhost:1', 'Content-Type': 'application/json' },
      body: row(604),
    });
    expect(answer.status).toBe(403);
    expect(await stored(604)).toBe(false);
  });

  it('answers the names in allowedHosts, and any host with allowedHosts: true', async () => {
    const named = await startProxy({ allowedHosts: ['proxy.example.com'] });
    const open = await startProxy({ allowedHosts: true });
    try {
      const send = (port: number, host: string) =>
        rawHttp(port, {
          method: 'GET',
          path: '/api/vikingdb/Ping',
          headers: { Host: host, Origin: `https://${host}` },
        });
      expect((await send(named.port, 'proxy.example.com')).status).toBe(200);
      expect((await send(named.port, 'evil.example')).status).toBe(403);
      expect((await send(open.port, 'anything.example')).status).toBe(200);
    } finally {
      await named.close();
      await open.close();
    }
  });

  it('refuses a malformed allowedHosts entry at creation', () => {
    expect(() => createSigningProxy({ credentials: KEYS, allowedHosts: ['https://x.example/'] })).toThrow(
      /not a host name/,
    );
    expect(() => createSigningProxy({ credentials: KEYS, allowedHosts: ['x.example:8330'] })).toThrow(/has a port/);
  });
});

describe('methods outside the API', () => {
  it('answers TRACE and CONNECT with 405 in the domain’s envelope, with a request id and a log line', async () => {
    const before = proxy.log.length;
    const trace = await rawSocket(
      proxy.port,
      `TRACE ${UPSERT} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tt-Logid: trace-1\r\nConnection: close\r\n\r\n`,
    );
    expect(trace).toMatch(/^HTTP\/1\.1 405 /);
    expect(bodyOf(trace)).toEqual({ code: 'MethodNotAllowed', message: expect.any(String), request_id: 'trace-1' });
    const memoryTrace = await rawSocket(
      proxy.port,
      'TRACE /api/memory/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(bodyOf(memoryTrace)).toMatchObject({ code: 1000003 });
    const connect = await rawSocket(proxy.port, 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n');
    expect(connect).toMatch(/^HTTP\/1\.1 405 /);
    expect(bodyOf(connect)).toMatchObject({ code: expect.any(String), request_id: expect.any(String) });
    // A tunnel to a host the proxy does not serve is refused by the host check first.
    const foreign = await rawSocket(proxy.port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(foreign).toMatch(/^HTTP\/1\.1 403 /);
    const methods = proxy.log.slice(before).map((entry) => `${entry.method} ${entry.status}`);
    expect(methods).toEqual(['TRACE 405', 'TRACE 405', 'CONNECT 405', 'CONNECT 403']);
  });
});

describe('what reaches the upstream, and what comes back', () => {
  let fake: Server;
  let fakeUrl: string;
  const seen: string[] = [];

  beforeAll(async () => {
    fake = createServer((req: IncomingMessage, res) => {
      seen.push(req.url ?? '');
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'Content-Type': 'application/json', 'X-Tt-Logid': 'upstream-id-7' });
        res.end(
          JSON.stringify({
            code: 'InvalidParameter',
            message: 'x'.repeat(2 * 1024 * 1024),
            request_id: 'upstream-id-7',
          }),
        );
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
  });

  it('replaces an error body over 1 MiB with a whole envelope of the same status and the upstream request id', async () => {
    const toFake = await startProxy({ vector: { url: fakeUrl }, memory: { url: fakeUrl } });
    try {
      const answer = await raw(
        `http://127.0.0.1:${toFake.port}`,
        '/api/vikingdb/data/search/random?Action=CreateCollection&x=1',
        {
          collection_name: 'text',
        },
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        code: 'InvalidParameter',
        request_id: 'upstream-id-7',
        message: expect.stringMatching(/larger than 1048576 bytes/),
      });
      expect(answer.text.length).toBeLessThan(1024);
      expect(answer.headers.get('x-tt-logid')).toBe('upstream-id-7');
      // The caller's query string is not forwarded (nor signed).
      expect(seen).toEqual(['/api/vikingdb/data/search/random']);
    } finally {
      await toFake.close();
    }
  });
});
