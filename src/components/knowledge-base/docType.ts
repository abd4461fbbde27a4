/** File extensions → the `doc_type` the knowledge service expects. */
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'txt',
  text: 'txt',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  json: 'json',
  csv: 'csv',
  jsonl: 'jsonl',
  docx: 'docx',
  pptx: 'pptx',
  xlsx: 'xlsx',
};

/** The `doc_type` of a file or URL by its extension; `undefined` (let the service detect it) when unknown. */
export function docTypeOf(name: string): string | undefined {
  const path = name.split(/[?#]/)[0] ?? '';
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  return TYPE_BY_EXTENSION[path.slice(dot + 1).toLowerCase()];
}

/** The last path segment of a URL (its default document name), or the URL itself. */
export function nameOfUrl(url: string): string {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : url;
  } catch {
    return url;
  }
}
