/**
 * Document parsing and chunking: Markdown sections (headings, fences), HTML to sections, and — as properties over
 * arbitrary section lists — chunks never exceed `size`, never span sections, keep every word in order, and repeat
 * at most `overlap` characters of the previous chunk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkSections } from '../../../../src/server/local/engine/knowledge/parse/chunkSections';
import { htmlToMarkdown } from '../../../../src/server/local/engine/knowledge/parse/htmlToMarkdown';
import { parseMarkdown } from '../../../../src/server/local/engine/knowledge/parse/parseMarkdown';
import { detectKind } from '../../../../src/server/local/engine/knowledge/parse/parseDocument';

describe('parseMarkdown', () => {
  it('opens a section per heading, titled by its heading path; fences never open one', () => {
    const parsed = parseMarkdown(
      [
        '# Guide',
        'intro',
        '## Install',
        'npm i',
        '```sh',
        '# not a heading',
        '',
        'still code',
        '```',
        '### Deep',
        'x',
        '## Use',
        'y',
      ].join('\n'),
    );
    expect(parsed.title).toBe('Guide');
    expect(parsed.sections).toEqual([
      { title: 'Guide', paragraphs: ['intro'] },
      { title: 'Guide > Install', paragraphs: ['npm i', '```sh\n# not a heading\n\nstill code\n```'] },
      { title: 'Guide > Install > Deep', paragraphs: ['x'] },
      { title: 'Guide > Use', paragraphs: ['y'] },
    ]);
  });

  it('treats plain text as one section of paragraphs, never as headings', () => {
    expect(parseMarkdown('# one\n\ntwo\r\nthree', 'txt').sections).toEqual([
      { title: '', paragraphs: ['# one', 'two\nthree'] },
    ]);
  });
});

describe('htmlToMarkdown and detectKind', () => {
  it('keeps headings and blocks, drops scripts, styles, comments and declarations, decodes entities', () => {
    const text = htmlToMarkdown(
      '<?xml version="1.0"?><!DOCTYPE html><html><head><title>T</title><script>x()</script></head><body><!-- c --><h2>A &amp; B</h2><p>one<br>two</p><ul><li>&#x4e2d;&#25991;</li></ul></body></html>',
    );
    expect(text).toBe('## A & B\n\none\ntwo\n\n中文');
  });

  it('detects the kind from doc_type, content type, name, then content', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(detectKind({ bytes: bytes('x'), docType: 'pdf' })).toBe('pdf');
    expect(detectKind({ bytes: bytes('x'), contentType: 'text/html; charset=utf-8' })).toBe('html');
    expect(detectKind({ bytes: bytes('x'), name: 'https://a.b/c.txt?x=1' })).toBe('txt');
    expect(detectKind({ bytes: bytes('%PDF-1.7 ...') })).toBe('pdf');
    expect(detectKind({ bytes: bytes('  <!DOCTYPE html><p>') })).toBe('html');
    expect(detectKind({ bytes: bytes('# hi') })).toBe('markdown');
  });
});

const word = fc.stringMatching(/^[a-z]{1,12}$/);
const paragraph = fc.array(word, { minLength: 1, maxLength: 60 });
/** Sections with distinct titles and every word made unique (a numbered suffix), so repeats can only be overlap. */
const sections = fc
  .array(fc.array(paragraph, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 })
  .map((list) => {
    let n = 0;
    return list.map((paragraphs, i) => ({
      title: `Section ${i}`,
      paragraphs: paragraphs.map((words) => words.map((w) => `${w}${n++}`).join(' ')),
    }));
  });
const settings = fc
  .integer({ min: 50, max: 400 })
  .chain((size) => fc.record({ size: fc.constant(size), overlap: fc.integer({ min: 0, max: Math.floor(size / 3) }) }));

describe('chunkSections (properties)', () => {
  it('bounds chunk size, keeps sections apart, keeps every word in order, overlaps by at most `overlap`', () => {
    fc.assert(
      fc.property(sections, settings, (input, { size, overlap }) => {
        const chunks = chunkSections(input, { size, overlap });
        for (const section of input) {
          const own = chunks.filter((chunk) => chunk.title === section.title);
          const seen = new Set<string>();
          const words: string[] = [];
          own.forEach((chunk, i) => {
            expect(chunk.content.length).toBeLessThanOrEqual(size);
            const tokens = chunk.content.split(/\s+/);
            // Words seen before can only be the repeated tail of the previous chunk: a prefix of this one.
            const repeated = tokens.findIndex((token) => !seen.has(token));
            const head = repeated < 0 ? tokens : tokens.slice(0, repeated);
            if (i === 0) expect(head).toEqual([]);
            else {
              expect(tokens.slice(head.length).every((token) => !seen.has(token))).toBe(true);
              expect(head.join(' ').length).toBeLessThanOrEqual(overlap);
              expect(own[i - 1]!.content.replace(/\s+/g, ' ').endsWith(head.join(' '))).toBe(true);
            }
            for (const token of tokens.slice(head.length)) {
              seen.add(token);
              words.push(token);
            }
          });
          expect(words).toEqual(section.paragraphs.join(' ').split(' '));
        }
      }),
      { numRuns: 300 },
    );
  });
});
