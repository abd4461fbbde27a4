/**
 * `POST /api/vikingdb/embedding` (api doc §3.15) with the engine's {@link Embedder} (by default the deterministic
 * lexical hashing embedder — not semantic). `dense_model` `{name, dim?|ndim?}` → `dense` of `dim` (default: the
 * model's, bge-m3 → 1024; 1..8192); `sparse_model` `{name}` → `sparse` `{token: weight}`. At least one model; 1..1000
 * data items, text only. Result `{data: [{dense?, sparse?}], token_usage: {<model>: {prompt_tokens, total_tokens}}}`.
 */
import { missing, invalid } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { readModalText } from './readModalText';

/** Most items per embedding call. */
export const MAX_EMBEDDING_ITEMS = 1000;

export const embedding: Handler = async (context, body) => {
  const data = body.array('data');
  if (data.length === 0 || data.length > MAX_EMBEDDING_ITEMS)
    throw invalid(`data must contain 1 to ${MAX_EMBEDDING_ITEMS} items (got ${data.length})`);
  const denseModel = body.optionalObject('dense_model');
  const sparseModel = body.optionalObject('sparse_model');
  body.optionalObject('tensor_model');
  if (!denseModel && !sparseModel) throw missing('dense_model', 'or sparse_model is required');
  const texts = data.map((item, i) => readModalText(item, `data[${i}]`));
  const tokens = texts.reduce((sum, text) => sum + context.embedder.countTokens(text), 0);
  const usage = { prompt_tokens: tokens, total_tokens: tokens };
  const items: Array<Record<string, unknown>> = texts.map(() => ({}));
  const tokenUsage: Record<string, typeof usage> = {};
  if (denseModel) {
    const model = denseModel.string('name');
    const dim =
      denseModel.optionalInteger('dim', { min: 1, max: 8192 }) ??
      denseModel.optionalInteger('ndim', { min: 1, max: 8192 }) ??
      context.embedder.defaultDim(model);
    const vectors = await context.embedder.embedDense(texts, { model, dim });
    vectors.forEach((vector, i) => (items[i]!['dense'] = Array.from(vector)));
    tokenUsage[model] = usage;
  }
  if (sparseModel) {
    const model = sparseModel.string('name');
    const vectors = await context.embedder.embedSparse(texts, { model });
    vectors.forEach((vector, i) => (items[i]!['sparse'] = vector));
    tokenUsage[model] = usage;
  }
  return { data: items, token_usage: tokenUsage };
};
