/**
 * The pages that browser benchmarks measure: bundled for the browser from a `page.tsx` entry with esbuild (React in
 * production mode unless `options` say otherwise), and opened in Chromium until the page's global API is there.
 */
import { build, type BuildOptions } from 'esbuild';
import type { Page } from 'playwright';

/** Bundles `entry` for a browser page and returns the script. `name` is for the error message. */
export async function bundleBenchPage(entry: string, name: string, options: BuildOptions = {}): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    conditions: ['browser'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    ...options,
  });
  const file = out.outputFiles?.[0];
  if (!file) throw new Error(`esbuild produced no output for the ${name} page`);
  return file.text;
}

/**
 * Opens `url` and waits (10 s) until the page has set `globalThis[global]`; a page that does not load rejects with
 * its page errors. Returns the list the page's later errors are collected in.
 */
export async function openBenchPage(page: Page, url: string, global: string, name: string): Promise<Error[]> {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(url);
  await page
    .waitForFunction((key) => key in globalThis, global, { timeout: 10_000 })
    .catch(() => {
      throw new Error(`${name} page did not load: ${errors.map(String).join('; ') || 'no page error'}`);
    });
  return errors;
}
