/**
 * Screenshots of the MemoryViewer: `npx tsx test/browser/memory-viewer/screenshot/shoot.ts [outDir]`.
 * Serves this folder with Vite and shoots it with headless Chromium; docs/images/memory-viewer.png is the sessions
 * tab at 1280 px, the others (search, events, narrow, dark, zh-CN) go to outDir (default /tmp/memory-viewer-shots).
 */
import { launchChromium } from '../../../support/chromium';
import { createServer } from 'vite';

const outDir = process.argv[2] ?? '/tmp/memory-viewer-shots';
const root = new URL('.', import.meta.url).pathname;
const server = await createServer({ root, configFile: false, logLevel: 'error', server: { port: 0 } });
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
const browser = await launchChromium();
const shots: Array<{ file: string; query: string; width: number; wait: string; act?: string }> = [
  { file: 'docs/images/memory-viewer.png', query: '', width: 1280, wait: '.vdb-memory-bubble' },
  { file: `${outDir}/search.png`, query: 'tab=search', width: 1280, wait: 'input[type=search]', act: 'green tea' },
  { file: `${outDir}/events.png`, query: 'tab=events', width: 1280, wait: '.vdb-memory-item' },
  { file: `${outDir}/narrow.png`, query: '', width: 390, wait: '.vdb-memory-bubble' },
  { file: `${outDir}/dark.png`, query: 'theme=dark&tab=profiles', width: 1024, wait: '.vdb-memory-item' },
  { file: `${outDir}/zh.png`, query: 'locale=zh-CN', width: 1024, wait: '.vdb-memory-bubble' },
];
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: 900 } });
    page.on('pageerror', (error) => console.error(shot.file, error));
    await page.goto(`${base}?${shot.query}`);
    await page.waitForSelector(shot.wait, { timeout: 30_000 });
    if (shot.act) {
      await page.fill('input[type=search]', shot.act);
      await page.waitForSelector('.vdb-memory-results .vdb-memory-item');
      await page.waitForTimeout(800);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot.file, fullPage: true });
    console.log('wrote', shot.file);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
