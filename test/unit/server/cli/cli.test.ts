import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli';
import type { CliIo } from '../../../../src/server/cli/CliIo';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import { defaultConfig } from '../../../../src/server/local/config/defaultConfig';
import { createLmdbStorage } from '../../../../src/server/local/storage/lmdbStorage';

function fakeIo(env: Record<string, string> = {}) {
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stderrIsTTY: false,
    env,
    waitForStop: () => stopped,
  };
  return { io, out, err, stop, text: () => ({ out: out.join(''), err: err.join('') }) };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vikingdb-kit CLI', () => {
  it('prints help for the program and each command', async () => {
    for (const argv of [['--help'], ['serve', '--help'], ['seed', '-h'], ['import', '--help'], ['docs', '--help']]) {
      const { io, text } = fakeIo();
      expect(await runCli(argv, io)).toBe(0);
      expect(text().out).toMatch(/^Usage: vikingdb-kit/);
    }
  });

  it('exits 2 with a pointer to --help on usage errors', async () => {
    for (const argv of [
      [],
      ['nope'],
      ['serve', '--port', 'abc'],
      ['serve', '--bogus'],
      ['serve', '--verify-signature'],
      ['seed', '--dataset', 'other'],
      ['import'],
      ['import', 'rows.jsonl'],
    ]) {
      const { io } = fakeIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
    }
    const { io, text } = fakeIo();
    await runCli(['serve', '--verify-signature'], io);
    expect(text().err).toMatch(/VIKINGDB_AK and VIKINGDB_SK[\s\S]*vikingdb-kit serve --help/);
  });

  it('serve: listens, answers, and closes gracefully with exit 0 on a stop signal', async () => {
    const { io, stop, out, text } = fakeIo({ VIKINGDB_AK: 'AKLTcli', VIKINGDB_SK: 'cli-secret' });
    const running = runCli(['serve', '--port', '0', '--in-memory', '--api-key', 'cli-key', '--verify-signature'], io);
    let url: string | undefined;
    for (let i = 0; i < 100 && !url; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      url = /listening on (http:\/\/\S+)/.exec(text().err)?.[1];
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(text().err).toContain('auth:   API key or V4 signature');
    expect((await fetch(`${url!}/api/vikingdb/Ping`)).status).toBe(200);
    const unsigned = await fetch(`${url!}/api/vikingdb/data/upsert`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(unsigned.status).toBe(401);
    stop('SIGTERM');
    expect(await running).toBe(0);
    expect(text().err).toMatch(/SIGTERM: finishing requests in flight and closing…\nclosed\n$/);
    expect(out.join('')).toMatch(/GET \/api\/vikingdb\/Ping 200/);
    expect(out.join('')).not.toContain('cli-key');
    expect(out.join('')).not.toContain('cli-secret');
  });

  it('import: loads JSON Lines into a data directory in batches, then stops at a bad line with its number', async () => {
    const data = join(dir, 'data');
    const file = join(dir, 'rows.jsonl');
    const rows = Array.from({ length: 205 }, (_, i) => JSON.stringify({ id: i + 1, title: `t${i}`, body: `row ${i}` }));
    await writeFile(file, `${rows.join('\n')}\n\n`);
    const ok = fakeIo();
    expect(await runCli(['import', file, '--collection', 'demo_docs', '--data', data], ok.io)).toBe(0);
    expect(ok.text().err).toContain(`imported 205 rows into demo_docs (${data})`);

    const storage = await createLmdbStorage(data);
    const engine = await createLocalEngine({ config: defaultConfig, storage });
    const answer = await engine.handle({
      method: 'POST',
      path: '/api/vikingdb/data/fetch_in_collection',
      body: JSON.stringify({ collection_name: 'demo_docs', ids: [1, 205, 999] }),
      requestId: 'check',
    });
    await engine.close();
    expect(answer.status).toBe(200);
    expect(answer.body['result']).toMatchObject({ ids_not_exist: [999] });

    await writeFile(file, `${rows[0]!}\nnot json\n`);
    const bad = fakeIo();
    expect(await runCli(['import', file, '--collection', 'demo_docs', '--data', data], bad.io)).toBe(1);
    expect(bad.text().err).toMatch(/rows\.jsonl:2 is not JSON/);

    await writeFile(file, `${JSON.stringify({ id: 1, nope: 1 })}\n`);
    const refused = fakeIo();
    expect(await runCli(['import', file, '--collection', 'missing_collection', '--data', data], refused.io)).toBe(1);
    expect(refused.text().err).toMatch(/import failed at .*lines 1\+ \(batch 1\) after 0 rows: NotFound/);
  });
});
