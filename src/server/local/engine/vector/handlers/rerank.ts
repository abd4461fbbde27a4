/**
 * `POST /api/vikingdb/rerank` (api doc §3.16): lexical relevance of each candidate to the query, in [0, 1]: the
 * cosine of their sparse token vectors (non-negative weights, so never below 0). Best first; ties keep request
 * order. `id` indexes the request's `data`; `origin_data` only when `return_origin_data`. `query` is an array of
 * FullModalData (a plain string is accepted too); each `data` entry an array of them (or one object).
 * `model_name`, `model_version`, `instruction` are accepted and ignored. Result `{data, token_usage: {}}`.
 */
import { invalid } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { sparseDot } from '../distance';
import { readModalText } from './readModalText';

function readItems(raw: unknown, path: string): { texts: string; origin: unknown[] } {
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) throw invalid(`${path} must not be empty`);
  return { texts: items.map((item, i) => readModalText(item, `${path}[${i}]`)).join('\n'), origin: items };
}

export const rerank: Handler = async (context, body) => {
  const rawQuery = body.raw('query');
  if (rawQuery === undefined) body.array('query');
  const query = readItems(rawQuery, 'query');
  const data = body.array('data');
  body.optionalString('model_name');
  body.optionalString('model_version');
  body.optionalString('instruction');
  const returnOrigin = body.optionalBoolean('return_origin_data') ?? false;
  const candidates = data.map((raw, i) => readItems(raw, `data[${i}]`));
  const [queryVector, ...vectors] = await context.embedder.embedSparse(
    [query.texts, ...candidates.map((c) => c.texts)],
    { model: 'rerank' },
  );
  const scored = candidates.map((candidate, id) => {
    const score = Math.min(1, Math.max(0, sparseDot(queryVector!, vectors[id]!)));
    const item: Record<string, unknown> = { id, score };
    if (returnOrigin) item['origin_data'] = candidate.origin;
    return item as { id: number; score: number };
  });
  scored.sort((a, b) => (a.score !== b.score ? b.score - a.score : a.id - b.id));
  return { data: scored, token_usage: {} };
};
