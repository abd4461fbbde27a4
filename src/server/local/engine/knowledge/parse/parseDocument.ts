/**
 * Bytes → {@link ParsedDocument}. The type is taken from the doc's `doc_type`, else the content type, else the
 * name's extension, else sniffed (`%PDF-`, a leading `<html`/`<!doctype html`); anything else is UTF-8 text.
 * PDF needs a `pdfText` function (the Node server passes one backed by `unpdf`; without it PDF imports fail).
 */
import type { ParsedDocument } from './DocumentSections';
import { htmlTitle, htmlToMarkdown } from './htmlToMarkdown';
import { parseMarkdown } from './parseMarkdown';

/** Document kinds the parser understands. */
export type DocumentKind = 'markdown' | 'txt' | 'html' | 'pdf';

const BY_NAME: Record<string, DocumentKind> = {
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  txt: 'txt',
  text: 'txt',
  log: 'txt',
  csv: 'txt',
  json: 'txt',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
};

/** Decides the kind (see the module comment). */
export function detectKind(input: {
  bytes: Uint8Array;
  docType?: string | undefined;
  contentType?: string | undefined;
  name?: string | undefined;
}): DocumentKind {
  const declared = input.docType?.toLowerCase();
  if (declared && BY_NAME[declared]) return BY_NAME[declared];
  const type = input.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  const extension = /\.([a-z0-9]+)$/i.exec(input.name?.split(/[?#]/)[0] ?? '')?.[1]?.toLowerCase();
  if (extension && BY_NAME[extension]) return BY_NAME[extension];
  const head = new TextDecoder().decode(input.bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return 'pdf';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (type === 'text/plain') return 'txt';
  return 'markdown';
}

/** Parses a document of a known kind. */
export async function parseDocument(
  bytes: Uint8Array,
  kind: DocumentKind,
  pdfText: ((bytes: Uint8Array) => Promise<string[]>) | undefined,
): Promise<ParsedDocument> {
  if (kind === 'pdf') {
    if (!pdfText) throw new Error('PDF parsing is not available here (only the Node server parses PDF)');
    const pages = await pdfText(bytes);
    const sections = pages.flatMap((page, i) => {
      const paragraphs = page
        .split(/\n\s*\n|(?<=[.!?。])\n/)
        .map((part) => part.replace(/\s+/g, ' ').trim())
        .filter((part) => part !== '');
      return paragraphs.length > 0 ? [{ title: `Page ${i + 1}`, paragraphs }] : [];
    });
    return { docType: 'pdf', sections, text: pages.join('\n\n') };
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (kind === 'html') {
    const parsed = parseMarkdown(htmlToMarkdown(text), 'html');
    return { ...parsed, title: htmlTitle(text) ?? parsed.title, text: parsed.text };
  }
  return parseMarkdown(text, kind);
}
