/**
 * Dense ranking shared by search/vector (dense only), search/id and search/multi_modal: exact by default, through the
 * index's {@link ApproximateIndex} when it has one.
 *
 * With an approximate index, ANN only proposes candidates; they are re-scored exactly, so scores and their order are
 * exact and only recall is approximate:
 * - no filter, partition, `ids_not_in` nor expiring rows: the ANN's `offset + limit` nearest;
 * - otherwise (`ids_in` aside, which is always exact): the exact candidate set is computed (it gives
 *   `filter_matched_count`), ANN over-fetches `2 × (offset + limit) / selectivity` and keeps those that pass; when
 *   fewer than `offset + limit` pass, the search falls back to exact over the candidates.
 * ANN is skipped (exact) when it would have to fetch more than 1/16 of the index: an exact scan is as cheap there.
 *
 * Exact searches without any restriction go through the index's accelerated {@link ExactScanKernel} when the engine
 * has one (`acceleratedScan.ts`, same answer as the JavaScript scan), else scan every slot in JavaScript with a
 * bounded heap; restricted ones score only their candidates.
 */
import { acceleratedRanking } from './acceleratedScan';
import { higherIsBetter, norm, scoreSlot } from './distance';
import { candidateSlots, rank, type SearchBase } from './searchBase';
import { TopK } from './TopK';
import type { VectorIndex } from './VectorIndex';

/** ANN is used only while it fetches at most this fraction of the index. */
const MAX_ANN_FRACTION = 1 / 16;
/** Over-fetch factor of filtered ANN searches (on top of 1 / selectivity). */
const OVERFETCH = 2;

/** The ranked page and the number of rows that passed the filters (`filter_matched_count`). */
export interface DenseRanking {
  ranked: Array<{ slot: number; score: number }>;
  matched: number;
}

export function rankDense(index: VectorIndex, base: SearchBase, query: Float32Array, now: number): DenseRanking {
  const distance = index.schema.distance;
  const queryNorm = norm(query);
  const score = (slot: number): number => scoreSlot(distance, index.matrix, slot, query, queryNorm);
  const better = higherIsBetter(distance);
  const wanted = base.offset + base.limit;
  const annUsable = index.ann !== undefined && base.idsIn === undefined;
  const unrestricted =
    base.filter === undefined && base.partition === undefined && base.idsNotIn === undefined && !index.hasExpiring;
  if (annUsable && unrestricted && wanted <= index.size * MAX_ANN_FRACTION) {
    const slots = index.annSearch(query, wanted);
    if (slots.length >= wanted) return { ranked: rank(slots, base, better, score), matched: index.size };
  }
  if (unrestricted && base.idsIn === undefined) {
    const ranked = acceleratedRanking(index, base, query, queryNorm, score, better);
    if (ranked) return { ranked, matched: index.size };
    const heap = new TopK(Math.min(wanted, index.size), better);
    for (let slot = 0; slot < index.size; slot++) heap.push(slot, score(slot));
    return { ranked: heap.sorted().slice(base.offset), matched: index.size };
  }
  const candidates = candidateSlots(index, base, now);
  if (annUsable && !unrestricted && candidates.length > 0) {
    const fetch = Math.ceil((OVERFETCH * wanted * index.size) / candidates.length);
    if (fetch <= index.size * MAX_ANN_FRACTION) {
      const passes = new Uint8Array(index.size);
      for (const slot of candidates) passes[slot] = 1;
      const slots = index.annSearch(query, fetch).filter((slot) => passes[slot] === 1);
      if (slots.length >= wanted) return { ranked: rank(slots, base, better, score), matched: candidates.length };
    }
  }
  return { ranked: rank(candidates, base, better, score), matched: candidates.length };
}
