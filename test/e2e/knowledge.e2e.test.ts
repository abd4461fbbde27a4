/**
 * The playground's Knowledge page against `npm run dev`'s stack (the local server seeded with the demo knowledge base
 * `demo_kb` and its service), in Debian's chromium: ask about the demo corpus, see the streamed answer with its
 * citations, open one in the manager, upload a Markdown file, wait until it is processed, then ask about it and get it
 * cited. The page is saved as docs/images/knowledge.png (the README's image).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, VIEWPORT } from './support/browser';
import { startDevStack, type DevStack } from './support/devStack';

let dataRoot: string;
let stack: DevStack;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), 'vikingdb-e2e-knowledge-'));
  const [started, launched] = await Promise.allSettled([startDevStack(join(dataRoot, 'data')), launchChromium()]);
  if (started.status === 'fulfilled') stack = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light' });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
});

afterAll(async () => {
  try {
    if (stack) await stack.stop('SIGTERM');
  } finally {
    await browser?.close();
    rmSync(dataRoot, { recursive: true, force: true });
  }
});

const chat = () => page.getByRole('region', { name: 'Knowledge chat' });
const manager = () => page.getByRole('region', { name: 'Knowledge base', exact: true });
const docList = () => manager().getByRole('listbox', { name: 'Documents' });

/** Asks `question` in the chat and waits for the answer of turn `turn` to finish, with its sources. */
async function ask(question: string, turn: number) {
  const input = chat().getByRole('textbox', { name: 'Your question' });
  await input.fill(question);
  await input.press('Enter');
  const sources = chat().getByRole('region', { name: `Sources of answer ${turn}` });
  await sources.waitFor({ timeout: 30_000 });
  await chat().getByRole('button', { name: 'Stop' }).waitFor({ state: 'detached', timeout: 30_000 });
  return sources;
}

describe('Knowledge page on the npm run dev stack', () => {
  it('answers a question about the demo corpus, streamed, with citations that open their document', async () => {
    await page.goto(`${stack.playgroundUrl}?page=knowledge`);
    await page.getByRole('heading', { level: 1, name: 'Knowledge' }).waitFor();
    await docList().getByText('README.md', { exact: true }).waitFor({ timeout: 30_000 });

    const input = chat().getByRole('textbox', { name: 'Your question' });
    await input.fill('What does the signing proxy do?');
    await input.press('Enter');
    // Streamed: the answer shows text while Stop is still offered.
    await chat().getByRole('button', { name: 'Stop' }).waitFor({ timeout: 30_000 });
    const sources = chat().getByRole('region', { name: 'Sources of answer 1' });
    await sources.waitFor({ timeout: 30_000 });
    expect(await sources.getByRole('listitem').count()).toBeGreaterThan(0);

    const chip = chat()
      .getByRole('button', { name: /^Source \d+:/ })
      .first();
    await chip.click();
    const open = chat().getByRole('button', { name: 'Open in knowledge base' });
    await open.first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('doc'), { timeout: 10_000 }).not.toBeNull();
    await manager()
      .getByRole('article', { name: /^Document / })
      .waitFor();
  });

  it('uploads a Markdown file, waits until it is processed, then answers from it and cites it', async () => {
    await manager()
      .getByLabel('Files to add')
      .setInputFiles({
        name: 'capybara-care.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(
          '# Capybara care\n\nCapybaras need a pond to bathe in every day; Marmalade the capybara prefers warm water at 28 degrees.\n',
        ),
      });
    const uploads = manager().getByRole('list', { name: 'Uploads' });
    await uploads.getByText(/^Processed: 1 chunk/).waitFor({ timeout: 30_000 });
    await docList().getByText('capybara-care.md', { exact: true }).waitFor();

    const sources = await ask('What water temperature does Marmalade the capybara prefer?', 2);
    await sources.getByText('capybara-care.md').first().waitFor({ timeout: 10_000 });
    const answer = chat().getByRole('article', { name: 'Assistant' }).last();
    expect(await answer.textContent()).toMatch(/28/);

    const imagesDir = fileURLToPath(new URL('../../docs/images/', import.meta.url));
    mkdirSync(imagesDir, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${imagesDir}knowledge.png`, animations: 'disabled', caret: 'hide' });
    expect(pageErrors).toEqual([]);
  });
});
