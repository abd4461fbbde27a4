import { defineConfig } from 'vitest/config';

/**
 * Package gates on the built and packed package (`npm run test:package`, after `npm run build`): browser bundles of
 * the built entries and the consumer smoke test. Kept out of vite.config.ts so `vitest` alone never packs or installs.
 */
export default defineConfig({
  test: {
    name: 'package',
    environment: 'node',
    include: ['test/package/**/*.package.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
