import { createVikingClient, headerAuth, signingProxy, type VikingClient } from 'vikingdb-kit/client';
import type { ActivityLog } from '../activity/activityLog';

/** Where the playground sends its requests. */
export type BackendKind = 'local' | 'browser' | 'cloud';

/** Settings the dev script passes in (see scripts/dev.ts); all optional. */
export const playgroundEnv = {
  /** The local server started by `npm run dev`. */
  localUrl: (import.meta.env['VITE_VIKINGDB_LOCAL_URL'] as string | undefined) ?? 'http://127.0.0.1:8329',
  /** Path of the signing proxy mounted in the Vite dev server, when VIKINGDB_AK/SK are set. */
  cloudProxyPath: import.meta.env['VITE_VIKINGDB_PROXY_PATH'] as string | undefined,
  cloudHost:
    (import.meta.env['VITE_VIKINGDB_HOST'] as string | undefined) ?? 'api-vikingdb.vikingdb.cn-beijing.volces.com',
  cloudRegion: (import.meta.env['VITE_VIKINGDB_REGION'] as string | undefined) ?? 'cn-beijing',
};

/** The origin the in-browser engine answers (intercepted by the MSW service worker; never reaches a network). */
export const IN_BROWSER_URL = 'https://in-browser.vikingdb.local';

/** A connected backend: its client and what to show about it. */
export interface Backend {
  kind: BackendKind;
  client: VikingClient;
  /** What the Connection page shows as the host. */
  host: string;
  region: string;
}

/** Builds the client for a backend; every request is recorded in the activity log. */
export function createBackend(kind: BackendKind, activity: ActivityLog): Backend {
  const onRequestEnd = activity.record;
  switch (kind) {
    case 'local':
      return {
        kind,
        client: createVikingClient({ baseUrl: playgroundEnv.localUrl, auth: headerAuth({}), onRequestEnd }),
        host: playgroundEnv.localUrl,
        region: 'local',
      };
    case 'browser':
      return {
        kind,
        client: createVikingClient({ baseUrl: IN_BROWSER_URL, auth: headerAuth({}), onRequestEnd }),
        host: 'in-browser engine (MSW, data kept in memory)',
        region: 'local',
      };
    case 'cloud':
      return {
        kind,
        client: createVikingClient({
          auth: signingProxy(playgroundEnv.cloudProxyPath ?? '/vikingdb-proxy'),
          region: playgroundEnv.cloudRegion,
          onRequestEnd,
        }),
        host: `${playgroundEnv.cloudHost} (through the signing proxy)`,
        region: playgroundEnv.cloudRegion,
      };
  }
}

let workerStarted: Promise<void> | undefined;

/** Starts the in-browser engine (MSW service worker, seeded with the demo dataset) once. */
export function startInBrowserEngine(): Promise<void> {
  workerStarted ??= (async () => {
    const [{ setupWorker }, { createVikingHandlers }] = await Promise.all([
      import('msw/browser'),
      import('vikingdb-kit/msw'),
    ]);
    const worker = setupWorker(...createVikingHandlers({ seed: 'demo', baseUrl: IN_BROWSER_URL }));
    await worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    });
  })();
  return workerStarted;
}
