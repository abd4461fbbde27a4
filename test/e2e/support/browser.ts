import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright';

export { launchChromium } from '../../support/chromium';

/** The viewport of every e2e page (and so of the README's screenshots). */
export const VIEWPORT = { width: 1280, height: 860 };

const imagesDir = fileURLToPath(new URL('../../../docs/images/', import.meta.url));

/** Saves the page as docs/images/playground-<name>.png (overwriting), the README's and the docs' images. */
export async function saveScreenshot(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  mkdirSync(imagesDir, { recursive: true });
  // Focus may have scrolled the page (an opened row does): the images show it from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Hide the text caret and finish CSS transitions, so the images do not change from run to run for no reason.
  await page.screenshot({
    path: `${imagesDir}playground-${name}.png`,
    fullPage,
    animations: 'disabled',
    caret: 'hide',
  });
}

/** Saves one element of the page, cropped to it, as docs/images/<name>.png (overwriting): a component's image. */
export async function saveElementScreenshot(element: Locator, name: string): Promise<void> {
  mkdirSync(imagesDir, { recursive: true });
  await element.screenshot({ path: `${imagesDir}${name}.png`, animations: 'disabled', caret: 'hide' });
}

/** Collects the page's uncaught errors and console errors, to assert there are none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}
