import fc from 'fast-check';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { closeUnfinished } from '../../../src/components/knowledge-chat/markdown/closeUnfinished';
import { MarkdownBlockParser, lexMarkdown } from '../../../src/components/knowledge-chat/markdown/markdownBlocks';
import { MarkdownView } from '../../../src/components/knowledge-chat/markdown/MarkdownView';
import { safeUrl } from '../../../src/components/knowledge-chat/markdown/safeUrl';

const cite = (n: number): ReactNode => (n <= 3 ? createElement('button', { type: 'button' }, `cite ${n}`) : undefined);
const html = (text: string, streaming = false) =>
  renderToStaticMarkup(createElement(MarkdownView, { text, streaming, renderCitation: cite }));

/** Markdown-ish text: fragments that exercise every construct, interleaved with arbitrary characters. */
const PIECES = [
  '# ',
  '## ',
  '\n',
  '\n\n',
  '- ',
  '1. ',
  '> ',
  '```',
  '```js\n',
  '~~~',
  '`',
  '**',
  '*',
  '_',
  '~~',
  '[',
  ']',
  '(',
  ')',
  '![',
  'http://x.io/a',
  'javascript:alert(1)',
  'JaVaScRiPt:x',
  'data:text/html,<b>',
  'mailto:a@b.c',
  '<script>',
  '<a href="javascript:x">',
  '| a | b |\n',
  '|---|---|\n',
  '| 1 | 2 |\n',
  '[1]',
  '[2]',
  '[9]',
  '---\n',
  '    ',
  '&amp;',
  '[r]: javascript:x\n',
  '[r]',
  'text ',
  'word',
  '中文',
  '\t',
  '\\',
];
const markdown = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** Every href/src in rendered HTML. */
function urls(markup: string): string[] {
  return [...markup.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('safeUrl', () => {
  it('keeps http, https and mailto only', () => {
    expect(safeUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:x',
      'java\tscript:x',
      'data:text/html,x',
      '/relative',
      'vbscript:x',
      '',
    ])
      expect(safeUrl(bad)).toBeUndefined();
  });
});

describe('closeUnfinished', () => {
  it('closes an open code fence, a half link, an open code span and emphasis', () => {
    expect(closeUnfinished('```js\nconst a')).toBe('```js\nconst a\n```');
    expect(closeUnfinished('see [the docs](https://exa')).toBe('see the docs');
    expect(closeUnfinished('run `npm')).toBe('run `npm`');
    expect(closeUnfinished('very **bold ')).toBe('very **bold**');
    expect(closeUnfinished('gone ~~old')).toBe('gone ~~old~~');
    expect(closeUnfinished('done **text** and `code`')).toBe('done **text** and `code`');
  });

  it('renders an unfinished answer as its finished form would look', () => {
    expect(html('```js\nconst a = 1', true)).toBe(html('```js\nconst a = 1\n```'));
    expect(html('**bold', true)).toContain('<strong>bold</strong>');
    expect(html('a [link](https://x', true)).not.toContain('](');
  });
});

describe('MarkdownView', () => {
  it('renders code blocks, lists, tables, links, emphasis, headings, quotes, rules and images as elements', () => {
    const markup = html(
      [
        '# Title',
        'Some *em*, **strong**, ~~del~~ and `code` with [a link](https://example.com "t") [1].',
        '- one\n- two',
        '1. first\n2. second',
        '| a | b |\n|:--|--:|\n| 1 | 2 |',
        '> quoted',
        '---',
        '![alt](https://example.com/i.png)',
        '```ts\nconst x = 1;\n```',
      ].join('\n\n'),
    );
    expect(markup).toContain('<h3 class="vdb-md-heading">Title</h3>');
    expect(markup).toContain('<em>em</em>');
    expect(markup).toContain('<strong>strong</strong>');
    expect(markup).toContain('<del>del</del>');
    expect(markup).toContain('<code class="vdb-md-code">code</code>');
    expect(markup).toContain('href="https://example.com/"');
    expect(markup).toContain('<button type="button">cite 1</button>');
    expect(markup).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(markup).toContain('<ol><li>first</li><li>second</li></ol>');
    expect(markup).toContain('<th scope="col" style="text-align:left">a</th>');
    expect(markup).toContain('<blockquote><p>quoted</p></blockquote>');
    expect(markup).toContain('<hr/>');
    expect(markup).toContain('<img src="https://example.com/i.png" alt="alt"');
    expect(markup).toContain('<pre class="vdb-md-pre" data-lang="ts" tabindex="0"><code>const x = 1;</code></pre>');
  });

  it('shows raw HTML as text and drops unsafe URLs, keeping their text', () => {
    const markup = html('<script>alert(1)</script>\n\nx <b>y</b> [click](javascript:alert(1)) ![i](data:image/png,x)');
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('&lt;b&gt;y&lt;/b&gt;');
    expect(markup).toContain('<span class="vdb-md-unsafe-link">click</span>');
    expect(markup).not.toMatch(/javascript:|data:/);
  });

  it('keeps a marker without a reference as text', () => {
    expect(html('as said [9] and [1]')).toBe('<div><p>as said [9] and <button type="button">cite 1</button></p></div>');
  });
});

describe('MarkdownView properties', () => {
  it('never throws and never renders a javascript: or data: href/src, for any text, finished or streaming', () => {
    fc.assert(
      fc.property(markdown, fc.boolean(), (text, streaming) => {
        const markup = html(text, streaming);
        for (const url of urls(markup)) expect(url).toMatch(/^(https?:|mailto:)/i);
        expect(markup).not.toMatch(/<(script|iframe|object|embed|style)\b/i);
      }),
      { numRuns: 500 },
    );
  });

  it('parses streamed prefixes to the same final blocks (and markup) as the whole text at once', () => {
    fc.assert(
      fc.property(markdown, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const parser = new MarkdownBlockParser();
        const ends = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        for (const end of ends) parser.parse(text.slice(0, end), true);
        const streamed = parser.parse(text, false).blocks;
        const whole = lexMarkdown(text.replace(/\r\n?/g, '\n'));
        expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a thematic break that grows into a line of the paragraph above', ')  [r]: x\n**    **# '],
    ['a table header until its delimiter row has more cells', '| a | b |\n!---\n|---|---|\n'],
    ['raw <a> before a later block (the lexer keeps state across blocks)', '<a href="x">!\n\ndata:text/html,<b>'],
  ])('streams %s to the same blocks as the whole text', (_case, text) => {
    for (let end = 0; end <= text.length; end++) {
      const parser = new MarkdownBlockParser();
      parser.parse(text.slice(0, end), true);
      expect(JSON.stringify(parser.parse(text, false).blocks)).toBe(JSON.stringify(lexMarkdown(text)));
    }
  });

  it('reuses earlier blocks while the text grows', () => {
    const parser = new MarkdownBlockParser();
    const first = parser.parse('# A\n\nPara one.\n\nPara tw', true);
    const second = parser.parse('# A\n\nPara one.\n\nPara two is longer', true);
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks[2]).toBe(first.blocks[2]);
    expect(second.reused).toBeGreaterThanOrEqual(2);
  });
});
