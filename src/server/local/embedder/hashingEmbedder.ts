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
import { fnv1a } from './fnv1a';
import { defaultModelDim } from './modelDimensions';
import { termFrequencies, tokenize } from './tokenize';

const SIGN_SEED = 0x9747b28c;

function addFeature(vector: Float32Array, feature: string, weight: number): void {
  const slot = fnv1a(feature) % vector.length;
  const sign = (fnv1a(feature, SIGN_SEED) & 1) === 0 ? 1 : -1;
  vector[slot] = vector[slot]! + sign * weight;
}

function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! * scale;
  return vector;
}

/** Dense hashed vector of one text (see the module comment). */
export function hashDense(text: string, dim: number): Float32Array {
  const vector = new Float32Array(dim);
  const tokens = tokenize(text);
  tokens.forEach((token, i) => {
    addFeature(vector, `w:${token}`, 1);
    const next = tokens[i + 1];
    if (next !== undefined) addFeature(vector, `b:${token} ${next}`, 0.5);
    if (token.length > 3 && /^[^\p{Script=Han}]/u.test(token)) {
      for (let j = 0; j + 3 <= token.length; j++) addFeature(vector, `c:${token.slice(j, j + 3)}`, 0.25);
    }
  });
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
    async embedSparse(texts: readonly string[]) {
      return texts.map((text) => hashSparse(text));
    },
    countTokens(text: string) {
      return tokenize(text).length;
    },
    defaultDim: defaultModelDim,
  };
}
