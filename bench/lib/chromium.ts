/** The benchmarks start Chromium the way the tests do. */
export { launchChromium } from '../../test/support/chromium';
