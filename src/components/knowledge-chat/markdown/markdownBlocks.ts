import { Lexer, type Token } from 'marked';
import { closeUnfinished } from './closeUnfinished';

/** A link reference definition (`[x]: url`) anywhere changes how earlier blocks read: such text is lexed whole. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

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
 * Parses a growing answer without re-lexing it whole on every chunk. Every block before the last non-blank one is
 * final (nothing appended after it can change it) and is kept, token objects and all, so a memoized renderer skips
 * it; only the tail from the last block on is lexed again. While `streaming`, that tail first has its unfinished
 * syntax closed ({@link closeUnfinished}). Text that did not grow from the previous call (an edit, a new answer) or
 * that holds link reference definitions is lexed whole.
 */
export class MarkdownBlockParser {
  #text = '';
  /** Final blocks of `#text` and the length of text they cover. */
  #stable: Token[] = [];
  #stableLength = 0;

  parse(input: string, streaming: boolean): ParsedBlocks {
    const text = input.replace(/\r\n?/g, '\n');
    if (DEFINITION.test(text)) {
      this.#reset(text);
      return { blocks: lexMarkdown(streaming ? closeUnfinished(text) : text), reused: 0 };
    }
    if (!text.startsWith(this.#text)) this.#reset(text);
    this.#text = text;
    const tailText = text.slice(this.#stableLength);
    const tail = lexMarkdown(tailText);
    // Blocks of the tail before its last non-blank block are final too: move them to the stable part.
    let lastBlock = tail.length - 1;
    while (lastBlock > 0 && tail[lastBlock]!.type === 'space') lastBlock--;
    let covered = 0;
    for (let i = 0; i < lastBlock; i++) covered += tail[i]!.raw.length;
    const reused = this.#stable.length;
    // Raw texts that do not add up to the source (the lexer merged lines) leave everything in the tail.
    if (
      lastBlock > 0 &&
      tailText.slice(0, covered) ===
        tail
          .slice(0, lastBlock)
          .map((t) => t.raw)
          .join('')
    ) {
      this.#stable.push(...tail.slice(0, lastBlock));
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
