import { chromium, type Browser } from 'playwright';

/**
 * How this project starts Chromium everywhere (vitest browser projects, e2e, the consumer smoke test, benchmarks):
 * Debian's `/usr/bin/chromium`, because Playwright cannot download its own browser here (`CHROMIUM_PATH` overrides),
 * headless, and without the background networking this machine's closed network refuses.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Launches headless Chromium with {@link chromiumLaunchOptions}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}
