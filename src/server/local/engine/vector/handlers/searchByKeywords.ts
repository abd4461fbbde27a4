/**
 * `POST /api/vikingdb/data/search/keywords` (api doc §3.11): BM25 ranking (see `bm25.ts`) of the candidates by
 * `keywords` (string[]) and/or `query` (string). Keywords affect ranking only: every candidate is a hit, rows without
 * a keyword score 0 and come last — as the SDK tests document. `fields` (default: every string, text and
 * list<string> field of the collection) chooses the text searched; `case_sensitive` default false; `bm25_k1`
 * default 1.2 (≥ 0); `bm25_b` default 0.75 in [0, 1]; `mode` is accepted and ignored.
 */
import { invalid, missing } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { bm25Scorer, DEFAULT_BM25_B, DEFAULT_BM25_K1 } from '../bm25';
import { resolveIndex } from '../resolveCollection';
import { candidateSlots, rank, readSearchBase, searchResult } from '../searchBase';
import { quote } from '../../quote';

const TEXT_TYPES = new Set(['string', 'text', 'list<string>']);

export const searchByKeywords: Handler = async (context, body) => {
  const { collection, index } = resolveIndex(context, body);
  const base = readSearchBase(body, index);
  const keywords = body.optionalStringArray('keywords') ?? [];
  const query = body.optionalString('query') ?? '';
  if (keywords.every((k) => k.trim() === '') && query.trim() === '') throw missing('keywords', 'or query is required');
  body.optionalString('mode');
  const textFields = [...collection.schema.fields.values()].filter((f) => !f.hidden && TEXT_TYPES.has(f.type));
  const requested = body.optionalStringArray('fields');
  requested?.forEach((name, i) => {
    if (!textFields.some((f) => f.name === name))
      throw invalid(
        `fields[${i}]: ${quote(name)} is not a string/text field of collection '${collection.schema.name}'`,
      );
  });
  const fields = requested && requested.length > 0 ? requested : textFields.map((f) => f.name);
  const scorer = bm25Scorer(index, {
    query: [...keywords, query].join(' '),
    fields,
    caseSensitive: body.optionalBoolean('case_sensitive') ?? false,
    k1: body.optionalNumber('bm25_k1', { min: 0 }) ?? DEFAULT_BM25_K1,
    b: body.optionalNumber('bm25_b', { min: 0, max: 1 }) ?? DEFAULT_BM25_B,
  });
  const candidates = candidateSlots(index, base, context.now());
  const ranked = rank(candidates, base, true, scorer);
  return searchResult(index, ranked, base, candidates.length);
};
