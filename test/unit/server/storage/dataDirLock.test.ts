import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli';
import type { CliIo } from '../../../../src/server/cli/CliIo';
import { createLocalServer } from '../../../../src/server/local/createLocalServer';
import {
  acquireDataDirLock,
  dataDirHolder,
  DataDirLockedError,
  LOCK_FILE,
} from '../../../../src/server/local/storage/dataDirLock';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-lock-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('a running server holds its data directory: a second one is refused, naming the first', async () => {
    const dataDir = join(dir, 'served');
    const first = await createLocalServer({ port: 0, dataDir, log: false });
    try {
      const holder = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'));
      expect(holder).toMatchObject({ pid: process.pid, command: 'serve', url: first.url });
      const refused = createLocalServer({ port: 0, dataDir, log: false });
      await expect(refused).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(refused).rejects.toThrow(
        `the data directory ${dataDir} is in use by process ${process.pid} (vikingdb-kit serve at ${first.url}, since `,
      );
    } finally {
      await first.close();
    }
    await expect(dataDirHolder(dataDir)).resolves.toBeUndefined();
    const second = await createLocalServer({ port: 0, dataDir, log: false });
    await second.close();
  });

  it('takes over the lock of a process that is gone, and release leaves a successor alone', async () => {
    const dataDir = join(dir, 'stale');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    await acquireDataDirLock(dataDir, 'x').then((lock) => lock.release());
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: gone, command: 'serve', startedAt: 1 }));
    const lock = await acquireDataDirLock(dataDir, 'docs add');
    expect(await dataDirHolder(dataDir)).toMatchObject({ pid: process.pid, command: 'docs add' });
    await expect(acquireDataDirLock(dataDir, 'seed')).rejects.toThrow(/in use by process \d+ \(vikingdb-kit docs add,/);
    await lock.release();
    await lock.release();
    expect(await dataDirHolder(dataDir)).toBeUndefined();

    // An unreadable lock file (e.g. cut short by a crash) is stale too.
    await writeFile(join(dataDir, LOCK_FILE), '{"pid":');
    const again = await acquireDataDirLock(dataDir, 'serve');
    await again.release();
  });

  it('seed and import --data refuse a directory a server holds (import names the server URL)', async () => {
    const dataDir = join(dir, 'cli');
    const rows = join(dir, 'rows.jsonl');
    await writeFile(rows, '{"id": 1, "title": "t", "body": "b"}\n');
    const server = await createLocalServer({ port: 0, dataDir, log: false });
    try {
      for (const [argv, advice] of [
        [['seed', '--data', dataDir], 'Stop it first.'],
        [['import', rows, '--collection', 'demo_docs', '--data', dataDir], `Import through it: --url ${server.url}`],
      ] as const) {
        const err: string[] = [];
        const io: CliIo = {
          stdout: () => undefined,
          stderr: (text) => err.push(text),
          stderrIsTTY: false,
          env: {},
          waitForStop: () => new Promise(() => undefined),
        };
        expect(await runCli([...argv], io)).toBe(1);
        expect(err.join('')).toContain(`is in use by process ${process.pid} (vikingdb-kit serve at ${server.url}`);
        expect(err.join('')).toContain(advice);
      }
      expect(await dataDirHolder(dataDir)).toMatchObject({ command: 'serve' });
    } finally {
      await server.close();
    }
  });
});
