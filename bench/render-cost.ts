/**
 * Render cost in Chromium, counted with React's profiling build (`bench/render-cost/page.tsx`):
 *
 * 1. Typing 20 characters, one at a time, into a search box built on `useVectorSearch` (debounce 0), each keystroke
 *    waited on until its search has answered: renders of the box component per keystroke (target ≤ 2), and the
 *    commits its `<Profiler>` saw.
 * 2. SearchExplorer listing 100 rows, its row slot a plain function that counts its calls (one per render of the
 *    explorer's memoized row); one row is edited with `useUpdate` (optimistic patch, then the refetch after it
 *    settles): how many rows rendered again (target 1, the edited one) and how many renders the OTHER rows had
 *    (target 0). This checks both that the hooks keep every unchanged row the same object and that the explorer's
 *    row component skips when its row did not change.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { bundleBenchPage, openBenchPage } from './lib/benchPage';
import { launchChromium } from './lib/chromium';
import { startLoopbackServer } from './lib/httpServer';
import { metric, type BenchResult } from './lib/metric';
import { isMain, runStandalone } from './lib/standalone';
import type { RenderCostPageApi, RenderCounts } from './render-cost/page';

type PageGlobal = { renderCost: RenderCostPageApi };

const TYPED = 'vector search at home';
const KEYSTROKES = 20;

const log = (line: string) => console.log(`[render-cost] ${line}`);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

function bundlePage(): Promise<string> {
  // The profiling build of React DOM: production behaviour, and <Profiler> reports commits.
  return bundleBenchPage(here('./render-cost/page.tsx'), 'render-cost', {
    alias: { 'react-dom/client': 'react-dom/profiling' },
  });
}

async function open(page: Page, url: string): Promise<void> {
  await openBenchPage(page, url, 'renderCost', 'render-cost');
}

const countsOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as PageGlobal).renderCost.counts()) as Promise<RenderCounts>;
const reset = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobal).renderCost.reset());

async function typingScene(page: Page, baseUrl: string) {
  await open(page, `${baseUrl}/?scene=box`);
  await page.focus('input[aria-label="search"]');
  await reset(page);
  const text = TYPED.slice(0, KEYSTROKES);
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]!);
    const typed = text.slice(0, i + 1);
    // Settled: the search for the text typed so far has answered and rendered (a blank text stays idle).
    if (typed.trim()) await page.waitForSelector(`ul[data-settled="${typed}"]`, { timeout: 10_000 });
  }
  await page.waitForTimeout(100);
  return countsOf(page);
}

async function editScene(page: Page, baseUrl: string) {
  await open(page, `${baseUrl}/?scene=explorer`);
  await page.waitForSelector('[data-row-title="2"]', { timeout: 10_000 });
  await page.waitForTimeout(300);
  await reset(page);
  await page.click('button[data-edit-status]');
  await page.waitForSelector('button[data-edit-status="success"]', { timeout: 10_000 });
  await page.waitForFunction(() => document.querySelector('[data-row-title="2"]')?.textContent?.includes('edited'));
  // Let the refetch that follows the settled mutation answer and render.
  await page.waitForTimeout(500);
  const visibleRows = await page.$$eval('[data-row-title]', (rows) => rows.length);
  return { ...(await countsOf(page)), visibleRows };
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const script = await bundlePage();
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><div id="root"></div>' +
    '<script type="module" src="/page.js"></script></body></html>';
  const server = await startLoopbackServer((req, res) => {
    if (req.url === '/page.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const typing = await typingScene(await context.newPage(), server.url);
    const edit = await editScene(await context.newPage(), server.url);
    const perKeystroke = typing.boxRenders / KEYSTROKES;
    const commitsPerKeystroke = typing.boxCommits / KEYSTROKES;
    const otherRenders = Object.entries(edit.rowRenders)
      .filter(([id]) => id !== '2')
      .reduce((sum, [, n]) => sum + n, 0);
    const rowsRendered = Object.values(edit.rowRenders).filter((n) => n > 0).length;
    log(
      `typing ${KEYSTROKES} characters: ${typing.boxRenders} renders of the box (${perKeystroke.toFixed(2)} per keystroke), ${typing.boxCommits} profiler commits, ${JSON.stringify(typing.requests)}`,
    );
    log(
      `editing row 2: renders by row ${JSON.stringify(edit.rowRenders)}; ${rowsRendered} row(s) rendered again, ${otherRenders} renders of the ${edit.visibleRows - 1} unchanged rows on screen; requests ${JSON.stringify(edit.requests)}`,
    );
    return {
      name: 'render-cost',
      metrics: [
        metric('render cost: search box renders per keystroke (useVectorSearch, debounce 0)', perKeystroke, '', {
          target: { op: '<=', value: 2 },
        }),
        metric('render cost: search box profiler commits per keystroke', commitsPerKeystroke, ''),
        metric('render cost: explorer rows rendered again per single-row edit', rowsRendered, '', {
          digits: 0,
          target: { op: '==', value: 1 },
        }),
        metric('render cost: unchanged explorer rows rendered again after a one-row edit', otherRenders, '', {
          digits: 0,
          target: { op: '==', value: 0 },
        }),
      ],
      details: { chromium: browser.version(), typing, edit },
      durationMs: performance.now() - started,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (isMain(import.meta.url)) await runStandalone(run);
