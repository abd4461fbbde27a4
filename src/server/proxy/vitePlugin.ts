/**
 * `vikingProxy(options)`: a Vite plugin that mounts the signing proxy on the dev server (and `vite preview`), so
 * a React app in development calls VikingDB through `signingProxy('/vikingdb')` with the keys kept in the Vite
 * process. Typed structurally, so the kit needs no dependency on `vite`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigError } from '../../client/errors/ConfigError';
import { createSigningProxy } from './createSigningProxy';
import { createNodeListener } from './nodeAdapter';
import type { SigningProxyOptions } from './options';

/** The default mount path: `/vikingdb`. */
export const DEFAULT_VITE_PROXY_PATH = '/vikingdb';

/** Options of {@link vikingProxy}: the proxy's options, with `basePath` replaced by `path`. */
export interface VikingProxyPluginOptions extends Omit<SigningProxyOptions, 'basePath'> {
  /** Where the proxy is mounted on the dev server; pair with `signingProxy(path)`. Default `/vikingdb`. */
  path?: string | undefined;
}

/** A Connect middleware, as Vite's `server.middlewares` takes it. */
export type ConnectMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The part of Vite's dev and preview servers the plugin uses. */
export interface ViteServerLike {
  middlewares: { use(middleware: ConnectMiddleware): unknown };
}

/** A Vite plugin object (structurally compatible with Vite's `Plugin`). */
export interface VikingProxyPlugin {
  name: 'vikingdb-kit:signing-proxy';
  configureServer(server: ViteServerLike): void;
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
  const listener = createNodeListener(createSigningProxy({ ...proxyOptions, basePath: mount }));
  const middleware: ConnectMiddleware = (req, res, next) => {
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
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
