const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The fence that is still open at the end of `text` (its marker, e.g. "```"), or `undefined`. */
function openFence(lines: readonly string[]): string | undefined {
  let open: string | undefined;
  for (const line of lines) {
    const match = FENCE.exec(line);
    if (!match) continue;
    const marker = match[1]!;
    if (open === undefined) open = marker;
    else if (marker[0] === open[0] && marker.length >= open.length && line.trim() === marker) open = undefined;
  }
  return open;
}

/** Counts unescaped backticks in `text`. */
function countBackticks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '`') count++;
  }
  return count;
}

/** Counts `marker` in `text` outside inline code spans, ignoring backslash-escaped characters. */
function countOutsideCode(text: string, marker: string): number {
  let count = 0;
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '`') inCode = !inCode;
    else if (!inCode && text.startsWith(marker, i)) {
      count++;
      i += marker.length - 1;
    }
  }
  return count;
}

/**
 * Closes the Markdown syntax a stream left open at the end of the LAST block, so a half-received answer renders as it
 * will once complete instead of flickering: an open code fence gets its closing fence, a link whose URL is still
 * arriving (`[text](http://exa`) is shown as its text, an odd inline-code backtick, `**` or `~~` gets its partner.
 * Text that is already complete comes back unchanged.
 */
export function closeUnfinished(block: string): string {
  const lines = block.split('\n');
  const fence = openFence(lines);
  if (fence !== undefined) return `${block.endsWith('\n') ? block : `${block}\n`}${fence}`;
  const lastLine = lines.at(-1) ?? '';
  // A link or image whose destination has not arrived yet: keep its text only.
  const tail = lastLine.replace(/!?\[([^\]\n]*)\]\([^)\s]*$/, '$1');
  // Emphasis and code spans close within a paragraph: count over the last paragraph's lines.
  const before = lines.slice(0, -1);
  const paragraph = [...before.slice(before.lastIndexOf('') + 1), tail].join('\n');
  let suffix = '';
  if (countBackticks(paragraph) % 2 === 1) suffix = '`';
  else {
    if (countOutsideCode(paragraph, '**') % 2 === 1) suffix += '**';
    if (countOutsideCode(paragraph, '~~') % 2 === 1) suffix += '~~';
  }
  if (tail === lastLine && suffix === '') return block;
  // A closing marker after whitespace would not close anything: it goes right after the last word.
  return [...before, suffix === '' ? tail : tail.trimEnd() + suffix].join('\n');
}
