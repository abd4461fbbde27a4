import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/**
 * Serves MSW's service worker at `/mockServiceWorker.js` in dev and emits it into the build, straight from the
 * installed `msw` package (so the worker always matches the library version and nothing generated is committed).
 */
export function mswWorkerPlugin(): Plugin {
  const workerPath = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
  const source = () => readFileSync(workerPath, 'utf8');
  let base = '/';
  return {
    name: 'vikingdb-kit:msw-worker',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `${base}mockServiceWorker.js`) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Service-Worker-Allowed', base);
        res.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: source() });
    },
  };
}
