/**
 * `npm run build:playground`: a static playground whose default backend is the engine inside the page (MSW service
 * worker). Served by a plain file server, with no VikingDB server anywhere, it still answers a search.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, VIEWPORT } from './support/browser';
import { devEnvironment, repoRoot } from './support/devStack';
import { serveStatic, type StaticServer } from './support/staticServer';

let outRoot: string;
let server: StaticServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  outRoot = mkdtempSync(join(tmpdir(), 'vikingdb-playground-build-'));
  const outDir = join(outRoot, 'playground');
  // The script's build, into a temp dir instead of playground/dist (same config, same output).
  const launching = launchChromium();
  try {
    await promisify(execFile)('npm', ['run', 'build:playground', '--', '--outDir', outDir, '--emptyOutDir'], {
      cwd: repoRoot,
      env: devEnvironment(),
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    browser = await launching;
  }
  server = await serveStatic(outDir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outRoot, { recursive: true, force: true });
});

describe('static playground build', () => {
  it('runs a search on the in-browser engine with no server but the file server', async () => {
    const page = await browser!.newPage({ viewport: VIEWPORT });
    const errors = collectPageErrors(page);
    await page.goto(server!.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await page.getByTestId('backend').textContent()).toBe('in-browser engine');
    // The Overview counts the in-browser engine's rows too.
    await page.getByTestId('rows-demo_docs').filter({ hasText: /^\d/ }).waitFor();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Explorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Explorer' }).waitFor();

    const input = page.getByRole('searchbox', { name: 'Text query' });
    await input.fill('coffee brewing');
    await input.press('Enter');
    await page.locator('.vdb-status__count', { hasText: '20 results' }).waitFor();
    const first = page.getByRole('list', { name: 'Results' }).getByRole('listitem').first();
    expect(await first.locator('.vdb-row__title').textContent()).toMatch(/coffee/i);

    // The engine answered inside the page: the file server only ever saw requests for files.
    const nonFiles = server!.requests.filter(
      (request) => !/^GET \/(|index\.html|mockServiceWorker\.js|assets\/.+)$/.test(request),
    );
    expect(nonFiles).toEqual([]);
    expect(errors).toEqual([]);
  });
});
