/**
 * BM25 keyword scoring over an index's rows. The corpus (term frequencies, document lengths, document frequencies)
 * is built from the chosen text fields (string, text and list<string> values joined) with the shared tokenizer
 * (English words, Chinese character bigrams) and cached per index version, field set and case mode.
 *
 * score(d) = Σ_t idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl)), idf(t) = ln(1 + (N − df + 0.5)/(df + 0.5)),
 * with N and df over every row of the index. Defaults k1 = 1.2, b = 0.75.
 */
import { termFrequencies, tokenize } from '../../embedder/tokenize';
import type { VectorIndex } from './VectorIndex';

/** BM25 defaults. */
export const DEFAULT_BM25_K1 = 1.2;
export const DEFAULT_BM25_B = 0.75;

interface Corpus {
  version: number;
  docs: Array<Map<string, number>>;
  lengths: number[];
  df: Map<string, number>;
  avgdl: number;
}

const cache = new WeakMap<VectorIndex, Map<string, Corpus>>();

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(' ');
  return '';
}

function corpusOf(index: VectorIndex, fields: readonly string[], caseSensitive: boolean): Corpus {
  let byKey = cache.get(index);
  if (!byKey) {
    byKey = new Map();
    cache.set(index, byKey);
  }
  const key = `${caseSensitive ? 'cs' : 'ci'}|${fields.join('\u0000')}`;
  const cached = byKey.get(key);
  if (cached && cached.version === index.version) return cached;
  const docs: Array<Map<string, number>> = [];
  const lengths: number[] = [];
  const df = new Map<string, number>();
  let total = 0;
  for (let slot = 0; slot < index.size; slot++) {
    const row = index.rows[slot]!;
    const tokens = tokenize(fields.map((field) => textOf(row.fields[field])).join('\n'), { caseSensitive });
    const tf = termFrequencies(tokens);
    docs.push(tf);
    lengths.push(tokens.length);
    total += tokens.length;
    for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const corpus: Corpus = { version: index.version, docs, lengths, df, avgdl: docs.length ? total / docs.length : 0 };
  byKey.set(key, corpus);
  return corpus;
}

/** A scorer for the given query text over `fields` of `index`. */
export function bm25Scorer(
  index: VectorIndex,
  options: { query: string; fields: readonly string[]; caseSensitive: boolean; k1: number; b: number },
): (slot: number) => number {
  const corpus = corpusOf(index, options.fields, options.caseSensitive);
  const terms = [...new Set(tokenize(options.query, { caseSensitive: options.caseSensitive }))];
  const n = corpus.docs.length;
  const idf = terms.map((term) => {
    const df = corpus.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
  const { k1, b } = options;
  const avgdl = corpus.avgdl || 1;
  return (slot) => {
    const tf = corpus.docs[slot]!;
    const norm = k1 * (1 - b + (b * corpus.lengths[slot]!) / avgdl);
    let score = 0;
    terms.forEach((term, i) => {
      const f = tf.get(term);
      if (f !== undefined) score += (idf[i]! * f * (k1 + 1)) / (f + norm);
    });
    return score;
  };
}
