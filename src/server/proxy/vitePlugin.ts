/**
 * `vikingProxy(options)`: a Vite plugin that mounts the signing proxy on the dev server (and `vite preview`), so
 * a React app in development calls VikingDB through `signingProxy('/vikingdb')` with the keys kept in the Vite
 * process. Typed structurally, so the kit needs no dependency on `vite`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigError } from '../../client/errors/ConfigError';
import { createSigningProxy } from './createSigningProxy';
import type { AllowedHostsOption } from '../shared/allowedHosts';
import { createNodeListener, type NodeListener } from './nodeAdapter';
import type { SigningProxyOptions } from './options';

/** The default mount path: `/vikingdb`. */
export const DEFAULT_VITE_PROXY_PATH = '/vikingdb';

/**
 * Options of {@link vikingProxy}: the proxy's options, with `basePath` replaced by `path`. `allowedHosts` defaults to
 * Vite's own `server.allowedHosts` (`preview.allowedHosts` for `vite preview`), else loopback only.
 */
export interface VikingProxyPluginOptions extends Omit<SigningProxyOptions, 'basePath'> {
  /** Where the proxy is mounted on the dev server; pair with `signingProxy(path)`. Default `/vikingdb`. */
  path?: string | undefined;
}

/** A Connect middleware, as Vite's `server.middlewares` takes it. */
export type ConnectMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The part of Vite's dev and preview servers the plugin uses. */
export interface ViteServerLike {
  /** The Connect stack the proxy is mounted on. */
  middlewares: {
    /** Adds a middleware. */
    use(middleware: ConnectMiddleware): unknown;
  };
  /** Vite's resolved config: `server.allowedHosts` / `preview.allowedHosts` are inherited when the plugin sets none. */
  config?:
    | {
        server?: { allowedHosts?: AllowedHostsOption | undefined } | undefined;
        preview?: { allowedHosts?: AllowedHostsOption | undefined } | undefined;
      }
    | undefined;
}

/** A Vite plugin object (structurally compatible with Vite's `Plugin`). */
export interface VikingProxyPlugin {
  name: 'vikingdb-kit:signing-proxy';
  /** Mounts the proxy on `vite dev`. */
  configureServer(server: ViteServerLike): void;
  /** Mounts the proxy on `vite preview`. */
  configurePreviewServer(server: ViteServerLike): void;
}

/**
 * Creates the plugin. Options are validated when the plugin is created, so a bad upstream URL fails the Vite start.
 *
 * @example
 * // vite.config.ts
 * import { vikingProxy } from 'vikingdb-kit/server';
 * export default defineConfig({
 *   plugins: [
 *     react(),
 *     vikingProxy({
 *       credentials: { accessKeyId: process.env.VIKINGDB_AK!, secretAccessKey: process.env.VIKINGDB_SK! },
 *       region: 'cn-beijing',
 *     }),
 *   ],
 * });
 * // app: createVikingClient({ auth: signingProxy('/vikingdb') })
 */
export function vikingProxy(options: VikingProxyPluginOptions): VikingProxyPlugin {
  const { path = DEFAULT_VITE_PROXY_PATH, ...proxyOptions } = options;
  const mount = path.replace(/\/+$/, '');
  if (!mount.startsWith('/')) {
    throw new ConfigError(`vikingProxy path "${path}" must start with "/" and not be the root (e.g. "/vikingdb").`);
  }
  // Built now so bad options fail the Vite start; rebuilt per server when it inherits Vite's allowedHosts.
  const own = createNodeListener(createSigningProxy({ ...proxyOptions, basePath: mount }));
  const listenerFor = (viteAllowedHosts: AllowedHostsOption | undefined) =>
    proxyOptions.allowedHosts !== undefined || viteAllowedHosts === undefined
      ? own
      : createNodeListener(createSigningProxy({ ...proxyOptions, allowedHosts: viteAllowedHosts, basePath: mount }));
  const middleware =
    (listener: NodeListener): ConnectMiddleware =>
    (req, res, next) => {
      const url = req.url ?? '/';
      const pathname = url.split('?', 1)[0]!;
      if (pathname !== mount && !pathname.startsWith(`${mount}/`)) {
        next();
        return;
      }
      listener(req, res);
    };
  return {
    name: 'vikingdb-kit:signing-proxy',
    configureServer(server) {
      server.middlewares.use(middleware(listenerFor(server.config?.server?.allowedHosts)));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(listenerFor(server.config?.preview?.allowedHosts)));
    },
  };
}
