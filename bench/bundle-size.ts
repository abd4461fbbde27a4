/**
 * Browser bundle size of the client: esbuild (bundle, minify, platform browser, ESM, browser conditions — not
 * node) of an entry using `apiKey`, `aksk` and `signingProxy` clients and one multi-modal search, gzip level 9.
 * Also the share of ky and zod (esbuild metafile), and a check that neither classic zod nor a Node built-in
 * reaches the bundle.
 */
import { builtinModules } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { metric, type BenchResult } from './lib/metric';
import { isMain, runStandalone } from './lib/standalone';

const BROWSER_ENTRY = fileURLToPath(new URL('../src/client/index.ts', import.meta.url));

const ENTRY_SOURCE = `
import { aksk, apiKey, createVikingClient, signingProxy } from ${JSON.stringify(BROWSER_ENTRY)};

const clients = [
  createVikingClient({ auth: apiKey('k') }),
  createVikingClient({ auth: aksk({ accessKeyId: 'AK', secretAccessKey: 'SK' }) }),
  createVikingClient({ auth: signingProxy('/vikingdb') }),
];
for (const client of clients) {
  const hits = await client.vector.index('text', 'text_index').search.multiModal({ text: 'hello', limit: 5 });
  console.log(hits.items.length);
}
`;

/** Node built-ins, with and without `node:`; marked external so a leak shows up as an import, not a build error. */
const NODE_BUILTINS = ['node:*', ...builtinModules];

const log = (line: string) => console.log(`[bundle-size] ${line}`);

/** zod's mini and core parts are allowed; anything else under node_modules/zod/ (e.g. `v4/classic`) is not. */
function isClassicZod(path: string): boolean {
  const match = /node_modules\/zod\/(.*)$/.exec(path);
  if (!match) return false;
  return !/^(v4\/)?(mini|core|v4-mini)\//.test(match[1]!) && !/^v4\/locales\//.test(match[1]!);
}

function bytesOf(inputs: Metafile['outputs'][string]['inputs'], pattern: RegExp): number {
  return Object.entries(inputs)
    .filter(([path]) => pattern.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'vikingdb-kit-bundle-'));
  try {
    const entry = join(dir, 'entry.ts');
    await writeFile(entry, ENTRY_SOURCE);
    const out = await build({
      entryPoints: [entry],
      outfile: join(dir, 'out.js'),
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      conditions: ['browser', 'default'],
      external: NODE_BUILTINS,
      // The entry lives in a temp dir: resolve ky and zod from this package.
      nodePaths: [fileURLToPath(new URL('../node_modules/', import.meta.url))],
      logLevel: 'error',
    });
    const file = out.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output');
    const output = Object.values(out.metafile.outputs)[0];
    if (!output) throw new Error('esbuild metafile has no output');

    const minBytes = file.contents.length;
    const gzipBytes = gzipSync(file.contents, { level: 9 }).length;
    const kyBytes = bytesOf(output.inputs, /node_modules\/ky\//);
    const zodBytes = bytesOf(output.inputs, /node_modules\/zod\//);
    const inputBytes = Object.values(output.inputs).reduce((sum, input) => sum + input.bytesInOutput, 0);
    const classicZod = Object.keys(out.metafile.inputs).filter(isClassicZod);
    const nodeImports = [
      ...new Set([
        ...output.imports.map((i) => i.path),
        ...Object.values(out.metafile.inputs).flatMap((input) =>
          input.imports.filter((i) => i.external).map((i) => i.path),
        ),
      ]),
    ].filter((path) => path.startsWith('node:') || builtinModules.includes(path));

    const kySharePct = (100 * kyBytes) / minBytes;
    const zodSharePct = (100 * zodBytes) / minBytes;
    log(`minified ${(minBytes / 1000).toFixed(2)} kB, gzip -9 ${(gzipBytes / 1000).toFixed(2)} kB`);
    log(
      `share of minified bytes: ky ${(kyBytes / 1000).toFixed(2)} kB (${kySharePct.toFixed(1)}%), zod ${(zodBytes / 1000).toFixed(2)} kB (${zodSharePct.toFixed(1)}%), src ${((inputBytes - kyBytes - zodBytes) / 1000).toFixed(2)} kB`,
    );
    log(`classic zod inputs: ${classicZod.length === 0 ? 'none' : classicZod.join(', ')}`);
    log(`Node built-in imports: ${nodeImports.length === 0 ? 'none' : nodeImports.join(', ')}`);

    const leaks = classicZod.length + nodeImports.length;
    return {
      name: 'bundle-size',
      metrics: [
        metric('bundle-size: browser client, gzip -9', gzipBytes / 1000, 'kB', { target: { op: '<=', value: 16 } }),
        metric('bundle-size: classic zod / Node built-in imports', leaks, '', {
          digits: 0,
          target: { op: '==', value: 0 },
          measured: `${classicZod.length} / ${nodeImports.length}`,
        }),
        metric('bundle-size: ky share of minified bytes', kySharePct, '%', { digits: 1 }),
        metric('bundle-size: zod share of minified bytes', zodSharePct, '%', { digits: 1 }),
      ],
      details: {
        minifiedBytes: minBytes,
        gzipBytes,
        kyBytes,
        zodBytes,
        classicZod,
        nodeImports,
        inputs: Object.fromEntries(
          Object.entries(output.inputs)
            .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
            .map(([path, input]) => [path, input.bytesInOutput]),
        ),
      },
      durationMs: performance.now() - started,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(run);
