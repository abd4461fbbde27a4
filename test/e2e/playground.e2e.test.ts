/**
 * The playground against `npm run dev`'s stack (scripts/dev.ts: the local server seeded with the demo dataset, and
 * the Vite playground), in Debian's chromium. One page walks through the flows in order, so the Activity page at the
 * end lists the requests they made. Each page's screenshot is saved as docs/images/playground-<page>.png,
 * and the SearchExplorer with a row open as docs/images/search-explorer.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, saveElementScreenshot, saveScreenshot, VIEWPORT } from './support/browser';
import {
  listProcessGroup,
  portIsFree,
  portOf,
  processGroupOutlives,
  startDevStack,
  type DevStack,
} from './support/devStack';

let dataRoot: string;
let stack: DevStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

/** Request ids the flows saw in the UI; the Activity page must list them. */
const seenRequestIds: string[] = [];

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), 'vikingdb-e2e-'));
  const [started, launched] = await Promise.allSettled([startDevStack(join(dataRoot, 'data')), launchChromium()]);
  if (started.status === 'fulfilled') stack = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
  context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light' });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
});

afterAll(async () => {
  try {
    // Stopped while the playground is still open in the browser (its HMR socket connected), as a developer would.
    if (stack) {
      const { code, signal } = await stack.stop('SIGTERM');
      expect({ code, signal }, stack.output()).toEqual({ code: 0, signal: null });
      expect(stack.output()).toMatch(/SIGTERM: stopping…\s+stopped\.\s*$/);
      expect(await processGroupOutlives(stack.pid), listProcessGroup(stack.pid)).toBe(false);
      expect(await portIsFree(portOf(stack.localUrl))).toBe(true);
      expect(await portIsFree(portOf(stack.playgroundUrl))).toBe(true);
    }
  } finally {
    await browser?.close();
    rmSync(dataRoot, { recursive: true, force: true });
  }
});

// ---------- helpers ----------

const explorer = () => page.getByRole('region', { name: 'Search explorer' });
const resultList = () => page.getByRole('list', { name: 'Results' });
const resultRows = () => resultList().getByRole('listitem');
const statusCount = () => page.locator('.vdb-status__count');
const detail = () => page.getByRole('region', { name: /^Row / });

/** Polls `read` until it returns `expected` (or the timeout), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<void> {
  await expect.poll(read, { timeout, interval: 100 }).toEqual(expected);
}

/** The primary key of a result row, from its "id 42" chip. */
async function rowId(row: Locator): Promise<string> {
  const text = await row.locator('.vdb-chip--id').textContent();
  return text!.replace(/^id /, '');
}

/** The request id the explorer's status line shows for the last answer ('' before the first). */
async function explorerRequestId(): Promise<string> {
  const rid = page.locator('.vdb-status__rid');
  if ((await rid.count()) === 0) return '';
  return (await rid.textContent())!.replace(/^Request id /, '').trim();
}

async function goTo(name: 'Overview' | 'Explorer' | 'Memory' | 'Data' | 'Activity' | 'Connection') {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Waits until the explorer shows an answer other than the one with request id `before`, and loads nothing more. */
async function waitForNewAnswer(before: string): Promise<void> {
  const settled = async () => {
    const rid = await explorerRequestId();
    return rid !== '' && rid !== before && (await page.locator('.vdb-status__busy').count()) === 0;
  };
  await eventually(settled, true);
}

/**
 * Runs a search in the given mode from the explorer's query bar and waits for its answer: a new request id in the
 * status line and nothing still loading (the previous results stay on screen until then). Returns the request id.
 */
async function search(mode: 'Text' | 'By id', value: string): Promise<string> {
  const before = await explorerRequestId();
  await explorer().getByRole('button', { name: mode, exact: true }).click();
  const input =
    mode === 'Text'
      ? explorer().getByRole('searchbox', { name: 'Text query' })
      : explorer().getByRole('textbox', { name: 'Primary key' });
  await input.fill(value);
  await input.press('Enter');
  await waitForNewAnswer(before);
  return explorerRequestId();
}

// ---------- flows ----------

describe('playground on the npm run dev stack', () => {
  it('opens on the Overview of the seeded local server: every index with its rows and fields', async () => {
    expect(stack.output()).toContain('seeded with the demo dataset');
    await page.goto(stack.playgroundUrl);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await page.getByTestId('backend').textContent()).toBe('local server');
    const demo = page.getByRole('article', { name: 'demo_docs / demo_docs_index' });
    await eventually(
      async () => /^\d[\d,]*$/.test((await demo.getByTestId('rows-demo_docs').textContent()) ?? ''),
      true,
    );
    await demo.getByRole('table', { name: 'Fields of demo_docs' }).waitFor();
    await page.getByRole('table', { name: 'Memory collections' }).getByText('event_v1, meeting_summary').waitFor();
    await saveScreenshot(page, 'overview');

    await demo.getByRole('button', { name: 'Open demo_docs / demo_docs_index in the Explorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Explorer' }).waitFor();
    await explorer().getByText('Nothing searched yet').waitFor();
  });

  it('runs a text search and keeps it in the URL', async () => {
    const requestId = await search('Text', 'coffee brewing');
    expect(await statusCount().textContent()).toBe('20 results');
    expect(await resultRows().first().textContent()).toMatch(/coffee/i);
    const url = new URL(page.url());
    expect(url.searchParams.get('mode')).toBe('multiModal');
    expect(url.searchParams.get('q')).toBe('coffee brewing');
    seenRequestIds.push(requestId);
  });

  it('opens a row and shows its fields', async () => {
    const first = resultRows().first();
    const id = await rowId(first);
    await first.getByRole('button').first().click();
    await detail().waitFor();
    await detail().getByRole('table').waitFor();
    expect(await detail().getByRole('heading').first().textContent()).toBe(`Row ${id}`);
    await detail().getByRole('button', { name: 'Edit title' }).waitFor();
    await saveScreenshot(page, 'explorer');
    // The README's image of the component itself: results with their score bars, the open row with its fields.
    await saveElementScreenshot(explorer(), 'search-explorer');
  });

  it('finds rows similar to a row: that row comes first', async () => {
    const second = resultRows().nth(1);
    const id = await rowId(second);
    const before = await explorerRequestId();
    await second.getByRole('button', { name: 'Find similar' }).click();
    await waitForNewAnswer(before);
    expect(await explorer().getByRole('button', { name: 'By id' }).getAttribute('aria-pressed')).toBe('true');
    expect(await explorer().getByRole('textbox', { name: 'Primary key' }).inputValue()).toBe(id);
    expect(await rowId(resultRows().first())).toBe(id);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('id');
    seenRequestIds.push(await explorerRequestId());
  });

  it('edits a field; a reload in a new page shows the saved value', async () => {
    const first = resultRows().first();
    const id = await rowId(first);
    await first.getByRole('button').first().click();
    await detail().getByRole('button', { name: 'Edit title' }).click();
    const input = detail().getByRole('textbox', { name: 'Edit title' });
    await input.fill('Edited by the e2e test');
    await input.press('Enter');
    await detail().getByText('Edited by the e2e test', { exact: true }).waitFor();
    await first.getByText('Edited by the e2e test', { exact: true }).waitFor();

    // A fresh page has an empty cache: what it shows comes from the server.
    const fresh = await context.newPage();
    try {
      await fresh.goto(`${stack.playgroundUrl}?page=explorer&mode=id&q=${id}`);
      const row = fresh.getByRole('list', { name: 'Results' }).getByRole('listitem').first();
      await row.getByText('Edited by the e2e test', { exact: true }).waitFor();
      expect(await row.locator('.vdb-chip--id').textContent()).toBe(`id ${id}`);
    } finally {
      await fresh.close();
    }
  });

  it('deletes a row after confirming, and Undo brings it back', async () => {
    await search('Text', 'green tea');
    expect(await statusCount().textContent()).toBe('20 results');
    const first = resultRows().first();
    const id = await rowId(first);
    const title = await first.locator('.vdb-row__title').textContent();
    const idChip = resultList().locator('.vdb-chip--id', { hasText: new RegExp(`^id ${id}$`) });

    await first.getByRole('button', { name: 'Delete' }).click();
    await first.getByRole('button', { name: 'Confirm?' }).click();
    await page.getByText(`Deleted row ${id}.`).waitFor();
    await idChip.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`Row ${id} restored.`).waitFor();
    await idChip.waitFor();
    await eventually(() => resultRows().first().locator('.vdb-row__title').textContent(), title);

    // The server has it again: a by-id search (not cached) finds it.
    await search('By id', id);
    expect(await rowId(resultRows().first())).toBe(id);
  });

  it('imports a JSONL file on the Data page; the progress finishes and the rows are searchable', async () => {
    await goTo('Data');
    const rows = Array.from({ length: 150 }, (_, i) => ({
      id: 900_001 + i,
      title: `Imported row ${i + 1}`,
      body: `Imported by the e2e test: row ${i + 1} about terraced rice fields.`,
      lang: 'en',
      tags: ['e2e'],
      year: 2026,
      rating: 4.5,
      pos_x: i,
      pos_y: -i,
      category: 'e2e',
    }));
    await page.getByLabel('File').setInputFiles({
      name: 'e2e-rows.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n') + '\n'),
    });
    await page.getByText('e2e-rows.jsonl: 150 rows').waitFor();
    // The preview: the first rows, each column with the field it fills and that field's type.
    const preview = page.getByRole('table', { name: 'Preview' });
    expect(await preview.locator('tbody tr').count()).toBe(5);
    expect(await preview.getByRole('combobox', { name: 'Field for column year' }).inputValue()).toBe('year');
    expect(await preview.locator('thead th').first().locator('.muted').textContent()).toBe('int64');
    await page.getByRole('button', { name: 'Import 150 rows' }).click();
    await eventually(() => page.getByTestId('import-status').textContent(), 'Done: 150 rows written in 2 batches.');
    expect(await page.getByTestId('import-summary').textContent()).toBe(
      'e2e-rows.jsonl: 150 rows imported into demo_docs.',
    );
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    expect(await progress.evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([150, 150]);
    await saveScreenshot(page, 'data');

    await goTo('Explorer');
    await search('By id', '900150');
    expect(await resultRows().first().locator('.vdb-row__title').textContent()).toBe('Imported row 150');
  });

  it('exports a search result as JSONL from the Data page', async () => {
    await goTo('Data');
    await page.getByRole('radio', { name: 'a search result' }).check();
    await page.getByLabel('Text query').fill('terraced rice fields');
    await page.getByLabel('Rows').fill('5');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('demo_docs-search.jsonl');
    const path = await download.path();
    const lines = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: number; score: number; title: string });
    expect(lines).toHaveLength(5);
    expect(lines[0]!.title).toMatch(/^Imported row/);
    expect(lines.map((l) => l.score)).toEqual([...lines.map((l) => l.score)].sort((a, b) => b - a));
    await page.getByText('Exported 5 rows.').waitFor();
  });

  it('adds a session on the Memory page and finds it by memory search', async () => {
    await goTo('Memory');
    const composer = page.getByRole('form', { name: 'Add a session' });
    await composer.getByRole('textbox', { name: 'Session id' }).fill('e2e_session');
    await composer.getByRole('textbox', { name: 'User id' }).fill('erin');
    await composer.getByRole('textbox', { name: 'Assistant id' }).fill('demo_assistant');
    await composer
      .getByRole('textbox', { name: 'Content of message 1' })
      .fill('My name is Erin. I collect vintage typewriters.');
    await composer.getByRole('textbox', { name: 'Content of message 2' }).fill('Noted, Erin.');
    await composer.getByRole('button', { name: 'Add session' }).click();
    await page.getByText(/^Session e2e_session added/).waitFor();
    await page
      .getByRole('list', { name: 'Sessions' })
      .getByRole('heading', { name: 'Session e2e_session' })
      .first()
      .waitFor();
    await saveScreenshot(page, 'memory');

    await page.getByRole('tab', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Query' }).fill('vintage typewriters');
    const results = page.getByRole('list', { name: /results/ });
    await results.getByRole('article').filter({ hasText: 'typewriters' }).first().waitFor();
  });

  it('lists those requests on the Activity page: operations, statuses and request ids', async () => {
    await goTo('Activity');
    const table = page.getByRole('table');
    const operations = () => table.locator('tbody tr td:nth-child(2)').allTextContents();
    const expected = [
      'vector.search.multiModal',
      'vector.search.byId',
      'vector.update',
      'vector.delete',
      'vector.upsert',
      'memory.session.add',
      'memory.search',
    ];
    const missing = async () => {
      const seen = new Set(await operations());
      return expected.filter((operation) => !seen.has(operation));
    };
    await eventually(missing, []);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const ids = rows.map((row) => row[5]);
    for (const id of seenRequestIds) expect(ids).toContain(id);
    // Every answered request has its id (requests aborted by a newer search, or by React's dev double mount, have none).
    const answered = rows.filter((row) => /^\d{3}$/.test(row[2]!));
    expect(answered.length).toBeGreaterThan(20);
    expect(answered.filter((row) => !/^[0-9a-f]{20,}$/.test(row[5]!))).toEqual([]);
    await page.getByRole('img', { name: 'Latency histogram' }).waitFor();
    await saveScreenshot(page, 'activity');
  });

  it('shows the connection: local server chosen, both APIs answer the ping', async () => {
    await goTo('Connection');
    expect(await page.getByRole('radio', { name: /Local server/ }).getAttribute('aria-checked')).toBe('true');
    await page.getByText(stack.localUrl, { exact: true }).waitFor();
    await page.getByTestId('ping-vector').waitFor();
    await page.getByTestId('ping-memory').waitFor();
    const cloud = page.getByRole('form', { name: 'Cloud connection' });
    expect(await cloud.getByRole('textbox', { name: 'Host' }).inputValue()).toBe(
      'api-vikingdb.vikingdb.cn-beijing.volces.com',
    );
    await saveScreenshot(page, 'connection', { fullPage: true });
  });

  it('keeps the theme and the language chosen in the header, in the URL and across visits', async () => {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: '检索' }).waitFor();
    // A visit without them in the URL keeps them (localStorage).
    await page.goto(`${stack.playgroundUrl}?page=explorer`);
    await page.getByRole('navigation', { name: '页面' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.getByRole('button', { name: '检索', exact: true }).waitFor();
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBeUndefined();
  });

  it('folds the pages into a menu in a 400 px window', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      const nav = page.getByRole('navigation', { name: 'Pages' });
      expect(await nav.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).click();
      await nav.getByRole('link', { name: 'Connection' }).click();
      await page.getByRole('heading', { level: 1, name: 'Connection' }).waitFor();
      expect(await nav.isVisible()).toBe(false);
      const header = await page.locator('header.top').boundingBox();
      expect(header!.width).toBeLessThanOrEqual(400);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  });

  it('switches to the in-browser engine, which answers too', async () => {
    await page.getByRole('radio', { name: /In-browser engine/ }).click();
    await eventually(() => page.getByTestId('backend').textContent(), 'in-browser engine');
    await page.getByTestId('ping-vector').waitFor();
    expect(new URL(page.url()).searchParams.get('backend')).toBe('browser');
    expect(pageErrors).toEqual([]);
  });
});
