/**
 * The TypeScript of the project's documentation (README.md, the Storybook guides and component pages): every ```ts and
 * ```tsx block is type-checked as a module of its own (so each block defines what it uses) against the package
 * sources, the way an app imports them (`vikingdb-kit/client`, …).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root (with a trailing slash). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The components' folder names (`search-explorer`, …): those with an `index.ts`. */
function componentNames(): string[] {
  return readdirSync(`${ROOT}src/components`).filter((name) => existsSync(`${ROOT}src/components/${name}/index.ts`));
}

/** One fenced ts/tsx block of a document. */
export interface CodeBlock {
  /** The document, relative to the root (e.g. `README.md`). */
  document: string;
  /** The line of the opening fence (1-based). */
  line: number;
  lang: 'ts' | 'tsx';
  code: string;
}

/** The ts/tsx blocks of a document (Markdown or MDX), with the line each starts on. */
export function codeBlocks(document: string): CodeBlock[] {
  const markdown = readFileSync(`${ROOT}${document}`, 'utf8');
  const blocks: CodeBlock[] = [];
  const fence = /^```(ts|tsx)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const line = markdown.slice(0, match.index).split('\n').length;
    blocks.push({ document, line, lang: match[1] as 'ts' | 'tsx', code: match[2]! });
  }
  return blocks;
}

/**
 * Type-checks the blocks in one program and returns the problems as `document:line: message` (the line in the
 * document), none when every block compiles.
 */
export function typeCheckCodeBlocks(blocks: readonly CodeBlock[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${ROOT}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    // Exported names a block declares but does not use are fine in documentation.
    noUnusedLocals: false,
    paths: {
      ...config.options.paths,
      'vikingdb-kit/server': ['./src/server/index.ts'],
      'vikingdb-kit/components/styles.css': ['./test/unit/docs/styles.css.d.ts'],
      // One stylesheet per component (`vikingdb-kit/components/search-explorer.css`).
      ...Object.fromEntries(
        componentNames().map((name) => [`vikingdb-kit/components/${name}.css`, ['./test/unit/docs/styles.css.d.ts']]),
      ),
      // One entry per component (`vikingdb-kit/components/search-explorer`).
      'vikingdb-kit/components/*': ['./src/components/*/index.ts'],
    },
  };
  const files = new Map(
    blocks.map((b) => [`${ROOT}test/unit/docs/.blocks/${b.document.replaceAll('/', '_')}-${b.line}.${b.lang}`, b]),
  );
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => {
    const block = files.get(name);
    // `export {}` makes each block a module, so names do not clash between blocks.
    return block ? `${block.code}\nexport {};\n` : readFile(name);
  };
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  return [...files.keys()].flatMap((name) => {
    const source = program.getSourceFile(name)!;
    const block = files.get(name)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
      const { line } = source.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${block.document}:${block.line + 1 + line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  });
}
