const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL a link or image may point to: absolute `http:`, `https:` or `mailto:` URLs only (after the browser's own
 * parsing, so `java\tscript:` or `JAVASCRIPT:` cannot slip through). Anything else — relative paths, `javascript:`,
 * `data:`, `vbscript:`, unparsable text — gives `undefined`, and the caller renders the text without a link.
 */
export function safeUrl(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
