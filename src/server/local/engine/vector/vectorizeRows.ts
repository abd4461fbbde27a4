/**
 * Computes the embedding of a vectorized collection's text field for rows about to be written, and the
 * `token_usage` to answer with (`{ [model]: { prompt_tokens, total_tokens } }`, `{}` when nothing was embedded).
 */
import type { EngineContext } from '../EngineContext';
import type { CollectionSchema } from './CollectionSchema';

/** Sets `fields[vectorField]` on each row (in place); returns token usage. */
export async function vectorizeRows(
  context: EngineContext,
  collection: CollectionSchema,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<Record<string, { prompt_tokens: number; total_tokens: number }>> {
  const vectorize = collection.vectorize;
  if (!vectorize || rows.length === 0) return {};
  const texts = rows.map((fields) => {
    const value = fields[vectorize.textField];
    return typeof value === 'string' ? value : '';
  });
  const vectors = await context.embedder.embedDense(texts, { model: vectorize.model, dim: vectorize.dim });
  rows.forEach((fields, i) => {
    fields[vectorize.vectorField] = Array.from(vectors[i]!);
  });
  const tokens = texts.reduce((sum, text) => sum + context.embedder.countTokens(text), 0);
  return { [vectorize.model]: { prompt_tokens: tokens, total_tokens: tokens } };
}
