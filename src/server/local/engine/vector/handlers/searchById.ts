/**
 * `POST /api/vikingdb/data/search/id` (api doc §3.9): uses the stored dense vector of row `id` as the query (the row
 * itself is a candidate like any other). An id the index does not hold → 400 InvalidParameter naming it.
 */
import { invalid, missing } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { rankDense } from '../denseSearch';
import { resolveIndex } from '../resolveCollection';
import { lookupOne, readSearchBase, searchResult } from '../searchBase';
import { quote } from '../../quote';

export const searchById: Handler = async (context, body) => {
  const { index } = resolveIndex(context, body);
  const base = readSearchBase(body, index);
  const raw = body.raw('id');
  if (raw === undefined) throw missing('id');
  const key = lookupOne(raw, index, 'id');
  const slot = key === undefined ? undefined : index.slotOf(key);
  if (slot === undefined || index.expiresAt[slot]! <= context.now())
    throw invalid(`id ${quote(raw)} does not exist in index '${index.schema.name}'`);
  const query = Float32Array.from(index.matrix.get(slot));
  const { ranked, matched } = rankDense(index, base, query, context.now());
  return searchResult(index, ranked, base, matched);
};
