import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLmdbStorage } from '../../../../src/server/local/storage/lmdbStorage';
import { crashKey, crashValue } from '../../../support/crashRecords';

const writer = fileURLToPath(new URL('../../../support/lmdbCrashWriter.ts', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-crash-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the writer, SIGKILLs it at a random moment after `minAcks` acknowledgements, returns the acknowledged keys. */
function runAndKill(minAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer acknowledged only ${acked.length} writes in time; stderr: ${stderr}`));
    }, 10_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      acked.push(...lines.filter(Boolean));
      if (acked.length >= minAcks && killTimer === undefined) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 150));
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited with ${String(code)} before the kill; stderr: ${stderr}`));
    });
  });
}

describe('lmdb storage under SIGKILL', () => {
  it('keeps every acknowledged commit, intact and whole', { timeout: 20_000 }, async () => {
    const acked = await runAndKill(20);
    expect(acked.length).toBeGreaterThanOrEqual(20);

    const storage = await createLmdbStorage(dir);
    try {
      const rows = new Map(await storage.load('crash'));
      for (const [i, key] of acked.entries()) {
        expect(key).toBe(crashKey(i));
        expect(rows.get(key)).toEqual(crashValue(i));
      }
      // At most the one commit in flight at the kill may be there beyond the acknowledged ones, and each commit's
      // two records landed together.
      expect(rows.size - acked.length).toBeGreaterThanOrEqual(0);
      expect(rows.size - acked.length).toBeLessThanOrEqual(1);
      const [last] = await storage.load('crash-meta');
      expect(last).toEqual(['last', rows.size - 1]);
      for (const [key, value] of rows) expect(value).toEqual(crashValue(Number(key.slice(1))));
    } finally {
      await storage.close();
    }
  });
});
