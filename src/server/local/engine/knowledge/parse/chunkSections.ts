/**
 * Cuts sections into chunks of at most `size` characters: paragraphs are packed whole while they fit; a chunk never
 * spans two sections (a heading always starts a new chunk); a paragraph longer than `size` is split at the last
 * sentence end or space before the limit. Consecutive chunks of one section share `overlap` characters: the next
 * chunk starts with the end of the previous one (from a word boundary).
 */
import type { DocumentSection } from './DocumentSections';

/** One chunk: its section title and text. */
export interface Chunk {
  title: string;
  content: string;
}

function splitLong(text: string, size: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const window = rest.slice(0, size);
    let cut = Math.max(
      window.lastIndexOf('. '),
      window.lastIndexOf('。'),
      window.lastIndexOf('! '),
      window.lastIndexOf('? '),
      window.lastIndexOf('\n'),
    );
    if (cut < size / 2) cut = window.lastIndexOf(' ');
    if (cut < size / 4) cut = size - 1;
    pieces.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trimStart();
  }
  if (rest.trim() !== '') pieces.push(rest.trim());
  return pieces;
}

/** The last at most `overlap` characters of `text`, starting at a word start (empty when the last word is longer). */
function tail(text: string, overlap: number): string {
  if (overlap <= 0) return '';
  if (text.length <= overlap) return text.trim();
  let start = text.length - overlap;
  if (!/\s/.test(text[start - 1]!)) {
    const next = text.slice(start).search(/\s/);
    if (next < 0) return '';
    start += next;
  }
  return text.slice(start).trim();
}

/** Chunks every section (see the module comment). */
export function chunkSections(
  sections: readonly DocumentSection[],
  options: { size: number; overlap: number },
): Chunk[] {
  const { size, overlap } = options;
  const chunks: Chunk[] = [];
  for (const section of sections) {
    // Room for a piece after the repeated tail and the paragraph break.
    const room = Math.max(1, size - overlap - 2);
    const pieces = section.paragraphs.flatMap((paragraph) =>
      paragraph.length > room ? splitLong(paragraph, room) : [paragraph],
    );
    let buffer = '';
    let fresh = false;
    const emit = () => {
      if (fresh && buffer.trim() !== '') chunks.push({ title: section.title, content: buffer.trim() });
      buffer = tail(buffer, overlap);
      fresh = false;
    };
    for (const piece of pieces) {
      if (fresh && buffer.length + 2 + piece.length > size) emit();
      // A tail that leaves no room (only possible for a piece longer than `room`) is dropped, never the limit.
      if (!fresh && buffer !== '' && buffer.length + 2 + piece.length > size) buffer = '';
      buffer = buffer === '' ? piece : `${buffer}\n\n${piece}`;
      fresh = true;
    }
    emit();
  }
  return chunks;
}
