/**
 * Bundles an entry the way a browser app's bundler would (esbuild: bundle, minify, platform browser, ESM, browser
 * conditions — never `node`) and reports its size and what must never reach a browser: classic zod and Node
 * built-ins. Shared by bench/bundle-size.ts (entries on the sources) and the package gates (entries on the built
 * package, test/package/browserBundles.package.test.ts).
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';

/** This repository's root (entries resolve `vikingdb-kit/*`, ky and zod from here). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The package's peer dependencies: an app brings its own, so they are never counted. */
export const PEERS = ['react', 'react-dom', '@tanstack/react-query', 'msw'] as const;

/** Node built-ins, with and without `node:`; marked external so a leak shows up as an import, not a build error. */
const NODE_BUILTINS = ['node:*', ...builtinModules];

export interface BrowserBundle {
  minifiedBytes: number;
  /** gzip level 9 of the minified output (what size-limit measures, before its 32-byte empty-project offset). */
  gzipBytes: number;
  /** Inputs under `node_modules/zod/` that are not zod/mini, zod's core or its locales. */
  classicZod: string[];
  /** Node built-ins the bundle imports (external, so they would fail in a browser). */
  nodeImports: string[];
  /** Minified bytes each input contributes, largest first (files that only re-export contribute none: not listed). */
  inputs: Record<string, number>;
  /** Every file the bundler read, re-exporting ones included (how each import resolved). */
  files: string[];
}

export interface BrowserBundleOptions {
  /** The entry's source (TypeScript/TSX); its relative imports resolve from `resolveDir`. */
  source: string;
  /** Default: the repository root. */
  resolveDir?: string;
  /**
   * Whether to apply the repository's tsconfig `paths`, which map `vikingdb-kit/*` to the sources. Default `false`:
   * `vikingdb-kit/*` then resolves through package.json `exports` to the built `dist/` (browser conditions).
   */
  useTsconfigPaths?: boolean;
  /**
   * Leave every dynamic `import()` out of the bundle (as external), to measure what an app loads first; what those
   * imports load (a locale's strings, a panel opened later) comes on demand. Default `false`: bundled inline.
   */
  firstLoadOnly?: boolean;
}

/** Marks every dynamic `import()` external: its target is a chunk loaded on demand, not part of the first load. */
const ON_DEMAND_IMPORTS_LEFT_OUT: Plugin = {
  name: 'on-demand-imports-left-out',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { external: true } : undefined));
  },
};

/** zod's mini and core parts are allowed; anything else under node_modules/zod/ (e.g. `v4/classic`) is not. */
export function isClassicZod(path: string): boolean {
  const match = /node_modules\/zod\/(.*)$/.exec(path);
  if (!match) return false;
  return !/^(v4\/)?(mini|core|v4-mini)\//.test(match[1]!) && !/^v4\/locales\//.test(match[1]!);
}

/** Sum of the minified bytes of the inputs whose path matches `pattern`. */
export function bytesOf(inputs: Record<string, number>, pattern: RegExp): number {
  return Object.entries(inputs)
    .filter(([path]) => pattern.test(path))
    .reduce((sum, [, bytes]) => sum + bytes, 0);
}

function nodeImportsOf(metafile: Metafile): string[] {
  const output = Object.values(metafile.outputs)[0];
  const paths = [
    ...(output?.imports.map((i) => i.path) ?? []),
    ...Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path)),
  ];
  return [...new Set(paths)].filter((path) => path.startsWith('node:') || builtinModules.includes(path));
}

export async function bundleForBrowser(options: BrowserBundleOptions): Promise<BrowserBundle> {
  const out = await build({
    stdin: { contents: options.source, resolveDir: options.resolveDir ?? REPO_ROOT, loader: 'tsx' },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    outfile: 'out.js',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    conditions: ['browser'],
    jsx: 'automatic',
    external: [...PEERS, ...NODE_BUILTINS],
    ...(options.useTsconfigPaths ? {} : { tsconfigRaw: '{}' }),
    ...(options.firstLoadOnly ? { plugins: [ON_DEMAND_IMPORTS_LEFT_OUT] } : {}),
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  const output = Object.values(out.metafile.outputs)[0];
  if (!file || !output) throw new Error('esbuild produced no output');
  return {
    minifiedBytes: file.contents.length,
    gzipBytes: gzipSync(file.contents, { level: 9 }).length,
    classicZod: Object.keys(out.metafile.inputs).filter(isClassicZod),
    files: Object.keys(out.metafile.inputs),
    nodeImports: nodeImportsOf(out.metafile),
    inputs: Object.fromEntries(
      Object.entries(output.inputs)
        .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
        .map(([path, input]) => [path, input.bytesInOutput]),
    ),
  };
}
