/**
 * The README's TypeScript: every ```ts and ```tsx block is type-checked as a module of its own (so each block defines
 * what it uses) against the package sources, the way an app imports them (`vikingdb-kit/client`, …).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

/** The ts/tsx blocks with the line each starts on. */
function codeBlocks(markdown: string): Array<{ line: number; lang: 'ts' | 'tsx'; code: string }> {
  const blocks: Array<{ line: number; lang: 'ts' | 'tsx'; code: string }> = [];
  const fence = /^```(ts|tsx)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const line = markdown.slice(0, match.index).split('\n').length;
    blocks.push({ line, lang: match[1] as 'ts' | 'tsx', code: match[2]! });
  }
  return blocks;
}

const blocks = codeBlocks(readme);

describe('README code blocks', () => {
  it('has TypeScript blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(8);
  });

  it('compile against the package sources', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      `${root}tsconfig.json`,
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
        'vikingdb-kit/components/search-explorer.css': ['./test/unit/docs/styles.css.d.ts'],
        'vikingdb-kit/components/memory-viewer.css': ['./test/unit/docs/styles.css.d.ts'],
        'vikingdb-kit/components/knowledge-chat.css': ['./test/unit/docs/styles.css.d.ts'],
      },
    };
    const files = new Map(blocks.map((b) => [`${root}test/unit/docs/.readme/block-${b.line}.${b.lang}`, b]));
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
    const problems = [...files.keys()].flatMap((name) => {
      const source = program.getSourceFile(name)!;
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
        const { line } = source.getLineAndCharacterOfPosition(d.start ?? 0);
        return `README.md:${files.get(name)!.line + 1 + line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
