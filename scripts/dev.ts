/**
 * `npm run dev`: the local VikingDB-compatible server (data in .vikingdb, seeded with the demo dataset on first
 * start) and the Vite playground, in one process that Ctrl-C stops cleanly. With VIKINGDB_AK and VIKINGDB_SK set,
 * the playground can also reach the real VikingDB through the signing proxy mounted in the Vite dev server; the
 * secrets stay in this process.
 *
 * Environment: VIKINGDB_PORT (local server, default 8329; 0 = any free port), PLAYGROUND_PORT (default 5173),
 * VIKINGDB_DATA (default .vikingdb, or .vikingdb-<model> with a real embedding model, since vectors of different
 * models do not mix), VIKINGDB_AK / VIKINGDB_SK / VIKINGDB_SESSION_TOKEN, VIKINGDB_HOST, VIKINGDB_REGION, and the
 * model backends: VIKINGDB_EMBEDDER, VIKINGDB_EMBEDDING_URL, VIKINGDB_EMBEDDING_MODEL, VIKINGDB_EMBEDDING_API_KEY_ENV,
 * VIKINGDB_LLM_URL, VIKINGDB_LLM_MODEL, VIKINGDB_LLM_API_KEY_ENV (see `vikingdb-kit serve --help`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { PluginOption, ViteDevServer } from 'vite';
import { createServer } from 'vite';
import { createLocalServer } from '../src/server/local/createLocalServer';
import { modelSettingsFromEnv, usesOpenAiEmbedder } from '../src/server/local/modelBackends';

const PROXY_PATH = '/vikingdb-proxy';

async function cloudProxyPlugin(): Promise<PluginOption | undefined> {
  const accessKeyId = process.env['VIKINGDB_AK'];
  const secretAccessKey = process.env['VIKINGDB_SK'];
  if (!accessKeyId || !secretAccessKey) return undefined;
  const region = process.env['VIKINGDB_REGION'] ?? 'cn-beijing';
  const vectorHost = process.env['VIKINGDB_HOST'] ?? `api-vikingdb.vikingdb.${region}.volces.com`;
  const { vikingProxy } = await import('../src/server/proxy/vitePlugin');
  return vikingProxy({
    path: PROXY_PATH,
    credentials: { accessKeyId, secretAccessKey, sessionToken: process.env['VIKINGDB_SESSION_TOKEN'] },
    vector: { url: `https://${vectorHost.replace(/^https?:\/\//, '')}`, region },
    memory: { url: `https://api-knowledgebase.mlp.${region}.volces.com`, region },
  });
}

/** Seed on first start: when the data dir does not exist yet, or exists but is empty (e.g. created by hand). */
function needsSeed(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/** Rejects with the listen error (EADDRINUSE) when `port` on 127.0.0.1 is taken, before any data is written. */
function checkPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** What a failed start means, in one line. */
function startError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EADDRINUSE') return `${message}: the port is taken; set VIKINGDB_PORT (0 = any free port).`;
  return message;
}

/** `.vikingdb`, or `.vikingdb-<model>` when a real embedding model computes the vectors. */
function defaultDataDir(models: ReturnType<typeof modelSettingsFromEnv>): string {
  const model = models.embedder?.model;
  if (!usesOpenAiEmbedder(models.embedder) || !model) return '.vikingdb';
  return `.vikingdb-${model.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
}

async function main() {
  const models = modelSettingsFromEnv(process.env);
  const dataDir = process.env['VIKINGDB_DATA'] ?? defaultDataDir(models);
  const seed = needsSeed(dataDir);
  const port = Number(process.env['VIKINGDB_PORT'] ?? 8329);
  // Before anything touches the data directory: a start that cannot listen creates and seeds nothing.
  await checkPortFree(port);
  const local = await createLocalServer({ dataDir, port, seed, models });
  console.log(`local VikingDB server  ${local.url}  (data: ${dataDir}${seed ? ', seeded with the demo dataset' : ''})`);
  console.log(`  embedder             ${local.models.embedder}`);
  console.log(`  chat                 ${local.models.chat}`);

  let vite: ViteDevServer | undefined;
  let stopping: Promise<void> | undefined;
  /** Closes the playground, then the local server (so its storage is closed cleanly), then exits. */
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C while closing: stop waiting.
      console.log(`\n${signal} again: exiting now.`);
      process.exit(1);
    }
    console.log(`\n${signal}: stopping…`);
    stopping = (async () => {
      const forced = setTimeout(() => {
        console.error('still closing after 10 s; exiting.');
        process.exit(1);
      }, 10_000);
      forced.unref();
      let code = 0;
      for (const close of [() => vite?.close(), () => local.close()]) {
        try {
          await close();
        } catch (error) {
          console.error(error instanceof Error ? error.message : error);
          code = 1;
        }
      }
      if (code === 0) console.log('stopped.');
      process.exit(code);
    })();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));

  try {
    const proxy = await cloudProxyPlugin();
    const server = await withoutViteExitHandlers(() =>
      createServer({
        configFile: fileURLToPath(new URL('../playground/vite.config.ts', import.meta.url)),
        plugins: proxy ? [proxy] : [],
        server: { port: Number(process.env['PLAYGROUND_PORT'] ?? 5173), host: '127.0.0.1' },
        define: {
          'import.meta.env.VITE_VIKINGDB_LOCAL_URL': JSON.stringify(local.url),
          'import.meta.env.VITE_VIKINGDB_DEFAULT_BACKEND': JSON.stringify('local'),
          'import.meta.env.VITE_VIKINGDB_PROXY_PATH': JSON.stringify(proxy ? PROXY_PATH : undefined),
          'import.meta.env.VITE_VIKINGDB_HOST': JSON.stringify(process.env['VIKINGDB_HOST'] ?? ''),
          'import.meta.env.VITE_VIKINGDB_REGION': JSON.stringify(process.env['VIKINGDB_REGION'] ?? 'cn-beijing'),
        },
      }),
    );
    vite = server;
    await server.listen();
    const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
    console.log(`playground             ${url}${proxy ? `  (cloud via ${PROXY_PATH})` : ''}`);
    console.log('press Ctrl-C to stop');
  } catch (error) {
    console.error(startError(error));
    await vite?.close().catch(() => undefined);
    await local.close();
    process.exit(1);
  }
}

/**
 * Runs `create` and removes the exit handlers Vite's dev server installs (SIGTERM, and the end of stdin): they close
 * only Vite and exit at once, before the local server has closed its storage. This script's own handlers stop both.
 */
async function withoutViteExitHandlers<T>(create: () => Promise<T>): Promise<T> {
  const sigterm = new Set(process.listeners('SIGTERM'));
  const stdinEnd = new Set(process.stdin.listeners('end'));
  try {
    return await create();
  } finally {
    for (const listener of process.listeners('SIGTERM')) if (!sigterm.has(listener)) process.off('SIGTERM', listener);
    for (const listener of process.stdin.listeners('end'))
      if (!stdinEnd.has(listener)) process.stdin.off('end', listener as () => void);
  }
}

main().catch((error: unknown) => {
  console.error(startError(error));
  process.exit(1);
});
