/**
 * `npm run dev` when the local server's port is taken: it fails at once with the hint, and leaves no data directory
 * behind (the next start on a free port seeds a fresh one).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devEnvironment, repoRoot } from './support/devStack';

const dataRoot = mkdtempSync(join(tmpdir(), 'vikingdb-dev-taken-'));
let holder: Server;
let port: number;

beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  port = (holder.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  rmSync(dataRoot, { recursive: true, force: true });
});

describe('npm run dev on a taken port', () => {
  it('exits 1 with the hint, without creating or seeding a data directory', async () => {
    const dataDir = join(dataRoot, 'data');
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/dev.ts'],
        {
          cwd: repoRoot,
          env: { ...devEnvironment(), VIKINGDB_DATA: dataDir, VIKINGDB_PORT: String(port), PLAYGROUND_PORT: '0' },
          timeout: 60_000,
        },
        (_error, stdout, stderr) => resolve({ code: child.exitCode, output: stdout + stderr }),
      );
    });
    expect(code, output).toBe(1);
    expect(output).toContain('EADDRINUSE');
    expect(output).toContain('the port is taken; set VIKINGDB_PORT (0 = any free port).');
    expect(output).not.toContain('seeded');
    expect(existsSync(dataDir)).toBe(false);
  });
});
