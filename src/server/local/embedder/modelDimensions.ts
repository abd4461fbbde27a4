/** Default dense dimensions of the embedding models VikingDB offers; unknown models get {@link FALLBACK_DIM}. */
export const MODEL_DIMENSIONS: Readonly<Record<string, number>> = {
  'bge-m3': 1024,
  'bge-large-zh': 1024,
  'bge-large-zh-and-m3': 1024,
  'bge-visualized-m3': 1024,
  'doubao-embedding': 2048,
  'doubao-embedding-large': 2048,
  'doubao-embedding-vision': 1024,
};

/** Dimension for a model not in {@link MODEL_DIMENSIONS}. */
export const FALLBACK_DIM = 1024;

/** The default dimension of `model`. */
export function defaultModelDim(model: string): number {
  return MODEL_DIMENSIONS[model] ?? FALLBACK_DIM;
}
