/**
 * The tokenizer shared by the local embedder, BM25 keyword search, rerank and memory search: runs of letters and
 * digits are English-style words; runs of Han characters become overlapping character bigrams (a lone character
 * stays a unigram), the usual dictionary-free way to index Chinese.
 */

/** Han runs, or runs of anything that is not Han, whitespace, punctuation, symbols or control characters. */
const TOKEN_PATTERN = /\p{Script=Han}+|[^\p{Script=Han}\p{Z}\p{P}\p{S}\p{C}]+/gu;
const HAN_START = /^\p{Script=Han}/u;

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** Keep letter case. Default `false` (tokens are lower-cased). */
  caseSensitive?: boolean;
}

/** Splits text into tokens (see the module comment). Always returns a new array; empty for empty text. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const source = options.caseSensitive ? text : text.toLowerCase();
  const tokens: string[] = [];
  for (const match of source.matchAll(TOKEN_PATTERN)) {
    const run = match[0];
    if (!HAN_START.test(run)) {
      tokens.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

/** Token → count. */
export function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
