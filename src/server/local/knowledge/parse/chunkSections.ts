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

function tail(text: string, overlap: number): string {
  if (overlap <= 0 || text.length <= overlap) return overlap <= 0 ? '' : text;
  const start = text.length - overlap;
  const space = text.indexOf(' ', start);
  return (space >= 0 && space < text.length - 1 ? text.slice(space + 1) : text.slice(start)).trim();
}

/** Chunks every section (see the module comment). */
export function chunkSections(
  sections: readonly DocumentSection[],
  options: { size: number; overlap: number },
): Chunk[] {
  const { size, overlap } = options;
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const pieces = section.paragraphs.flatMap((paragraph) =>
      paragraph.length > size - overlap ? splitLong(paragraph, Math.max(1, size - overlap)) : [paragraph],
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
      buffer = buffer === '' ? piece : `${buffer}\n\n${piece}`;
      fresh = true;
    }
    emit();
  }
  return chunks;
}
