/**
 * HTML → Markdown-like text for the section parser: `<h1>`…`<h6>` become `#` headings, block elements (p, div, li,
 * tr, br, pre, blockquote, section…) paragraph breaks, every other tag is dropped, `script`/`style`/`head`/
 * `template`/`noscript` and comments are removed with their content, and character references are decoded. A
 * tolerant pass for documents, not a DOM: what it cannot understand it keeps as text.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  copy: '©',
  reg: '®',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  times: '×',
  deg: '°',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  plusmn: '±',
  trade: '™',
  bull: '•',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwj: '',
  zwnj: '',
};

/** Decodes `&name;`, `&#123;` and `&#x1F600;` (unknown names stay as written). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const BLOCK =
  /^(p|div|li|ul|ol|tr|table|section|article|header|footer|main|nav|aside|blockquote|pre|dl|dt|dd|figure|figcaption|form|hr|br)$/i;

/** The title of an HTML document (`<title>`), if any. */
export function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = match ? decodeEntities(match[1]!.replace(/\s+/g, ' ').trim()) : '';
  return title === '' ? undefined : title;
}

/** Converts HTML to text with `#` headings and blank lines between blocks. */
export function htmlToMarkdown(html: string): string {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<![^>]*>|<\?[\s\S]*?\?>/g, '')
    .replace(/<(script|style|head|template|noscript|svg)\b[\s\S]*?<\/\1\s*>/gi, '');
  let out = '';
  const tag = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g;
  let last = 0;
  for (let match = tag.exec(cleaned); match; match = tag.exec(cleaned)) {
    out += cleaned.slice(last, match.index).replace(/[ \t\r\n]+/g, ' ');
    last = match.index + match[0].length;
    const name = match[1]!;
    const closing = match[0][1] === '/';
    const heading = /^h([1-6])$/i.exec(name);
    if (heading) out += closing ? '\n\n' : `\n\n${'#'.repeat(Number(heading[1]))} `;
    else if (BLOCK.test(name)) out += name.toLowerCase() === 'br' ? '\n' : '\n\n';
  }
  out += cleaned.slice(last).replace(/[ \t\r\n]+/g, ' ');
  return decodeEntities(out)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
