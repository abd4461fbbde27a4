import { createVikingClient, headerAuth, type VikingClient } from 'vikingdb-kit/client';
import type { ActivityLog } from '../activity/activityLog';
import { createCloudClient, loadCloudSettings, type CloudSettings } from './cloudSettings';

/** Where the playground sends its requests. */
export type BackendKind = 'local' | 'browser' | 'cloud';

/** Settings the dev script passes in (see scripts/dev.ts); all optional. */
export const playgroundEnv = {
  /** The local server started by `npm run dev`. */
  localUrl: (import.meta.env['VITE_VIKINGDB_LOCAL_URL'] as string | undefined) ?? 'http://127.0.0.1:8329',
  /** Path of the signing proxy mounted in the Vite dev server, when VIKINGDB_AK/SK are set. */
  cloudProxyPath: import.meta.env['VITE_VIKINGDB_PROXY_PATH'] as string | undefined,
  // `||`: the dev script passes '' when the variable is not set.
  cloudHost:
    (import.meta.env['VITE_VIKINGDB_HOST'] as string | undefined) || 'api-vikingdb.vikingdb.cn-beijing.volces.com',
  cloudRegion: (import.meta.env['VITE_VIKINGDB_REGION'] as string | undefined) || 'cn-beijing',
};

/** The cloud connection the Connection page's form starts from: the dev server's signing proxy, if any. */
export const DEFAULT_CLOUD: CloudSettings = {
  host: playgroundEnv.cloudHost,
  region: playgroundEnv.cloudRegion,
  auth: 'signingProxy',
  proxyUrl: playgroundEnv.cloudProxyPath ?? '/vikingdb-proxy',
  apiKey: '',
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
    case 'cloud': {
      // The Connection page's form (saved for this tab), else the dev server's signing proxy.
      const settings = loadCloudSettings(DEFAULT_CLOUD);
      return {
        kind,
        client: createCloudClient(settings, onRequestEnd),
        host: `${settings.host} (${settings.auth === 'apiKey' ? 'API key' : `through the signing proxy ${settings.proxyUrl}`})`,
        region: settings.region,
      };
    }
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
