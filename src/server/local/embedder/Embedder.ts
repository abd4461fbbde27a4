/**
 * The seam between the engine and whatever turns text into vectors. The default is the deterministic
 * {@link createHashingEmbedder} (lexical, no downloads); a real local model can be plugged in by implementing this
 * interface and passing it to the engine.
 */

/** Options of a dense embedding call. */
export interface DenseEmbeddingOptions {
  /** Model name as requested, e.g. `bge-m3`. */
  model: string;
  /** Length of each returned vector. */
  dim: number;
}

/** A sparse vector: token → weight. */
export type SparseVector = Record<string, number>;

/** Turns text into dense and sparse vectors. */
export interface Embedder {
  /** One L2-normalized vector of length `options.dim` per text (an empty text gives a zero vector). */
  embedDense(texts: readonly string[], options: DenseEmbeddingOptions): Promise<Float32Array[]>;
  /**
   * Optional, for embedders whose vectors depend only on the `tokenize` tokens of a text: the vectors
   * `embedDense` gives for texts with these tokens, so a caller that tokenizes anyway (knowledge imports) does it
   * once. Default: absent (callers use `embedDense`).
   */
  embedDenseTokens?(tokens: ReadonlyArray<readonly string[]>, options: DenseEmbeddingOptions): Promise<Float32Array[]>;
  /** One sparse vector per text. */
  embedSparse(texts: readonly string[], options: { model: string }): Promise<SparseVector[]>;
  /** How many tokens a text counts as (for `token_usage`). */
  countTokens(text: string): number;
  /** The dimension used when a request names the model without a dim. */
  defaultDim(model: string): number;
}
