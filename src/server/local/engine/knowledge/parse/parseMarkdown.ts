/**
 * Markdown → sections: ATX headings (`#` … `######`) open sections titled by their heading path; paragraphs are
 * separated by blank lines; fenced code blocks (``` or ~~~) stay whole and never open a section. Setext headings and
 * other syntax stay in the text as written (the chunk `content` keeps the Markdown).
 */
import type { DocumentSection, ParsedDocument } from './DocumentSections';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits Markdown (or plain text, which has no headings) into sections. */
export function parseMarkdown(text: string, docType = 'markdown'): ParsedDocument {
  const sections: DocumentSection[] = [];
  const path: string[] = [];
  let current: DocumentSection = { title: '', paragraphs: [] };
  let paragraph: string[] = [];
  let fence: string | undefined;
  let title: string | undefined;

  const endParagraph = () => {
    const joined = paragraph.join('\n').trim();
    if (joined !== '') current.paragraphs.push(joined);
    paragraph = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence !== undefined) {
      paragraph.push(line);
      if (line.trim().startsWith(fence)) {
        fence = undefined;
        endParagraph();
      }
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      endParagraph();
      fence = fenceMatch[1]!.slice(0, 3);
      paragraph.push(line);
      continue;
    }
    const heading = docType === 'txt' ? null : HEADING.exec(line);
    if (heading) {
      endParagraph();
      if (current.paragraphs.length > 0) sections.push(current);
      const level = heading[1]!.length;
      const name = heading[2]!.trim();
      title ??= name;
      path.length = Math.min(path.length, level - 1);
      path.push(name);
      current = { title: path.filter((part) => part !== '').join(' > '), paragraphs: [] };
      continue;
    }
    if (line.trim() === '') endParagraph();
    else paragraph.push(line);
  }
  endParagraph();
  if (current.paragraphs.length > 0) sections.push(current);
  return { docType, title, sections, text };
}
