import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

/**
 * The components with their own entry (`vikingdb-kit/components/<name>`) and stylesheet
 * (`vikingdb-kit/components/<name>.css`). Add a component here, in package.json `exports` and in .size-limit.js.
 */
const COMPONENTS = ['search-explorer', 'memory-viewer', 'knowledge-base', 'knowledge-chat'] as const;

const read = (path: string) => readFileSync(new URL(`./src/components/${path}`, import.meta.url), 'utf8');

/**
 * Writes each component's self-contained stylesheet (base + its own rules) and `styles.css` (base + every
 * component's) to dist/components: plain CSS, no bundler needed on the app's side.
 */
function writeComponentStyles(): void {
  const out = new URL('./dist/components/', import.meta.url);
  mkdirSync(out, { recursive: true });
  const base = read('primitives/base.css');
  const own = COMPONENTS.map((name) => read(`${name}/${name}.css`));
  COMPONENTS.forEach((name, i) => writeFileSync(new URL(`${name}.css`, out), `${base}\n${own[i]}`));
  writeFileSync(new URL('styles.css', out), [base, ...own].join('\n'));
}

export default defineConfig({
  entry: {
    'client/index': 'src/client/index.ts',
    'client/index.node': 'src/client/index.node.ts',
    'server/cli': 'src/server/cli.ts',
    'server/index': 'src/server/index.ts',
    'hooks/index': 'src/hooks/index.ts',
    'components/index': 'src/components/index.ts',
    ...Object.fromEntries(COMPONENTS.map((name) => [`components/${name}`, `src/components/${name}/index.ts`])),
    'msw/index': 'src/msw/index.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  // Plain CSS shipped as `vikingdb-kit/components/*.css` (components never import it themselves).
  onSuccess: writeComponentStyles,
  deps: {
    neverBundle: [/^node:/, 'ky', /^zod/, 'react', 'react-dom', /^react\//, /^@tanstack\//, /^msw/, 'usearch', 'unpdf'],
  },
});
