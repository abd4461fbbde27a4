import { Lexer, type Token } from 'marked';
import { closeUnfinished } from './closeUnfinished';

/** A link reference definition (`[x]: url`) anywhere changes how earlier blocks read: such text is lexed whole. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/** Raw `<a>`, `<pre>`, `<code>`, `<kbd>` and `<script>` tags change how the lexer reads later blocks: lexed whole too. */
const STATEFUL_HTML = /<\/?(?:a|pre|code|kbd|script)[\s>]/i;

/** Lexes Markdown (GitHub flavoured) into block tokens. Raw HTML stays `html` tokens, which the renderer shows as text. */
export function lexMarkdown(text: string): Token[] {
  return Lexer.lex(text, { gfm: true, breaks: false });
}

/** Where the blocks of {@link MarkdownBlockParser.parse} came from. */
export interface ParsedBlocks {
  /** The block tokens, earlier ones reused (same objects) from the previous call while the text only grew. */
  blocks: readonly Token[];
  /** How many leading blocks were reused from the previous call. */
  reused: number;
}

/**
 * Parses a growing answer without re-lexing it whole on every chunk. Every block before the last non-blank one that
 * ends before the last two lines (the complete one and the one still being written) is final (nothing appended after it can change it) and is kept, token objects and all, so a memoized renderer skips
 * it; only the tail from the last block on is lexed again. While `streaming`, that tail first has its unfinished
 * syntax closed ({@link closeUnfinished}). Text that did not grow from the previous call (an edit, a new answer) or
 * that holds link reference definitions or lexer-state HTML tags is lexed whole.
 */
export class MarkdownBlockParser {
  #text = '';
  /** Final blocks of `#text` and the length of text they cover. */
  #stable: Token[] = [];
  #stableLength = 0;

  parse(input: string, streaming: boolean): ParsedBlocks {
    const text = input.replace(/\r\n?/g, '\n');
    if (DEFINITION.test(text) || STATEFUL_HTML.test(text)) {
      this.#reset(text);
      return { blocks: lexMarkdown(streaming ? closeUnfinished(text) : text), reused: 0 };
    }
    if (!text.startsWith(this.#text)) this.#reset(text);
    this.#text = text;
    const tailText = text.slice(this.#stableLength);
    const tail = lexMarkdown(tailText);
    // Blocks of the tail before its last non-blank block are final too, but only those that end before the last
    // complete line: that line and the one still being written may yet change what they are, and so where the block
    // above them ends (`**  *` is a thematic break that ends a paragraph, one more character makes it a line of that
    // paragraph; a line followed by a partial `|-` row is a table header until the row turns out to have more cells).
    let lastBlock = tail.length - 1;
    while (lastBlock > 0 && tail[lastBlock]!.type === 'space') lastBlock--;
    const openLineStart = tailText.lastIndexOf('\n') + 1;
    const settledEnd = openLineStart === 0 ? 0 : tailText.lastIndexOf('\n', openLineStart - 2) + 1;
    let covered = 0;
    let finalBlocks = 0;
    while (finalBlocks < lastBlock && covered + tail[finalBlocks]!.raw.length < settledEnd) {
      covered += tail[finalBlocks]!.raw.length;
      finalBlocks++;
    }
    const reused = this.#stable.length;
    // Raw texts that do not add up to the source (the lexer merged lines) leave everything in the tail.
    if (
      finalBlocks > 0 &&
      tailText.slice(0, covered) ===
        tail
          .slice(0, finalBlocks)
          .map((t) => t.raw)
          .join('')
    ) {
      this.#stable.push(...tail.slice(0, finalBlocks));
      this.#stableLength += covered;
    }
    const rest = text.slice(this.#stableLength);
    const last = streaming || rest !== tailText ? lexMarkdown(streaming ? closeUnfinished(rest) : rest) : tail;
    return { blocks: [...this.#stable, ...last], reused };
  }

  #reset(text: string) {
    this.#text = text;
    this.#stable = [];
    this.#stableLength = 0;
  }
}
