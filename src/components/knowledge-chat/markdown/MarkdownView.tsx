import { Fragment, memo, useMemo, useState, type ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import { decodeEntities } from './decodeEntities';
import { MarkdownBlockParser } from './markdownBlocks';
import { safeUrl } from './safeUrl';

/** Renders an inline citation marker `[n]`; `undefined` keeps the marker as text (no such reference). */
export type RenderCitation = (number: number) => ReactNode | undefined;

/** Props of {@link MarkdownView}. */
export interface MarkdownViewProps {
  /** The Markdown text (GitHub flavoured). */
  text: string;
  /** The text is still growing: unfinished syntax at its end is closed before parsing. Default: false. */
  streaming?: boolean | undefined;
  /** Turns `[n]` markers in text into citation chips. Default: markers stay text. */
  renderCitation?: RenderCitation | undefined;
  className?: string | undefined;
}

const CITATION = /\[(\d{1,3})\]/g;

function textWithCitations(text: string, renderCitation: RenderCitation | undefined): ReactNode {
  const decoded = decodeEntities(text);
  if (!renderCitation || !decoded.includes('[')) return decoded;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of decoded.matchAll(CITATION)) {
    const chip = renderCitation(Number(match[1]));
    if (chip === undefined) continue;
    if (match.index > last) parts.push(decoded.slice(last, match.index));
    parts.push(<Fragment key={match.index}>{chip}</Fragment>);
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return decoded;
  if (last < decoded.length) parts.push(decoded.slice(last));
  return parts;
}

function inlines(tokens: readonly Token[] | undefined, cite: RenderCitation | undefined): ReactNode[] {
  return (tokens ?? []).map((token, i) => <Fragment key={i}>{inline(token, cite)}</Fragment>);
}

function inline(token: Token, cite: RenderCitation | undefined): ReactNode {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inlines(text.tokens, cite) : textWithCitations(text.text, cite);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong>{inlines((token as Tokens.Strong).tokens, cite)}</strong>;
    case 'em':
      return <em>{inlines((token as Tokens.Em).tokens, cite)}</em>;
    case 'del':
      return <del>{inlines((token as Tokens.Del).tokens, cite)}</del>;
    case 'codespan':
      return <code className="vdb-md-code">{decodeEntities((token as Tokens.Codespan).text)}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const link = token as Tokens.Link;
      const href = safeUrl(link.href);
      const content = inlines(link.tokens, cite);
      if (!href) return <span className="vdb-md-unsafe-link">{content}</span>;
      return (
        <a href={href} title={link.title ?? undefined} target="_blank" rel="noopener noreferrer nofollow">
          {content}
        </a>
      );
    }
    case 'image': {
      const image = token as Tokens.Image;
      const src = safeUrl(image.href);
      if (!src || src.startsWith('mailto:')) return decodeEntities(image.text);
      return <img src={src} alt={decodeEntities(image.text)} title={image.title ?? undefined} loading="lazy" />;
    }
    case 'checkbox':
      return <input type="checkbox" checked={(token as Tokens.Checkbox).checked} readOnly disabled />;
    // Raw HTML is never interpreted: it is shown as the text it is.
    case 'html':
    default:
      return token.raw;
  }
}

function listItem(item: Tokens.ListItem, cite: RenderCitation | undefined, i: number): ReactNode {
  // A tight list item holds text tokens; a loose one holds paragraphs.
  return <li key={i}>{item.loose ? blocks(item.tokens, cite) : item.tokens.map((t, j) => itemPart(t, cite, j))}</li>;
}

function itemPart(token: Token, cite: RenderCitation | undefined, key: number): ReactNode {
  return token.type === 'text' || token.type === 'checkbox' ? (
    <Fragment key={key}>{inline(token, cite)}</Fragment>
  ) : (
    <Fragment key={key}>{block(token, cite)}</Fragment>
  );
}

function blocks(tokens: readonly Token[], cite: RenderCitation | undefined): ReactNode[] {
  return tokens.map((token, i) => <Fragment key={i}>{block(token, cite)}</Fragment>);
}

function block(token: Token, cite: RenderCitation | undefined): ReactNode {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return <p>{inlines((token as Tokens.Paragraph).tokens, cite)}</p>;
    case 'text': {
      const text = token as Tokens.Text;
      return <p>{text.tokens ? inlines(text.tokens, cite) : textWithCitations(text.text, cite)}</p>;
    }
    case 'heading': {
      const heading = token as Tokens.Heading;
      // Answer headings sit below the chat's own (h2): # and ## → h3, ### → h4, … (levels never skip going down).
      const Tag = `h${Math.min(6, Math.max(3, heading.depth + 1))}` as 'h3';
      return <Tag className="vdb-md-heading">{inlines(heading.tokens, cite)}</Tag>;
    }
    case 'code': {
      const code = token as Tokens.Code;
      const lang = code.lang?.split(/\s/)[0];
      return (
        // Focusable, so a code block wider than the answer can be scrolled from the keyboard.
        <pre className="vdb-md-pre" data-lang={lang || undefined} tabIndex={0}>
          <code>{code.text}</code>
        </pre>
      );
    }
    case 'blockquote':
      return <blockquote>{blocks((token as Tokens.Blockquote).tokens, cite)}</blockquote>;
    case 'hr':
      return <hr />;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => listItem(item, cite, i));
      return list.ordered ? (
        <ol start={typeof list.start === 'number' && list.start !== 1 ? list.start : undefined}>{items}</ol>
      ) : (
        <ul>{items}</ul>
      );
    }
    case 'table': {
      const table = token as Tokens.Table;
      const style = (align: Tokens.TableCell['align']) => (align ? { textAlign: align } : undefined);
      return (
        <div className="vdb-md-table" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {table.header.map((cell, i) => (
                  <th key={i} scope="col" style={style(cell.align)}>
                    {inlines(cell.tokens, cite)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={style(cell.align)}>
                      {inlines(cell.tokens, cite)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    // Raw HTML blocks are shown as text, never interpreted.
    case 'html':
      return <p className="vdb-md-html">{token.raw}</p>;
    default:
      return token.raw.trim() === '' ? null : <p>{token.raw}</p>;
  }
}

/** One block, re-rendered only when its token (or the citation renderer) changes. */
const MarkdownBlock = memo(function MarkdownBlock({ token, cite }: { token: Token; cite: RenderCitation | undefined }) {
  return block(token, cite);
});

/**
 * Markdown rendered to React elements from `marked`'s lexer tokens — never through HTML: raw HTML shows as text, and
 * links and images keep only `http:`, `https:` and `mailto:` URLs. While `streaming`, earlier blocks are parsed once
 * and not rendered again; only the growing last block is (see {@link MarkdownBlockParser}).
 */
export function MarkdownView({ text, streaming = false, renderCitation, className }: MarkdownViewProps) {
  const [parser] = useState(() => new MarkdownBlockParser());
  const { blocks: tokens } = useMemo(() => parser.parse(text, streaming), [parser, text, streaming]);
  return (
    <div className={className}>
      {tokens.map((token, i) => (
        <MarkdownBlock key={i} token={token} cite={renderCitation} />
      ))}
    </div>
  );
}
