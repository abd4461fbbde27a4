/**
 * `npm run dev` on a fresh clone: the first start seeds the data dir, a second start reuses it (what was written
 * survives), and Ctrl-C stops the local server and the playground together — exit code 0, no process left behind,
 * both ports free again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createVikingClient, headerAuth } from '../../src/client/index.node';
import {
  listProcessGroup,
  portIsFree,
  portOf,
  processGroupOutlives,
  startDevStack,
  type DevStack,
} from './support/devStack';

const dataRoot = mkdtempSync(join(tmpdir(), 'vikingdb-dev-'));
const dataDir = join(dataRoot, 'data');
let running: DevStack | undefined;

afterEach(async () => {
  await running?.stop('SIGKILL', { group: true });
  running = undefined;
});

afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

/**
 * Ctrl-C: SIGINT to the process group; the script closes both servers ("stopped.") and exits 0 — npm itself then
 * ends by the same signal, as npm does — and nothing is left running, both ports free.
 */
async function pressCtrlC(stack: DevStack, via: 'node' | 'npm') {
  const ended = await stack.stop('SIGINT', { group: true });
  expect(ended, stack.output()).toEqual(via === 'npm' ? { code: null, signal: 'SIGINT' } : { code: 0, signal: null });
  expect(stack.output()).toMatch(/SIGINT: stopping…\s+stopped\.\s*$/);
  expect(await processGroupOutlives(stack.pid), listProcessGroup(stack.pid)).toBe(false);
  expect(await portIsFree(portOf(stack.localUrl))).toBe(true);
  expect(await portIsFree(portOf(stack.playgroundUrl))).toBe(true);
}

const docs = (stack: DevStack) =>
  createVikingClient({ baseUrl: stack.localUrl, auth: headerAuth({}), retry: { maxRetries: 0 } }).vector.collection<{
    id: number;
    title: string;
    body: string;
  }>('demo_docs');

describe('npm run dev', () => {
  it('first start: seeds the demo dataset and serves the playground; Ctrl-C stops both', async () => {
    const stack = (running = await startDevStack(dataDir));
    expect(stack.output()).toContain('seeded with the demo dataset');
    const page = await fetch(stack.playgroundUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const seeded = await docs(stack).fetch([1]);
    expect(seeded.items).toHaveLength(1);
    await docs(stack).upsert([{ id: 424242, title: 'Written before the restart', body: 'kept on disk' }]);
    await pressCtrlC(stack, 'node');
  });

  it('second start (through npm and tsx): reuses the data without seeding again; Ctrl-C stops it cleanly', async () => {
    const stack = (running = await startDevStack(dataDir, { via: 'npm' }));
    expect(stack.output()).not.toContain('seeded');
    const kept = await docs(stack).fetch([424242, 1]);
    expect(kept.items.map((row) => [row.id, row.fields.title])).toEqual([
      [424242, 'Written before the restart'],
      [1, expect.any(String)],
    ]);
    await pressCtrlC(stack, 'npm');
  });
});
