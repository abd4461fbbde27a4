/**
 * The default local embedder: deterministic "feature hashing" of lexical features. It needs no model download and
 * gives the same vector for the same text on every machine, but it is LEXICAL, NOT SEMANTIC: texts are close when
 * they share words (and character n-grams), not when they mean the same thing. Plug a real model in through
 * {@link Embedder} when semantics matter.
 *
 * Dense: features are the tokens of {@link tokenize} (weight 1), adjacent token pairs (weight 0.5) and the character
 * trigrams of each non-Han word (weight 0.25); each feature adds ±weight at a hashed coordinate; the result is
 * L2-normalized. The model name does not change the space (the same text gives the same vector for any model).
 * Sparse: token → (1 + ln tf), L2-normalized.
 */
import type { DenseEmbeddingOptions, Embedder, SparseVector } from './Embedder';
import { defaultModelDim } from './modelDimensions';
import { termFrequencies, tokenize } from './tokenize';

const SIGN_SEED = 0x9747b28c;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a state (as int32) after `text[start, end)`, continuing from `hash`: `fnv1a` without building strings. */
function fnvContinue(hash: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** FNV-1a states of the feature prefixes, for the slot hash (default seed) and the sign hash. */
const WORD_SLOT = fnvContinue(FNV_OFFSET, 'w:', 0, 2);
const WORD_SIGN = fnvContinue(SIGN_SEED, 'w:', 0, 2);
const PAIR_SLOT = fnvContinue(FNV_OFFSET, 'b:', 0, 2);
const PAIR_SIGN = fnvContinue(SIGN_SEED, 'b:', 0, 2);
const GRAM_SLOT = fnvContinue(FNV_OFFSET, 'c:', 0, 2);
const GRAM_SIGN = fnvContinue(SIGN_SEED, 'c:', 0, 2);
const SPACE = 0x20;
/** Lowest code point of `\p{Script=Han}` (U+2E80): a token starting below it is not Han. */
const FIRST_HAN = 0x2e80;
const HAN_START = /^\p{Script=Han}/u;

/** Adds ±weight at the slot of a feature whose two FNV-1a states (slot seed, sign seed) are given. */
function addHashed(vector: Float32Array, slotHash: number, signHash: number, weight: number): void {
  const slot = (slotHash >>> 0) % vector.length;
  const sign = (signHash & 1) === 0 ? 1 : -1;
  vector[slot] = vector[slot]! + sign * weight;
}

function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! * scale;
  return vector;
}

/**
 * Dense hashed vector of one text (see the module comment). Features are hashed straight from the tokens (prefix
 * states precomputed, no feature strings built); the result is bit-identical to hashing each feature string
 * `w:<token>`, `b:<token> <next>`, `c:<trigram>` with `fnv1a`, in that order.
 */
export function hashDense(text: string, dim: number): Float32Array {
  return hashDenseTokens(tokenize(text), dim);
}

/** {@link hashDense} of a text whose {@link tokenize} tokens are `tokens`. */
export function hashDenseTokens(tokens: readonly string[], dim: number): Float32Array {
  const vector = new Float32Array(dim);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const length = token.length;
    addHashed(vector, fnvContinue(WORD_SLOT, token, 0, length), fnvContinue(WORD_SIGN, token, 0, length), 1);
    if (i + 1 < tokens.length) {
      const next = tokens[i + 1]!;
      const slot = Math.imul(fnvContinue(PAIR_SLOT, token, 0, length) ^ SPACE, FNV_PRIME);
      const sign = Math.imul(fnvContinue(PAIR_SIGN, token, 0, length) ^ SPACE, FNV_PRIME);
      addHashed(vector, fnvContinue(slot, next, 0, next.length), fnvContinue(sign, next, 0, next.length), 0.5);
    }
    if (length > 3 && (token.charCodeAt(0) < FIRST_HAN || !HAN_START.test(token))) {
      for (let j = 0; j + 3 <= length; j++)
        addHashed(vector, fnvContinue(GRAM_SLOT, token, j, j + 3), fnvContinue(GRAM_SIGN, token, j, j + 3), 0.25);
    }
  }
  return normalize(vector);
}

/** Sparse weighted tokens of one text. */
export function hashSparse(text: string): SparseVector {
  const counts = termFrequencies(tokenize(text));
  const sparse: SparseVector = {};
  let sum = 0;
  for (const [token, count] of counts) {
    const weight = 1 + Math.log(count);
    sparse[token] = weight;
    sum += weight * weight;
  }
  const scale = sum === 0 ? 0 : 1 / Math.sqrt(sum);
  for (const token of Object.keys(sparse)) sparse[token] = sparse[token]! * scale;
  return sparse;
}

/** Creates the deterministic hashing embedder (no options; stateless). */
export function createHashingEmbedder(): Embedder {
  return {
    async embedDense(texts: readonly string[], options: DenseEmbeddingOptions) {
      return texts.map((text) => hashDense(text, options.dim));
    },
    async embedDenseTokens(tokens: ReadonlyArray<readonly string[]>, options: DenseEmbeddingOptions) {
      return tokens.map((list) => hashDenseTokens(list, options.dim));
    },
    async embedSparse(texts: readonly string[]) {
      return texts.map((text) => hashSparse(text));
    },
    countTokens(text: string) {
      return tokenize(text).length;
    },
    defaultDim: defaultModelDim,
  };
}
