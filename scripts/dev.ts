/**
 * `npm run dev`: the local VikingDB-compatible server (data in .vikingdb, seeded with the demo dataset on first
 * start) and the Vite playground, in one process that Ctrl-C stops cleanly. With VIKINGDB_AK and VIKINGDB_SK set,
 * the playground can also reach the real VikingDB through the signing proxy mounted in the Vite dev server; the
 * secrets stay in this process.
 *
 * Environment: VIKINGDB_PORT (local server, default 8329; 0 = any free port), PLAYGROUND_PORT (default 5173),
 * VIKINGDB_DATA (default .vikingdb), VIKINGDB_AK / VIKINGDB_SK / VIKINGDB_SESSION_TOKEN, VIKINGDB_HOST, VIKINGDB_REGION.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PluginOption } from 'vite';
import { createServer } from 'vite';
import { createLocalServer } from '../src/server/local/createLocalServer';

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

async function main() {
  const dataDir = process.env['VIKINGDB_DATA'] ?? '.vikingdb';
  const firstStart = !existsSync(dataDir);
  const local = await createLocalServer({
    dataDir,
    port: Number(process.env['VIKINGDB_PORT'] ?? 8329),
    seed: firstStart,
  });
  console.log(
    `local VikingDB server  ${local.url}  (data: ${dataDir}${firstStart ? ', seeded with the demo dataset' : ''})`,
  );

  const proxy = await cloudProxyPlugin();
  const vite = await createServer({
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
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  console.log(`playground             ${url}${proxy ? `  (cloud via ${PROXY_PATH})` : ''}`);
  console.log('press Ctrl-C to stop');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await vite.close();
    await local.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
