/**
 * `POST /api/vikingdb/data/search/random` (api doc §3.12): a uniform random sample of the candidates (every
 * candidate draws a random key; the heap keeps the smallest `offset + limit`). Each request seeds its own PRNG from
 * the engine's `random`, so two calls differ but a pinned `random` gives repeatable results. `score` is 0.
 */
import type { Handler } from '../../EngineContext';
import { seededRandom } from '../../seededRandom';
import { resolveIndex } from '../resolveCollection';
import { candidateSlots, rank, readSearchBase, searchResult } from '../searchBase';

export const searchByRandom: Handler = async (context, body) => {
  const { index } = resolveIndex(context, body);
  const base = readSearchBase(body, index);
  const next = seededRandom(Math.floor(context.random() * 2 ** 32));
  const candidates = candidateSlots(index, base, context.now());
  const ranked = rank(candidates, base, false, () => next());
  return searchResult(
    index,
    ranked.map(({ slot }) => ({ slot, score: 0 })),
    base,
    candidates.length,
  );
};
