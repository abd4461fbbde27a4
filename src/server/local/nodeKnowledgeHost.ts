/**
 * The Node capabilities of knowledge imports (see `KnowledgeHost`): `file:` documents read from inside `docsDir`
 * only (symlinks resolved before the check, so a link cannot lead out), and PDF text extracted with `unpdf`, loaded
 * on first use by a dynamic import so nothing of it reaches code that never parses a PDF.
 */
import { open, realpath } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportFailure, type KnowledgeHost } from './engine/knowledge/KnowledgeHost';

/** Options of {@link createNodeKnowledgeHost}. */
export interface NodeKnowledgeHostOptions {
  /** Directory `file:` sources must lie in, relative to the working directory. Default: none (`file:` fails). */
  docsDir?: string | undefined;
}

function pathOf(source: string, root: string): string {
  if (source.startsWith('file://')) {
    try {
      return fileURLToPath(source);
    } catch {
      throw new ImportFailure(10003, `not a valid file: URL: ${source.slice(0, 200)}`);
    }
  }
  const path = decodeURIComponent(source.replace(/^file:/, ''));
  return resolve(root, path);
}

async function readInside(source: string, docsDir: string, maxBytes: number) {
  const root = await realpath(resolve(docsDir)).catch(() => {
    throw new ImportFailure(10008, `knowledgeImport.docsDir '${docsDir}' does not exist`);
  });
  const wanted = pathOf(source, root);
  const real = await realpath(wanted).catch(() => {
    throw new ImportFailure(10008, `no such file in docsDir: ${relative(root, wanted) || wanted}`);
  });
  const inside = relative(root, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    throw new ImportFailure(10008, `file: sources must lie inside knowledgeImport.docsDir (${docsDir})`);
  const handle = await open(real, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ImportFailure(10008, `not a regular file: ${inside}`);
    if (stat.size > maxBytes)
      throw new ImportFailure(10005, `the document is ${stat.size} bytes; the limit is ${maxBytes}`);
    const bytes = new Uint8Array(await handle.readFile());
    return { bytes, name: basename(real) };
  } finally {
    await handle.close();
  }
}

async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  // verbosity 0: pdf.js prints only errors (not its Node-build advice on every document).
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}

/** The Node {@link KnowledgeHost}. */
export function createNodeKnowledgeHost(options: NodeKnowledgeHostOptions = {}): KnowledgeHost {
  const docsDir = options.docsDir;
  return {
    readFile: (source, maxBytes) => {
      if (docsDir === undefined)
        return Promise.reject(
          new ImportFailure(10008, 'file: sources need knowledgeImport.docsDir in the config (none is set)'),
        );
      return readInside(source, docsDir, maxBytes);
    },
    pdfText,
  };
}
