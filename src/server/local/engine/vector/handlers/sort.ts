/**
 * `POST /api/vikingdb/data/sort` (api doc §3.14, Java SDK only): rescores the given `ids` against `query_vector`
 * with the index distance and returns them best first (`{sort: [{id, score}], ids_not_exist}`).
 */
import type { Handler } from '../../EngineContext';
import { higherIsBetter, norm, scoreSlot } from '../distance';
import { lookupKeys } from '../primaryKey';
import { resolveIndex } from '../resolveCollection';
import { readDenseVector } from '../searchBase';

export const sort: Handler = async (context, body) => {
  const { collection, index } = resolveIndex(context, body);
  const ids = body.array('ids');
  const parsed = lookupKeys(ids, collection.schema.primaryKey.kind, 'ids');
  const rawQuery = body.raw('query_vector');
  const query = readDenseVector(
    rawQuery === undefined ? body.array('query_vector') : rawQuery,
    index.schema.dim,
    'query_vector',
  );
  const queryNorm = norm(query);
  const now = context.now();
  const scored: Array<{ id: unknown; score: number; slot: number }> = [];
  const idsNotExist: unknown[] = [];
  const seen = new Set<number>();
  parsed.forEach((key, i) => {
    const slot = key && index.slotOf(key.key);
    if (slot === undefined || index.expiresAt[slot]! <= now) {
      idsNotExist.push(ids[i]);
      return;
    }
    if (seen.has(slot)) return;
    seen.add(slot);
    scored.push({
      id: index.rows[slot]!.id,
      score: scoreSlot(index.schema.distance, index.matrix, slot, query, queryNorm),
      slot,
    });
  });
  const better = higherIsBetter(index.schema.distance);
  scored.sort((a, b) => (a.score !== b.score ? (better ? b.score - a.score : a.score - b.score) : a.slot - b.slot));
  return { sort: scored.map(({ id, score }) => ({ id, score })), ids_not_exist: idsNotExist };
};
