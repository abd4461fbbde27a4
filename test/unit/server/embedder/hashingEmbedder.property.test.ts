/**
 * The hashing embedder and the tokenizer are optimized versions of simple reference implementations (kept below,
 * verbatim): for every input the optimized ones must give exactly the same tokens and bit-identical vectors, since
 * stored embeddings, search results and the tests of every domain depend on them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../../../src/server/local/embedder/fnv1a';
import { createHashingEmbedder, hashDense } from '../../../../src/server/local/embedder/hashingEmbedder';
import { tokenize } from '../../../../src/server/local/embedder/tokenize';

// ---- reference implementations (the original, regex- and string-based versions) ----

const REFERENCE_TOKEN_PATTERN = /\p{Script=Han}+|[^\p{Script=Han}\p{Z}\p{P}\p{S}\p{C}]+/gu;
const REFERENCE_HAN_START = /^\p{Script=Han}/u;

function referenceTokenize(text: string, options: { caseSensitive?: boolean } = {}): string[] {
  const source = options.caseSensitive ? text : text.toLowerCase();
  const tokens: string[] = [];
  for (const match of source.matchAll(REFERENCE_TOKEN_PATTERN)) {
    const run = match[0];
    if (!REFERENCE_HAN_START.test(run)) {
      tokens.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

const REFERENCE_SIGN_SEED = 0x9747b28c;

function referenceAddFeature(vector: Float32Array, feature: string, weight: number): void {
  const slot = fnv1a(feature) % vector.length;
  const sign = (fnv1a(feature, REFERENCE_SIGN_SEED) & 1) === 0 ? 1 : -1;
  vector[slot] = vector[slot]! + sign * weight;
}

function referenceNormalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! * scale;
  return vector;
}

function referenceHashDense(text: string, dim: number): Float32Array {
  const vector = new Float32Array(dim);
  const tokens = referenceTokenize(text);
  tokens.forEach((token, i) => {
    referenceAddFeature(vector, `w:${token}`, 1);
    const next = tokens[i + 1];
    if (next !== undefined) referenceAddFeature(vector, `b:${token} ${next}`, 0.5);
    if (token.length > 3 && /^[^\p{Script=Han}]/u.test(token)) {
      for (let j = 0; j + 3 <= token.length; j++) referenceAddFeature(vector, `c:${token.slice(j, j + 3)}`, 0.25);
    }
  });
  return referenceNormalize(vector);
}

// ---- inputs ----

/** Characters of every class the tokenizer distinguishes, including the edges of its fast paths. */
const INTERESTING = [
  ...'aZz09 _-.,;:!?\'"`~^|+<=>$%&*()[]{}/\\@#\t\n\r\u0000\u007f',
  ...'éÉßİıŞ ΣσςДд', // non-ASCII letters, one lower-casing to two code units (İ)
  '\u00a0', // no-break space (Z)
  '\u2028', // line separator (Z)
  '\u200b', // zero-width space (Cf)
  '\u00ad', // soft hyphen (Cf)
  '→≥—×©€', // symbols and punctuation
  '\u2e7f', // just below the first Han code point
  '\u2e80', // first Han code point (CJK radical)
  ...'中文检索向量数据库',
  '𠀀', // Han, astral (surrogate pair)
  '𝔸', // mathematical letter, astral, not Han
  '😀', // astral symbol
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '٣', // Arabic-Indic digit
  'ー', // katakana prolonged sound mark (Common script)
];

const mixedText = fc
  .array(fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ unit: 'binary', maxLength: 4 }), fc.lorem()), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

describe('tokenize', () => {
  it('gives the same tokens as the reference regex for any text, either case mode', () => {
    fc.assert(
      fc.property(mixedText, fc.boolean(), (text, caseSensitive) => {
        expect(tokenize(text, { caseSensitive })).toEqual(referenceTokenize(text, { caseSensitive }));
      }),
      { numRuns: 2000 },
    );
  });

  it('classifies every code point like the reference regex (alone and between word characters)', () => {
    const mismatches: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      const char = String.fromCodePoint(code);
      const text = `a${char}b${char}`;
      const actual = tokenize(text, { caseSensitive: true });
      const expected = referenceTokenize(text, { caseSensitive: true });
      if (actual.length !== expected.length || actual.some((token, i) => token !== expected[i])) mismatches.push(code);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});

describe('hashDense', () => {
  it('is bit-identical to the reference implementation for any text and dimension', () => {
    fc.assert(
      fc.property(mixedText, fc.constantFrom(1, 3, 8, 64, 256, 1024), (text, dim) => {
        expect(Array.from(hashDense(text, dim))).toEqual(Array.from(referenceHashDense(text, dim)));
      }),
      { numRuns: 1000 },
    );
  });

  it('is bit-identical on real Markdown', async () => {
    const { KNOWLEDGE_CORPUS } = await import('../../../../src/server/local/seed/knowledgeCorpus');
    for (const file of KNOWLEDGE_CORPUS) {
      for (let start = 0; start < file.text.length; start += 2000) {
        const text = file.text.slice(start, start + 2000);
        expect(Array.from(hashDense(text, 256))).toEqual(Array.from(referenceHashDense(text, 256)));
      }
    }
  });

  it('gives the same vectors from tokens (embedDenseTokens) as from texts (embedDense)', async () => {
    const embedder = createHashingEmbedder();
    const texts = fc.sample(mixedText, { numRuns: 200, seed: 7 });
    const fromTexts = await embedder.embedDense(texts, { model: 'any', dim: 64 });
    const fromTokens = await embedder.embedDenseTokens!(
      texts.map((text) => tokenize(text)),
      { model: 'any', dim: 64 },
    );
    expect(fromTokens.map((vector) => Array.from(vector))).toEqual(fromTexts.map((vector) => Array.from(vector)));
  });
});
