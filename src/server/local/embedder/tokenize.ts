/**
 * The tokenizer shared by the local embedder, BM25 keyword search, rerank and memory search: runs of letters and
 * digits are English-style words; runs of Han characters become overlapping character bigrams (a lone character
 * stays a unigram), the usual dictionary-free way to index Chinese.
 *
 * Precisely: after lower-casing, the text is cut into maximal runs of Han characters (`\p{Script=Han}`) and maximal
 * runs of characters that are neither Han nor whitespace, punctuation, symbols or control characters
 * (`\p{Z}\p{P}\p{S}\p{C}`, lone surrogates included); everything else separates tokens. The scan classifies each
 * code point once (ASCII from a table, other BMP characters cached after one regex test), which is several times
 * faster than matching the equivalent Unicode regex.
 */

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** Keep letter case. Default `false` (tokens are lower-cased). */
  caseSensitive?: boolean;
}

const SEPARATOR = 1;
const WORD = 2;
const HAN = 3;

const HAN_CHAR = /^\p{Script=Han}$/u;
const SEPARATOR_CHAR = /^[\p{Z}\p{P}\p{S}\p{C}]$/u;

/** Class of each BMP code unit, filled on first sight (0 = not yet known). */
const bmpClasses = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  const isWord = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  bmpClasses[code] = isWord ? WORD : SEPARATOR;
}

function classOf(char: string): number {
  return HAN_CHAR.test(char) ? HAN : SEPARATOR_CHAR.test(char) ? SEPARATOR : WORD;
}

function bmpClass(code: number): number {
  let kind = bmpClasses[code]!;
  // Lone surrogates are control characters (`\p{Cs}`); a valid pair is classified as one code point by the caller.
  if (kind === 0) bmpClasses[code] = kind = classOf(String.fromCharCode(code));
  return kind;
}

/** Splits text into tokens (see the module comment). Always returns a new array; empty for empty text. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const source = options.caseSensitive ? text : text.toLowerCase();
  const tokens: string[] = [];
  const length = source.length;
  let runStart = 0;
  let runKind = SEPARATOR;
  let i = 0;
  while (i <= length) {
    let kind = SEPARATOR;
    let width = 1;
    if (i < length) {
      const code = source.charCodeAt(i);
      if (code < 0x80) kind = bmpClasses[code]!;
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        const low = source.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          width = 2;
          kind = classOf(source.slice(i, i + 2));
        } else kind = bmpClass(code);
      } else kind = bmpClass(code);
    }
    if (kind !== runKind) {
      if (runKind === WORD) tokens.push(source.slice(runStart, i));
      else if (runKind === HAN) pushHanBigrams(source.slice(runStart, i), tokens);
      runKind = kind;
      runStart = i;
    }
    i += width;
  }
  return tokens;
}

function pushHanBigrams(run: string, tokens: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) tokens.push(run);
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
}

/** Token → count. */
export function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
