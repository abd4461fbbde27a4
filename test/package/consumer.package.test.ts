/**
 * Consumer smoke test: `npm pack` the built package, install the tarball into a fresh Vite + React app in a temp
 * folder (test/package/consumer-app/, with React, React Query, MSW and Vite from the npm cache), build it with Vite,
 * serve the build on 127.0.0.1 and drive it in chromium: SearchExplorer and MemoryViewer from the installed package
 * search the MSW engine (in a service worker) and show results. Proves the published files work in an app, not
 * just the repository's sources.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright';
import { launchChromium } from '../support/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const APP_SOURCES = fileURLToPath(new URL('./consumer-app/', import.meta.url));
const DEPENDENCIES = [
  'react@19',
  'react-dom@19',
  '@tanstack/react-query@5',
  'msw@^2.15',
  'vite@^8',
  '@vitejs/plugin-react@^6',
];
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves `root` (a Vite build) on 127.0.0.1 at a free port; unknown paths get index.html. */
async function serveStatic(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    const send = (path: string) =>
      readFile(path).then((body) => {
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      });
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    send(file).catch(() => send(join(root, 'index.html')).catch(() => res.writeHead(404).end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('a fresh Vite + React app using the packed package', () => {
  let dir: string;
  let served: { server: Server; url: string };
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vikingdb-kit-consumer-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: REPO_ROOT });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    if (!packed) throw new Error(`npm pack printed no file: ${stdout}`);

    await cp(APP_SOURCES, dir, { recursive: true });
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'vikingdb-kit-consumer', private: true, type: 'module' }, null, 2),
    );
    await run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${packed.filename}`, ...DEPENDENCIES],
      { cwd: dir },
    );
    // MSW's service worker, from the installed msw (what `npx msw init public` does).
    await mkdir(join(dir, 'public'));
    await cp(join(dir, 'node_modules/msw/lib/mockServiceWorker.js'), join(dir, 'public/mockServiceWorker.js'));
    await run(process.execPath, [join(dir, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: dir });

    served = await serveStatic(join(dir, 'dist'));
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(served.url);
    await page.waitForSelector('body[data-ready="true"], body[data-error]', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (served ? served.server.close(resolve) : resolve(undefined)));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts: the MSW worker is up and the app rendered', async () => {
    expect(await page.evaluate(() => document.body.dataset['error'])).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('SearchExplorer runs a text search and lists the results', async () => {
    const explorer = page.locator('#explorer');
    await explorer.getByRole('searchbox', { name: 'Text query' }).fill('coffee brewing');
    await explorer.getByRole('searchbox', { name: 'Text query' }).press('Enter');
    const results = explorer.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await results.first().waitFor({ timeout: 15_000 });
    expect(await results.count()).toBeGreaterThan(0);
    await expect.poll(() => explorer.locator('.vdb-status__count').textContent()).toMatch(/\d+ results/);
  });

  it('SearchExplorer with locale zh-CN loads its Chinese strings on demand', async () => {
    const explorer = page.locator('#explorer-zh');
    await explorer.getByRole('region', { name: '检索浏览器' }).waitFor({ timeout: 15_000 });
    expect(await explorer.getByRole('button', { name: '检索' }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('MemoryViewer searches the demo memories and lists them', async () => {
    const viewer = page.locator('#memory');
    await viewer.getByRole('searchbox', { name: 'Query' }).fill('green tea');
    const items = viewer.getByRole('list', { name: /results/ }).getByRole('article');
    // The search is debounced: wait until the answer for "green tea" replaced what was there.
    await expect.poll(() => items.first().textContent(), { timeout: 15_000 }).toContain('green tea');
    expect(pageErrors).toEqual([]);
  });
});
