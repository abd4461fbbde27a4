import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mswWorkerPlugin } from './mswWorkerPlugin.ts';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/**
 * The playground app. `npm run dev` starts it through scripts/dev.ts (with the local server and, when AK/SK are set,
 * the signing proxy); `npm run build:playground` builds a static copy that runs the engine in the browser.
 * The kit is used from source, as its subpath exports name it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), mswWorkerPlugin()],
  resolve: {
    alias: [
      { find: 'vikingdb-kit/components/styles.css', replacement: src('components/styles.css') },
      // `vikingdb-kit/components/<name>`: one component's entry.
      { find: /^vikingdb-kit\/components\/([\w-]+)$/, replacement: src('components/$1/index.ts') },
      { find: 'vikingdb-kit/components', replacement: src('components/index.ts') },
      { find: 'vikingdb-kit/client', replacement: src('client/index.ts') },
      { find: 'vikingdb-kit/hooks', replacement: src('hooks/index.ts') },
      { find: 'vikingdb-kit/msw', replacement: src('msw/index.ts') },
    ],
  },
  // Outside dist/, so a published package never carries the playground.
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true },
});
