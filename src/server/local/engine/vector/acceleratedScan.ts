/**
 * Exact top-k through an {@link ExactScanKernel}, with the guarantee that the answer is the JavaScript scan's.
 *
 * The kernel proposes `2 × wanted + 16` slots scored in float32; every proposal is re-scored in JavaScript (so scores
 * are exact) and the best `wanted` are kept by the bounded heap (ties by the lower slot, as the scan does). Rows the
 * kernel did not propose are at least as far as its farthest proposal up to its rounding error `e` on each side, so
 * they rank strictly below the kept ones when the worst re-scored proposal trails the last kept score by more than
 * `2e`. When it does not (near-ties, duplicate vectors, values so large that float32 overflows) the caller runs the
 * JavaScript scan instead, as it does when the kernel throws.
 */
import type { Distance } from '../../config/schema';
import { TopK } from './TopK';
import type { VectorIndex } from './VectorIndex';

/** Proposals asked of the kernel: `OVERFETCH × wanted + SLACK`. */
const OVERFETCH = 2;
const SLACK = 16;
/** Unit roundoff of float32. */
const FLOAT32_EPSILON = 2 ** -24;

/**
 * A bound of the difference between a float32 kernel's distance and the exact score, for rows of norm at most
 * `maxNorm`: `4 (dim + 4) u` times the largest magnitude the sum can reach (`u` the float32 unit roundoff).
 */
export function kernelRoundingBound(distance: Distance, dim: number, queryNorm: number, maxNorm: number): number {
  const scale = distance === 'ip' ? queryNorm * maxNorm + 1 : distance === 'l2' ? (queryNorm + maxNorm) ** 2 : 4;
  return 4 * (dim + 4) * FLOAT32_EPSILON * scale;
}

function hasZeroNorm(norms: Float64Array, count: number): boolean {
  for (let slot = 0; slot < count; slot++) if (norms[slot] === 0) return true;
  return false;
}

/**
 * The best `offset + limit` slots of the whole index, best first and paged, or `undefined` when the kernel cannot
 * answer exactly (no kernel, an index too small to gain from it, a cosine index holding a zero vector, a kernel
 * error, or a near-tie at the boundary): the caller then scans in JavaScript.
 */
export function acceleratedRanking(
  index: VectorIndex,
  base: { limit: number; offset: number },
  query: Float32Array,
  queryNorm: number,
  score: (slot: number) => number,
  higherIsBetter: boolean,
): Array<{ slot: number; score: number }> | undefined {
  const kernel = index.exactScan;
  const wanted = base.offset + base.limit;
  const fetch = OVERFETCH * wanted + SLACK;
  if (kernel === undefined || fetch >= index.size) return undefined;
  const { matrix, schema } = index;
  if (schema.distance === 'cosine' && hasZeroNorm(matrix.norms, index.size)) return undefined;
  let proposed: number[];
  try {
    proposed = kernel.nearest(matrix.data, index.size, schema.dim, query, fetch, schema.distance);
  } catch {
    return undefined;
  }
  if (proposed.length < fetch) return undefined;
  const heap = new TopK(wanted, higherIsBetter);
  let worst = higherIsBetter ? Infinity : -Infinity;
  for (const slot of proposed) {
    if (!Number.isInteger(slot) || slot < 0 || slot >= index.size) return undefined;
    const value = score(slot);
    worst = higherIsBetter ? Math.min(worst, value) : Math.max(worst, value);
    heap.push(slot, value);
  }
  const ranked = heap.sorted();
  if (ranked.length < wanted) return undefined;
  const last = ranked[wanted - 1]!.score;
  const margin = 2 * kernelRoundingBound(schema.distance, schema.dim, queryNorm, matrix.maxNorm);
  const separated = higherIsBetter ? worst + margin < last : worst - margin > last;
  return separated ? ranked.slice(base.offset) : undefined;
}
