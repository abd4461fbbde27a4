/**
 * Storybook's MSW after navigating in one tab from a story's iframe URL to the manager URL: the page that opens while
 * the previous one closes must still be answered by the in-browser engine (not "Failed to fetch" on
 * vikingdb.storybook.local). Starts `storybook dev` on a free port, as a developer would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { devEnvironment, processGroupOutlives, repoRoot } from './support/devStack';

let storybook: ChildProcess;
let output = '';
let base: string;
let browser: Browser;
let page: Page;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  storybook = spawn(
    process.execPath,
    [
      'node_modules/storybook/dist/bin/dispatcher.js',
      'dev',
      '-p',
      String(port),
      '--host',
      '127.0.0.1',
      '--ci',
      '--no-open',
      '--disable-telemetry',
    ],
    { cwd: repoRoot, env: devEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  storybook.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  storybook.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  browser = await launchChromium();
  page = await browser.newPage();
  // Ready once the manager answers.
  const deadline = Date.now() + 110_000;
  for (;;) {
    const ok = await fetch(`${base}/iframe.html`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`storybook dev did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

afterAll(async () => {
  await browser?.close();
  if (storybook?.pid) {
    try {
      process.kill(-storybook.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    if (await processGroupOutlives(storybook.pid, 10_000)) process.kill(-storybook.pid, 'SIGKILL');
  }
});

const STORY = 'components-searchexplorer--results';

describe('Storybook MSW', () => {
  it('answers a story opened from the manager URL after the iframe URL in the same tab', async () => {
    await page.goto(`${base}/iframe.html?id=${STORY}&viewMode=story`);
    await page.locator('.vdb-status__count').waitFor({ timeout: 90_000 });
    expect(await page.locator('.vdb-status__count').textContent()).toBe('20 results');

    for (let round = 1; round <= 3; round++) {
      await page.goto(
        round % 2 === 1 ? `${base}/?path=/story/${STORY}` : `${base}/iframe.html?id=${STORY}&viewMode=story`,
      );
      const root = round % 2 === 1 ? page.frameLocator('#storybook-preview-iframe') : page;
      const count = root.locator('.vdb-status__count');
      const failed = root.getByText('Failed to fetch');
      await Promise.race([count.waitFor({ timeout: 60_000 }), failed.first().waitFor({ timeout: 60_000 })]);
      expect(await failed.count(), `round ${round}`).toBe(0);
      expect(await count.textContent()).toBe('20 results');
    }
  });
});
