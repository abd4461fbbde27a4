/**
 * The smaller defects of the security review, through the command line and the logs: any data directory a user
 * gives works or fails cleanly, log lines cannot be forged, the API key can stay out of process listings, and the
 * Vite plugin inherits the dev server's allowed hosts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/cli';
import { vikingProxy, type ConnectMiddleware } from '../../../src/server';
import { createLocalServer } from '../../../src/server/local/createLocalServer';
import { rawHttp } from '../../support/rawHttp';
import { fakeCliIo } from '../../support/fakeCliIo';

async function serveUntilListening(args: string[], env: Record<string, string> = {}) {
  const { io, stop, text } = fakeCliIo(env);
  const exit = runCli(['serve', '--port', '0', ...args], io);
  let url: string | undefined;
  for (let i = 0; i < 200 && !url; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    url = /listening on (http:\/\/\S+)/.exec(text().err)?.[1];
    if (/serve: /.test(text().err)) break;
  }
  return { url, exit, stop, text };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb.security-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('serve --data', () => {
  it('works with a directory whose name has a dot (every mktemp -d name), and keeps what it stored', async () => {
    const data = join(dir, 'my.data');
    for (const round of [1, 2]) {
      const { url, exit, stop } = await serveUntilListening(['--data', data, '--quiet']);
      expect(url, `round ${round}`).toBeDefined();
      if (round === 1) {
        const put = await fetch(`${url!}/api/vikingdb/data/upsert`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ collection_name: 'demo_docs', data: [{ id: 77, title: 'kept', body: 'b' }] }),
        });
        expect(put.status).toBe(200);
      } else {
        const got = await fetch(`${url!}/api/vikingdb/data/fetch_in_collection`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ collection_name: 'demo_docs', ids: [77] }),
        });
        expect(((await got.json()) as { result: { fetch: unknown[] } }).result.fetch).toHaveLength(1);
      }
      stop('SIGTERM');
      expect(await exit).toBe(0);
    }
    expect((await readdir(dir)).sort()).toEqual(['my.data']);
    expect((await readdir(data)).sort()).toEqual(['data.mdb', 'lock.mdb', 'snapshots', 'vikingdb-kit.embedding.json']);
  });

  it('fails with one line and leaves nothing behind when the path cannot be a data directory', async () => {
    const file = join(dir, 'a.file');
    await writeFile(file, 'not a directory');
    for (const data of [file, join(file, 'below.it')]) {
      const { url, exit, text } = await serveUntilListening(['--data', data]);
      expect(url).toBeUndefined();
      expect(await exit).toBe(1);
      const lines = text().err.trim().split('\n');
      expect(lines, text().err).toHaveLength(1);
      expect(lines[0]).toMatch(/^vikingdb-kit serve: .*data directory/);
    }
    expect((await readdir(dir)).sort()).toEqual(['a.file', 'my.data']);
    expect(existsSync(`${file}-lock`)).toBe(false);
  });
});

describe('a failed start', () => {
  it('removes the data directory it created (and seeded) when the port is taken', async () => {
    const holder = await createLocalServer({ port: 0, inMemory: true, log: false });
    try {
      const data = join(dir, 'never.created', 'data');
      const { url, exit, text } = await serveUntilListening(['--data', data, '--seed', '--port', String(holder.port)]);
      expect(url).toBeUndefined();
      expect(await exit).toBe(1);
      expect(text().err).toMatch(/EADDRINUSE/);
      expect(existsSync(join(dir, 'never.created'))).toBe(false);
    } finally {
      await holder.close();
    }
  });
});

describe('request log', () => {
  it('writes one escaped line per request, even for forged CR LF and ESC in the path of a refused request', async () => {
    const lines: string[] = [];
    const server = await createLocalServer({ port: 0, inMemory: true, apiKey: 'k', log: (line) => lines.push(line) });
    try {
      const answer = await rawHttp(server.port, {
        path: '/api/vikingdb/%0d%0a2026-01-01T00:00:00.000Z%20POST%20/admin%20200%1b[31m',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(answer.status).toBe(401);
      await rawHttp(server.port, { method: 'GET', path: '/api/vikingdb/Ping' });
    } finally {
      await server.close();
    }
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      // eslint-disable-next-line no-control-regex -- no control character may reach the log
      expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    expect(lines[0]).toContain('\\x0d\\x0a2026-01-01T00:00:00.000Z POST /admin 200\\x1b[31m 401');
  });
});

describe('serve --api-key', () => {
  it('reads the key from VIKINGDB_API_KEY, so it stays out of ps, and says so in --help', async () => {
    const help = fakeCliIo();
    expect(await runCli(['serve', '--help'], help.io)).toBe(0);
    expect(help.text().out).toContain('VIKINGDB_API_KEY');
    const { url, exit, stop, text } = await serveUntilListening(['--in-memory', '--quiet'], {
      VIKINGDB_API_KEY: 'env-key',
    });
    expect(text().err).toContain('auth:   API key (VIKINGDB_API_KEY)');
    const send = (authorization?: string) =>
      fetch(`${url!}/api/vikingdb/data/search/random`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(authorization && { Authorization: authorization }) },
        body: JSON.stringify({ collection_name: 'text', index_name: 'text_index' }),
      });
    expect((await send()).status).toBe(401);
    expect((await send('Bearer env-key')).status).toBe(200);
    stop('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('takes --allowed-host (repeatable, * for any) and refuses a malformed one as a usage error', async () => {
    const { url, exit, stop, text } = await serveUntilListening(['--in-memory', '--allowed-host', 'box.test']);
    expect(text().err).toContain('hosts:  loopback, box.test');
    const port = Number(new URL(url!).port);
    const ping = (host: string) =>
      rawHttp(port, { method: 'GET', path: '/api/vikingdb/Ping', headers: { Host: host } });
    expect((await ping('box.test:1')).status).toBe(200);
    expect((await ping('other.test')).status).toBe(403);
    stop('SIGTERM');
    expect(await exit).toBe(0);
    const bad = fakeCliIo();
    expect(await runCli(['serve', '--in-memory', '--allowed-host', 'http://x/'], bad.io)).toBe(2);
    expect(bad.text().err).toMatch(/--allowed-host: .*not a host name/);
  });
});

describe('vikingProxy', () => {
  let upstream: Server;
  let upstreamUrl: string;
  beforeAll(async () => {
    upstream = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"code":"Success","message":"ok","request_id":"u"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  async function through(plugin: ReturnType<typeof vikingProxy>, allowedHosts: string[] | undefined, host: string) {
    let middleware: ConnectMiddleware | undefined;
    plugin.configureServer({
      middlewares: { use: (m) => (middleware = m) },
      config: { server: { allowedHosts } },
    });
    const server = createServer((req, res) =>
      middleware!(req, res, () => {
        res.statusCode = 404;
        res.end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await rawHttp((server.address() as AddressInfo).port, {
        method: 'GET',
        path: '/vikingdb/api/vikingdb/Ping',
        headers: { Host: host },
      });
      return answer.status;
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('answers loopback only by default, inherits Vite’s server.allowedHosts, and its own option wins', async () => {
    const options = { credentials: { accessKeyId: 'AKLTvite', secretAccessKey: 's' }, vector: { url: upstreamUrl } };
    expect(await through(vikingProxy(options), undefined, 'localhost:5173')).toBe(200);
    expect(await through(vikingProxy(options), undefined, 'dev.example')).toBe(403);
    expect(await through(vikingProxy(options), ['dev.example'], 'dev.example')).toBe(200);
    expect(
      await through(vikingProxy({ ...options, allowedHosts: ['other.example'] }), ['dev.example'], 'dev.example'),
    ).toBe(403);
  });
});
