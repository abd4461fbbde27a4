/**
 * What `docs add` sends for each argument: a local file becomes a `data:` URL (base64, MIME type by extension), a URL
 * (`http(s)://`, `tos://`, `file://`, `data:`) is sent as it is for the server to fetch. Each gets a `doc_name` (the
 * file name), a `doc_type` and a `doc_id` derived from the name, so adding the same file again addresses the same
 * document.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fnv1a } from '../local/embedder/fnv1a';
import { UsageError } from './CliIo';

/** Known file types: extension → MIME type and the service's `doc_type`. */
export const FILE_TYPES: Readonly<Record<string, { mime: string; docType: string }>> = {
  '.md': { mime: 'text/markdown', docType: 'markdown' },
  '.markdown': { mime: 'text/markdown', docType: 'markdown' },
  '.txt': { mime: 'text/plain', docType: 'txt' },
  '.html': { mime: 'text/html', docType: 'html' },
  '.htm': { mime: 'text/html', docType: 'html' },
  '.pdf': { mime: 'application/pdf', docType: 'pdf' },
};

/** One document to add. */
export interface DocumentSource {
  /** The argument as given (for messages). */
  label: string;
  docId: string;
  docName: string;
  /** Absent for a URL whose path has no known extension (the server decides). */
  docType?: string | undefined;
  /** `data:` URL of a file, or the URL given. */
  uri: string;
  /** Bytes of a file; absent for URLs. */
  size?: number | undefined;
}

const URL_PATTERN = /^(?:[a-z][a-z0-9+.-]*:\/\/|data:)/i;

/**
 * `doc_` + the name with every character outside `[A-Za-z0-9_]` turned into `_`, at most 128 characters (the
 * service's doc ids are letters, digits and underscores, starting with a letter).
 */
export function docIdFor(name: string): string {
  return `doc_${name.replace(/[^A-Za-z0-9_]+/g, '_')}`.slice(0, 128);
}

function urlSource(arg: string): DocumentSource {
  if (arg.startsWith('data:')) {
    const mime = /^data:([^;,]*)/.exec(arg)?.[1] ?? '';
    const docType = Object.values(FILE_TYPES).find((type) => type.mime === mime)?.docType;
    const docId = docIdFor(`data_${fnv1a(arg).toString(16)}`);
    return { label: `${arg.slice(0, 32)}…`, docId, docName: docId, docType, uri: arg };
  }
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    throw new UsageError(`"${arg}" is not a valid URL`);
  }
  let name = basename(url.pathname);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the encoded name
  }
  name ||= url.hostname || arg;
  const docType = FILE_TYPES[extname(name).toLowerCase()]?.docType;
  return { label: arg, docId: docIdFor(name), docName: name, docType, uri: arg };
}

async function fileSource(path: string): Promise<DocumentSource> {
  const type = FILE_TYPES[extname(path).toLowerCase()];
  if (!type)
    throw new UsageError(
      `${path}: unsupported file type "${extname(path) || '(none)'}"; supported: ${Object.keys(FILE_TYPES).join(', ')} ` +
        '(or pass an http(s):// URL for the server to fetch)',
    );
  let bytes: Buffer;
  try {
    if (!(await stat(path)).isFile()) throw new UsageError(`${path} is not a file`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const name = basename(path);
  return {
    label: path,
    docId: docIdFor(name),
    docName: name,
    docType: type.docType,
    uri: `data:${type.mime};base64,${bytes.toString('base64')}`,
    size: bytes.length,
  };
}

/** The sources of the arguments, in order. @throws UsageError for an unreadable or unsupported file or a bad URL. */
export async function readDocumentSources(args: readonly string[]): Promise<DocumentSource[]> {
  const sources: DocumentSource[] = [];
  for (const arg of args) sources.push(URL_PATTERN.test(arg) ? urlSource(arg) : await fileSource(arg));
  return sources;
}
