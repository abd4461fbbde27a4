import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './test/support/chromium.ts';

/** Chromium as the whole project starts it (test/support/chromium.ts). */
const chromium = playwright({ launchOptions: chromiumLaunchOptions });

/** A file under src/, for aliases of the kit's subpath exports. */
const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  test: {
    // Off by default (watch mode stays fast); `npm test` runs `vitest run --coverage`. Thresholds apply per glob.
    coverage: {
      provider: 'v8',
      include: [
        'src/client/**/*.ts',
        'src/hooks/**/*.{ts,tsx}',
        'src/server/local/engine/**/*.ts',
        'src/server/local/http/**/*.ts',
        'src/server/proxy/**/*.ts',
        'src/components/**/*.{ts,tsx}',
      ],
      // Stories and their helpers are not part of the package; the components' own tests are (browser, storybook).
      exclude: ['**/*.stories.tsx', 'src/components/**/stories/**'],
      reporter: ['text-summary', 'json-summary', 'html'],
      thresholds: {
        'src/client/**/*.ts': { lines: 90 },
        'src/server/local/engine/**/*.ts': { lines: 90 },
        'src/hooks/**/*.{ts,tsx}': { lines: 90 },
        'src/server/local/http/**/*.ts': { lines: 90 },
        'src/server/proxy/**/*.ts': { lines: 90 },
        'src/components/**/*.{ts,tsx}': { lines: 90 },
      },
    },
    projects: [
      {
        extends: true,
        // The examples import the package by name; in the node project that is the source, not a (stale) dist build.
        // Only here: a root `resolve.alias` would be inherited by every `extends: true` project (jsdom, browser).
        resolve: {
          alias: [
            {
              find: /^vikingdb-kit\/client$/,
              replacement: fileURLToPath(new URL('./src/client/index.node.ts', import.meta.url)),
            },
          ],
        },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
          exclude: ['**/*.jsdom.test.*'],
          typecheck: {
            enabled: true,
            include: ['test/types/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
            // Source errors are the typecheck script's job; here only the type tests' own assertions count.
            ignoreSourceErrors: true,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['test/**/*.jsdom.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        // The playground's pages (test/browser/playground) import the kit by name: here that is the source.
        resolve: {
          alias: [
            { find: 'vikingdb-kit/components/styles.css', replacement: source('components/styles.css') },
            { find: /^vikingdb-kit\/components\/([\w-]+)$/, replacement: source('components/$1/index.ts') },
            { find: 'vikingdb-kit/components', replacement: source('components/index.ts') },
            { find: 'vikingdb-kit/client', replacement: source('client/index.ts') },
            { find: 'vikingdb-kit/hooks', replacement: source('hooks/index.ts') },
            { find: 'vikingdb-kit/msw', replacement: source('msw/index.ts') },
          ],
        },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            provider: chromium,
            headless: true,
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        // Playwright against `npm run dev`'s stack and the static playground build (test/e2e). One file at a time:
        // each starts real servers and a browser, and the machine may be small.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Every story renders in chromium, its play function runs, and axe must find no violation (a11y.test 'error').
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook', tags: { exclude: ['skip-test'] } })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            provider: chromium,
            headless: true,
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
