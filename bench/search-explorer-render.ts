/**
 * SearchExplorer render cost in Chromium: time from `createRoot().render()` to the first paint that shows the
 * results, for 10,000 results vs 100 (target ≤ 2×, which holds only if the list is virtualized). Each round loads
 * a fresh page per N (interleaved, order alternating); the page's client answers the search from memory (injected
 * `fetch`, no network, no service worker). Also checks that the DOM holds far fewer rows than results.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { bundleBenchPage, openBenchPage } from './lib/benchPage';
import { launchChromium } from './lib/chromium';
import { startLoopbackServer } from './lib/httpServer';
import { median, medianOfPairs } from './lib/median';
import { metric, type BenchResult } from './lib/metric';
import { isMain, runStandalone } from './lib/standalone';
import type { ExplorerPageApi, RenderMeasurement } from './search-explorer/page';

type PageGlobal = { explorerBench: ExplorerPageApi };

const SMALL = 100;
const LARGE = 10_000;
const WARMUP_ROUNDS = 1;
const ROUNDS = 9;
/** "Far fewer than 10,000": a virtualized 440 px list shows ~6 rows plus overscan. */
const MAX_DOM_ROWS = 100;

const log = (line: string) => console.log(`[search-explorer-render] ${line}`);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Bundles the page like an app's production build (React in production mode, minified). */
function bundlePage(): Promise<string> {
  return bundleBenchPage(here('./search-explorer/page.tsx'), 'SearchExplorer', { minify: true });
}

function html(css: string): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style>${css}</style></head>`,
    '<body><div id="root"></div><script type="module" src="/page.js"></script></body></html>',
  ].join('');
}

async function measureOnce(page: Page, url: string): Promise<RenderMeasurement> {
  const pageErrors = await openBenchPage(page, url, 'explorerBench', 'SearchExplorer');
  const result = await Promise.race([
    page.evaluate(() => (globalThis as unknown as PageGlobal).explorerBench.measure()),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`no result rows within 15 s: ${pageErrors.map(String).join('; ') || 'no page error'}`)),
        15_000,
      ).unref(),
    ),
  ]);
  if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.map(String).join('; ')}`);
  return result;
}

function check(m: RenderMeasurement): void {
  if (m.setSize !== m.n) throw new Error(`N=${m.n}: the list holds ${m.setSize} results (aria-setsize)`);
  if (!m.statusText.includes(String(m.n))) throw new Error(`N=${m.n}: status line reads "${m.statusText}"`);
  if (m.domRows < 1 || m.domRows > MAX_DOM_ROWS) throw new Error(`N=${m.n}: ${m.domRows} rows in the DOM`);
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  // What `vikingdb-kit/components/search-explorer.css` holds: the base, then the explorer's own rules.
  const [script, base, own] = await Promise.all([
    bundlePage(),
    readFile(here('../src/components/primitives/base.css'), 'utf8'),
    readFile(here('../src/components/search-explorer/search-explorer.css'), 'utf8'),
  ]);
  const css = `${base}\n${own}`;
  const page = html(css);
  const server = await startLoopbackServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    }
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const samples: Record<number, RenderMeasurement[]> = { [SMALL]: [], [LARGE]: [] };
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      const order = round % 2 === 0 ? [SMALL, LARGE] : [LARGE, SMALL];
      for (const n of order) {
        const tab = await context.newPage();
        try {
          const m = await measureOnce(tab, `${server.url}/?n=${n}`);
          check(m);
          if (round >= WARMUP_ROUNDS) samples[n]!.push(m);
        } finally {
          await tab.close();
        }
      }
    }

    const summary = (n: number) => {
      const list = samples[n]!;
      return {
        firstPaintMs: median(list.map((m) => m.firstPaintMs)),
        fetchCalledMs: median(list.map((m) => m.fetchCalledMs)),
        rowsInDomMs: median(list.map((m) => m.rowsInDomMs)),
        domRows: Math.max(...list.map((m) => m.domRows)),
        samplesMs: list.map((m) => Math.round(m.firstPaintMs * 10) / 10),
      };
    };
    const small = summary(SMALL);
    const large = summary(LARGE);
    // Per-round ratio (both N measured back to back), median round: drift hits both sides of a pair alike.
    const ratio = medianOfPairs(
      samples[LARGE]!.map((m) => m.firstPaintMs),
      samples[SMALL]!.map((m) => m.firstPaintMs),
      (a, b) => a / b,
    );
    log(`chromium ${browser.version()}, ${ROUNDS} fresh pages per N (after ${WARMUP_ROUNDS} warm-up), medians:`);
    for (const [n, s] of [
      [SMALL, small],
      [LARGE, large],
    ] as const) {
      log(
        `  N=${String(n).padStart(5)}: first paint ${s.firstPaintMs.toFixed(1)} ms (fetch called at ` +
          `${s.fetchCalledMs.toFixed(1)}, rows in DOM at ${s.rowsInDomMs.toFixed(1)}), ${s.domRows} rows in the DOM`,
      );
    }
    log(`  10k / 100 (median of per-round ratios): ${ratio.toFixed(2)}×`);
    return {
      name: 'search-explorer-render',
      metrics: [
        metric('SearchExplorer first paint: 10k vs 100 results', ratio, '×', { target: { op: '<=', value: 2 } }),
        metric('SearchExplorer first paint, 100 results', small.firstPaintMs, 'ms', { digits: 1 }),
        metric('SearchExplorer first paint, 10k results', large.firstPaintMs, 'ms', { digits: 1 }),
        metric('SearchExplorer rows in the DOM, 10k results', large.domRows, 'rows', {
          digits: 0,
          target: { op: '<=', value: MAX_DOM_ROWS },
        }),
      ],
      details: {
        chromium: browser.version(),
        rounds: ROUNDS,
        warmupRounds: WARMUP_ROUNDS,
        viewport: '1280×900',
        [`n${SMALL}`]: small,
        [`n${LARGE}`]: large,
        ratio,
      },
      durationMs: performance.now() - started,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (isMain(import.meta.url)) await runStandalone(run);
