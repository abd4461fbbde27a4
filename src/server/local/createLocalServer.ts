/**
 * `createLocalServer`: the VikingDB-compatible local server on Node — lmdb (or in-memory) storage, the engine, the
 * Hono HTTP layer, and `@hono/node-server` listening on a port.
 */
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { loadUsearchExactScan } from './ann/usearchExactScan';
import { annIndexNames, loadUsearchFactory } from './ann/usearchIndex';
import { defaultConfig } from './config/defaultConfig';
import { parseLocalConfig, type LocalConfig } from './config/schema';
import { createLocalEngine } from './engine/createLocalEngine';
import type { LocalEngine } from './engine/protocol';
import type { AllowedHostsOption } from '../shared/allowedHosts';
import type { Embedder } from './embedder/Embedder';
import { createHttpApp } from './http/createHttpApp';
import { refuseConnect } from './http/refuseConnect';
import { writeKnownResponse } from './http/writeNodeResponse';
import { stdoutLogger, type RequestLogger } from './http/requestLog';
import type { VerifyCredentials } from './http/verifyV4';
import type { ChatModel } from './llm/ChatModel';
import { loadConfigFile } from './loadConfigFile';
import { prepareModelBackends, type ModelBackendSettings } from './modelBackends';
import { createNodeKnowledgeHost } from './nodeKnowledgeHost';
import { seedDemo } from './seed/demoDataset';
import { acquireDataDirLock, type DataDirLock } from './storage/dataDirLock';
import { claimEmbedding } from './storage/embeddingMarker';
import { createLmdbStorage } from './storage/lmdbStorage';
import { createMemoryStorage } from './engine/storage/memoryStorage';
import type { Storage } from './engine/storage/Storage';

/** The default port: 8329. */
export const DEFAULT_PORT = 8329;
/** The default host: 127.0.0.1 (this machine only). */
export const DEFAULT_HOST = '127.0.0.1';
/** The default data directory: `.vikingdb` under the working directory. */
export const DEFAULT_DATA_DIR = '.vikingdb';

/** Options of {@link createLocalServer}. Every one is optional. */
export interface LocalServerOptions {
  /**
   * A config object (checked and completed with defaults, as a file is), or the path of a JSON config file. Default:
   * `defaultConfig` (the SDK walkthrough collections and the demo ones).
   */
  config?: LocalConfig | string | undefined;
  /** Directory of the lmdb store. Default `.vikingdb`. Ignored with `inMemory`. */
  dataDir?: string | undefined;
  /** Keep everything in memory (nothing survives close). Default `false`. */
  inMemory?: boolean | undefined;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string | undefined;
  /** Port; `0` picks a free one (read it from the result). Default 8329. */
  port?: number | undefined;
  /** Require `Authorization: Bearer <apiKey>`. Default: none. */
  apiKey?: string | undefined;
  /**
   * Require V4 signatures: `true` takes the credentials from the environment variables `VIKINGDB_AK` and
   * `VIKINGDB_SK`; or pass them. With `apiKey` too, either is accepted. Default `false`.
   */
  verifySignature?: boolean | (VerifyCredentials & { regions?: readonly string[] | undefined }) | undefined;
  /**
   * Browser origins that may call the server (see `createHttpApp`); a request from any other origin is refused with
   * 403. Default: pages on this machine (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`).
   */
  corsOrigins?: readonly string[] | undefined;
  /**
   * `Host` names answered besides loopback; others get 403 (DNS rebinding). `true` answers any host. Needed when the
   * server is reached by another name, e.g. `--host 0.0.0.0` from another machine. Default: loopback only.
   */
  allowedHosts?: AllowedHostsOption | undefined;
  /** Largest request body in bytes. Default 4 MiB. */
  maxBodyBytes?: number | undefined;
  /** Milliseconds before writes become visible to index reads. Default 0. */
  indexDelayMs?: number | undefined;
  /** Load the full demo dataset at start (`seedDemo`: 3000 documents, 36 sessions). Default `false`. */
  seed?: boolean | undefined;
  /** One line per request; `false` for none. Default: stdout. */
  log?: RequestLogger | false | undefined;
  /**
   * Text → vectors, used as given. Default: what `models` and the config's `embedder` key ask for — the offline
   * hashing embedder unless they name an OpenAI-compatible server, which is then probed once at start (a dimension
   * that differs from a vectorized collection's is a startup error; the built-in default config follows the model).
   */
  embedder?: Embedder | undefined;
  /**
   * Writes knowledge answers (chat, service chat, query rewrite), used as given. Default: what `models` and the
   * config's `llm` key ask for — none (the engine's built-in extractive model) unless they name a chat server.
   */
  chatModel?: ChatModel | undefined;
  /** Overrides of the config's `embedder` and `llm` keys, key by key (the CLI passes flags and environment). */
  models?: ModelBackendSettings | undefined;
}

/** A running local server. */
export interface LocalServer {
  /** Base URL for clients, e.g. `http://127.0.0.1:8329`. */
  url: string;
  port: number;
  /** The backends in use, in words, e.g. `openai-compatible nomic-embed-text (768 dims) at http://…/v1/embeddings`. */
  models: { embedder: string; chat: string };
  /** Stops accepting connections, lets requests in flight finish, closes the engine and storage. Idempotent. */
  close(): Promise<void>;
}

function signatureCredentials(
  option: LocalServerOptions['verifySignature'],
): (VerifyCredentials & { regions?: readonly string[] | undefined }) | undefined {
  if (!option) return undefined;
  if (option !== true) return option;
  const accessKeyId = process.env['VIKINGDB_AK'];
  const secretAccessKey = process.env['VIKINGDB_SK'];
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('verifySignature needs VIKINGDB_AK and VIKINGDB_SK in the environment (or pass the credentials).');
  }
  return { accessKeyId, secretAccessKey };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts the local server and resolves once it is listening.
 *
 * @example
 * const server = await createLocalServer({ port: 0, inMemory: true, log: false });
 * const client = createVikingClient({ baseUrl: server.url, auth: headerAuth({}) });
 * await server.close();
 */
export async function createLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port must be 0–65535, not ${port}`);
  const host = options.host ?? DEFAULT_HOST;
  const credentials = signatureCredentials(options.verifySignature);
  // An object is checked and completed like a file (idempotent on an already parsed config): a JavaScript caller may
  // pass the JSON of a config file, without the defaults the parsed type carries.
  const givenConfig =
    typeof options.config === 'string'
      ? await loadConfigFile(options.config)
      : options.config === undefined || options.config === defaultConfig
        ? defaultConfig // kept by identity: the built-in config follows a real embedding model's dimension
        : parseLocalConfig(options.config);
  const { config, embedder, chatModel, labels: models, embedding } = await prepareModelBackends(givenConfig, options);

  // Only a config with an `ann` index loads the optional native package (and fails here, clearly, without it).
  const annIndexes = annIndexNames(config);
  const annFactory = annIndexes.length > 0 ? await loadUsearchFactory(annIndexes) : undefined;
  // Exact search uses usearch's SIMD scan when the optional package loads, and JavaScript otherwise.
  const exactScan = await loadUsearchExactScan();

  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const lock: DataDirLock | undefined = options.inMemory ? undefined : await acquireDataDirLock(dataDir, 'serve');
  let engine: LocalEngine;
  try {
    if (lock && embedding) await claimEmbedding(dataDir, embedding);
    const storage: Storage = options.inMemory ? createMemoryStorage() : await createLmdbStorage(dataDir);
    try {
      engine = await createLocalEngine({
        config,
        storage,
        ...(options.indexDelayMs !== undefined && { indexDelayMs: options.indexDelayMs }),
        ...(annFactory && { annFactory }),
        ...(exactScan && { exactScan }),
        ...(embedder && { embedder }),
        ...(chatModel && { chatModel }),
        knowledgeHost: createNodeKnowledgeHost({ docsDir: config.knowledgeImport.docsDir }),
      });
      // Start-up read every record through lmdb's memory map: drop those pages from this process's memory.
      await storage.releaseLoadedPages?.();
    } catch (error) {
      await storage.close();
      throw error;
    }
  } catch (error) {
    await lock?.discard();
    throw error;
  }

  let server: Server | undefined;
  try {
    if (options.seed) await seedDemo(engine, { dataset: 'full' });
    const app = createHttpApp({
      engine,
      apiKey: options.apiKey,
      verifySignature: credentials && {
        credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
        regions: credentials.regions,
      },
      corsOrigins: options.corsOrigins,
      allowedHosts: options.allowedHosts,
      maxBodyBytes: options.maxBodyBytes,
      log: options.log,
    });

    server = createAdaptorServer({
      // The Node bindings let the app read request bodies from the IncomingMessage itself, and JSON answers go out
      // as text, without a web stream.
      fetch: async (request, env) => {
        const response = await app.fetch(request, env);
        // This server is HTTP/1 (createAdaptorServer's default), so the outgoing side is a ServerResponse.
        const { outgoing } = env as HttpBindings;
        return writeKnownResponse(response, outgoing) ? RESPONSE_ALREADY_SENT : response;
      },
      hostname: host,
      overrideGlobalObjects: false,
    }) as Server;
    // Requests count as in flight until their response is fully written (or the connection drops), not merely
    // until the handler returns: node-server writes the body after that.
    let inFlight = 0;
    let drained: (() => void) | undefined;
    server.on('request', (_request, response: ServerResponse) => {
      inFlight++;
      response.once('close', () => {
        inFlight--;
        if (inFlight === 0) drained?.();
      });
    });
    // CONNECT never reaches a request listener: without this, Node drops the connection without an answer.
    const log = options.log === false ? undefined : (options.log ?? stdoutLogger);
    server.on('connect', refuseConnect(log));
    const address = await listen(server, port, host);
    const running = server;
    const url = `http://${urlHost(host)}:${address.port}`;
    await lock?.setUrl(url);

    let closing: Promise<void> | undefined;
    return {
      url,
      port: address.port,
      models,
      close() {
        closing ??= (async () => {
          const stopped = new Promise<void>((resolve) => running.close(() => resolve()));
          running.closeIdleConnections();
          if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
          await engine.close();
          running.closeAllConnections();
          await stopped;
          await lock?.release();
        })();
        return closing;
      },
    };
  } catch (error) {
    server?.close();
    await engine.close();
    // A directory this start created (and perhaps seeded) is removed again: a failed start leaves nothing behind.
    await lock?.discard();
    throw error;
  }
}
