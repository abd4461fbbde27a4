/**
 * Fetches the bytes of a document source: `http(s)://` URLs (timeout, size limit, content-type check), `data:` URLs
 * and `file:` paths (through the {@link KnowledgeHost}); `tos://` and Lark sources fail with 10006 (not available
 * locally). Every failure is an {@link ImportFailure}.
 */
import type { KnowledgeImportConfig } from '../../config/schema';
import { ImportFailure, type KnowledgeHost } from './KnowledgeHost';
import type { DocSource } from './KnowledgeRecords';
import { readLimitedBody } from '../../../shared/readLimitedBody';

/** A loaded document. */
export interface LoadedSource {
  bytes: Uint8Array;
  contentType?: string | undefined;
  name?: string | undefined;
}

/** Content types a download may have (the parser handles text, Markdown, HTML and PDF; octet-stream is sniffed). */
const ACCEPTED_TYPES = /^(text\/[a-z0-9.+-]+|application\/(pdf|xhtml\+xml|json|xml|markdown|octet-stream))$/;

function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const read = await readLimitedBody(response, maxBytes);
  if (!read.ok) throw new ImportFailure(10005, `the document is larger than the limit of ${maxBytes} bytes`);
  return read.bytes;
}

async function download(url: string, limits: KnowledgeImportConfig, host: KnowledgeHost): Promise<LoadedSource> {
  const doFetch = host.fetch ?? globalThis.fetch;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), limits.fetchTimeoutMs);
  try {
    let response: Response;
    try {
      response = await doFetch(url, { signal: timeout.signal, redirect: 'follow' });
    } catch (error) {
      if (timeout.signal.aborted)
        throw new ImportFailure(10001, `download timed out after ${limits.fetchTimeoutMs} ms: ${url}`);
      throw new ImportFailure(10002, `download failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImportFailure(10002, `download failed: HTTP ${response.status} from ${url}`);
    }
    const type = mediaType(response.headers.get('content-type'));
    if (type !== '' && !ACCEPTED_TYPES.test(type)) {
      await response.body?.cancel();
      throw new ImportFailure(
        10004,
        `unsupported content type '${type}' (text, Markdown, HTML and PDF documents are supported)`,
      );
    }
    try {
      return { bytes: await readLimited(response, limits.maxDocumentBytes), contentType: type, name: url };
    } catch (error) {
      if (error instanceof ImportFailure) throw error;
      if (timeout.signal.aborted)
        throw new ImportFailure(10001, `download timed out after ${limits.fetchTimeoutMs} ms: ${url}`);
      throw new ImportFailure(10002, `download failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Decodes a `data:[<type>][;base64],<data>` URL. */
export function decodeDataUrl(url: string, maxBytes: number): LoadedSource {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new ImportFailure(10003, 'malformed data: URL (no comma)');
  const meta = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  const base64 = /;base64$/i.test(meta);
  const contentType = mediaType(base64 ? meta.slice(0, -7) : meta) || 'text/plain';
  let bytes: Uint8Array;
  try {
    if (base64) {
      const binary = atob(payload.replace(/\s+/g, ''));
      bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    } else bytes = new TextEncoder().encode(decodeURIComponent(payload));
  } catch {
    throw new ImportFailure(10003, 'malformed data: URL (bad base64 or percent-encoding)');
  }
  if (bytes.byteLength > maxBytes)
    throw new ImportFailure(10005, `the document is ${bytes.byteLength} bytes; the limit is ${maxBytes}`);
  return { bytes, contentType };
}

/** The failure of a source the local server can never reach (TOS objects, Lark documents); `undefined` otherwise. */
export function unreachableSource(source: DocSource): ImportFailure | undefined {
  if (source.kind === 'tos')
    return new ImportFailure(
      10006,
      `TOS objects are not available to the local server (${source.path}); add the document by http(s)/data:/file: instead`,
    );
  if (source.kind === 'lark')
    return new ImportFailure(
      10006,
      'Lark (Feishu) documents are not available to the local server; export the document and add it by URL',
    );
  return undefined;
}

/** Loads a source's bytes. */
export async function loadSource(
  source: DocSource,
  limits: KnowledgeImportConfig,
  host: KnowledgeHost,
): Promise<LoadedSource> {
  switch (source.kind) {
    case 'url':
      return download(source.url, limits, host);
    case 'data':
      return decodeDataUrl(source.url, limits.maxDocumentBytes);
    case 'file': {
      if (!host.readFile)
        throw new ImportFailure(10006, 'file: sources are read only by the Node server (with knowledgeImport.docsDir)');
      const file = await host.readFile(source.path, limits.maxDocumentBytes);
      return { bytes: file.bytes, name: file.name };
    }
    case 'tos':
    case 'lark':
      throw unreachableSource(source)!;
    case 'none':
      throw new ImportFailure(10003, 'the doc has no source (no uri, url, tos_path or lark_file)');
  }
}
