import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli';
import type { CliIo } from '../../../../src/server/cli/CliIo';
import { createLocalServer, type LocalServer } from '../../../../src/server/local/createLocalServer';

const ENV = { VIKINGDB_AK: 'AKLTcliProxy', VIKINGDB_SK: 'cli-secret-key', VIKINGDB_SESSION_TOKEN: '' };

function fakeIo(env: Record<string, string>) {
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const out: string[] = [];
  const err: string[] = [];
  let listening!: (url: string) => void;
  const url = new Promise<string>((resolve) => (listening = resolve));
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => {
      err.push(text);
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) listening(match[1]!);
    },
    stderrIsTTY: false,
    env,
    waitForStop: () => stopped,
  };
  return { io, stop, url, text: () => `${out.join('')}${err.join('')}` };
}

let upstream: LocalServer;
beforeAll(async () => {
  upstream = await createLocalServer({
    port: 0,
    inMemory: true,
    log: false,
    verifySignature: { accessKeyId: ENV.VIKINGDB_AK, secretAccessKey: ENV.VIKINGDB_SK },
  });
});
afterAll(async () => {
  await upstream.close();
});

describe('vikingdb-kit proxy', () => {
  it('signs with the AK/SK from the environment, applies --read-only and --cors-origin, and stops on a signal', async () => {
    const { io, stop, url, text } = fakeIo(ENV);
    const exit = runCli(
      [
        'proxy',
        '--port',
        '0',
        '--vector-upstream',
        upstream.url,
        '--memory-upstream',
        upstream.url,
        '--region',
        'cn-beijing',
        '--read-only',
        '--cors-origin',
        'http://localhost:5173',
      ],
      io,
    );
    const base = await url;
    const search = await fetch(`${base}/api/vikingdb/data/search/random`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' },
      body: JSON.stringify({ collection_name: 'text', index_name: 'text_index' }),
    });
    expect(search.status).toBe(200);
    expect(search.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const memory = await fetch(`${base}/api/memory/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ collection_name: 'sdk_test', project_name: 'default', query: 'x' }),
    });
    expect(memory.status).toBe(200);
    const upsert = await fetch(`${base}/api/vikingdb/data/upsert`, { method: 'POST', body: '{}' });
    expect(upsert.status).toBe(403);
    stop('SIGTERM');
    expect(await exit).toBe(0);
    const output = text();
    expect(output).toMatch(/POST \/api\/vikingdb\/data\/search\/random 200 [\d.]+ms id=021/);
    expect(output).toContain('refused=forbidden');
    expect(output).not.toContain(ENV.VIKINGDB_SK);
    expect(output).not.toContain(ENV.VIKINGDB_AK);
  });

  it('exits 2 without the environment keys, for unknown flags (no --sk) and for bad upstreams', async () => {
    for (const [argv, env] of [
      [['proxy'], {}],
      [['proxy', '--sk', 'x'], ENV],
      [['proxy', '--vector-upstream', 'ftp://x'], ENV],
      [['proxy', '--port', 'abc'], ENV],
    ] as const) {
      const { io } = fakeIo({ ...env });
      expect(await runCli([...argv], io), argv.join(' ')).toBe(2);
    }
    const { io, text } = fakeIo({});
    await runCli(['proxy'], io);
    expect(text()).toMatch(/VIKINGDB_AK and VIKINGDB_SK/);
  });

  it('prints its help', async () => {
    const { io, text } = fakeIo({});
    expect(await runCli(['proxy', '--help'], io)).toBe(0);
    expect(text()).toMatch(/^Usage: vikingdb-kit proxy/);
    expect(text()).toContain('--vector-upstream URL');
  });
});
