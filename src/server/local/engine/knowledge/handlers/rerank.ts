/**
 * `POST /api/knowledge/service/rerank` (knowledge api doc §3.4): `datas` (1–200 items of `{query, content, title,
 * image}`) → `{scores, token_usage}` with one score per item in request order: the cosine of the sparse token
 * vectors of the item's query and its `title` + `content`, in [0, 1]. `token_usage` is an integer (an object
 * fails the SDK). `rerank_model`, `rerank_instruction`, `endpoint_id` are accepted and ignored.
 */
import { isJsonObject } from '../../BodyReader';
import { invalid } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { sparseDot } from '../../vector/distance';

/** Most items one call may score. */
const MAX_DATAS = 200;

function textOf(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalid(`${path} must be a string`);
}

export const knowledgeRerank: Handler = async (context, body) => {
  const datas = body.array('datas');
  if (datas.length === 0) throw invalid('datas must not be empty');
  if (datas.length > MAX_DATAS) throw invalid(`datas has ${datas.length} items; at most ${MAX_DATAS}`);
  body.optionalString('rerank_model');
  body.optionalString('rerank_instruction');
  body.optionalString('endpoint_id');
  const pairs = datas.map((item, i) => {
    if (!isJsonObject(item)) throw invalid(`datas[${i}] must be an object {query, content, title}`);
    if (item['query'] === undefined || item['query'] === null) throw invalid(`datas[${i}].query is required`);
    const query = typeof item['query'] === 'string' ? item['query'] : JSON.stringify(item['query']);
    const title = textOf(item['title'], `datas[${i}].title`);
    const content = textOf(item['content'], `datas[${i}].content`);
    return { query, text: [title, content].filter((part) => part !== '').join('\n') };
  });
  const vectors = await context.embedder.embedSparse(
    pairs.flatMap((pair) => [pair.query, pair.text]),
    { model: 'rerank' },
  );
  const scores = pairs.map((_, i) => Math.min(1, Math.max(0, sparseDot(vectors[2 * i]!, vectors[2 * i + 1]!))));
  const tokens = pairs.reduce(
    (sum, pair) => sum + context.embedder.countTokens(pair.query) + context.embedder.countTokens(pair.text),
    0,
  );
  return { scores, token_usage: tokens };
};
