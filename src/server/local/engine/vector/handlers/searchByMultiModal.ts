/**
 * `POST /api/vikingdb/data/search/multi_modal` (api doc §3.8): embeds `text` with the collection's vectorize model
 * (the local embedder, which handles text only — `image`/`video` are rejected with 400) and searches the dense index.
 * Adds `real_text_query` and `token_usage` to the result. `need_instruction`, `instruction`, `rerank` are ignored.
 */
import { invalid, missing } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { rankDense } from '../denseSearch';
import { resolveIndex } from '../resolveCollection';
import { readSearchBase, searchResult } from '../searchBase';

export const searchByMultiModal: Handler = async (context, body) => {
  const { collection, index } = resolveIndex(context, body);
  const base = readSearchBase(body, index);
  for (const key of ['image', 'video'] as const) {
    if (body.has(key) && body.raw(key) !== '')
      throw invalid(`${key}: the local embedder handles text only; send "text" instead`);
  }
  const text = body.optionalString('text');
  if (text === undefined || text === '') throw missing('text');
  const vectorize = collection.schema.vectorize;
  if (!vectorize)
    throw invalid(
      `collection '${collection.schema.name}' has no vectorize config; use search/vector with a dense_vector`,
    );
  if (vectorize.vectorField !== index.schema.vectorField)
    throw invalid(`index '${index.schema.name}' does not search the vectorized field '${vectorize.vectorField}'`);
  const [query] = await context.embedder.embedDense([text], { model: vectorize.model, dim: vectorize.dim });
  const tokens = context.embedder.countTokens(text);
  const { ranked, matched } = rankDense(index, base, query!, context.now());
  return searchResult(index, ranked, base, matched, {
    real_text_query: text,
    token_usage: { [vectorize.model]: { prompt_tokens: tokens, total_tokens: tokens } },
  });
};
