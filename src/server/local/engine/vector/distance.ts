/**
 * Scores of the three index distances against the contiguous {@link VectorMatrix}.
 *
 * - `ip`: inner product; higher is better.
 * - `cosine`: cosine similarity in [-1, 1]; higher is better (a zero vector scores 0).
 * - `l2`: the SQUARED Euclidean distance, ranked ascending (nearest first) — the same convention as VikingDB, which
 *   returns the l2 distance as `score` with the nearest row first. A perfect match scores 0.
 */
import type { Distance } from '../../config/schema';
import type { VectorMatrix } from './VectorMatrix';

/** `false` for l2 (smaller is better). */
export function higherIsBetter(distance: Distance): boolean {
  return distance !== 'l2';
}

/** The L2 norm of a query. */
export function norm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  return Math.sqrt(sum);
}

/** Score of slot `slot` of `matrix` against `query` (with precomputed `queryNorm`). */
export function scoreSlot(
  distance: Distance,
  matrix: VectorMatrix,
  slot: number,
  query: Float32Array,
  queryNorm: number,
): number {
  const dim = matrix.dim;
  const data = matrix.data;
  const offset = slot * dim;
  if (distance === 'l2') {
    let sum = 0;
    for (let i = 0; i < dim; i++) {
      const d = data[offset + i]! - query[i]!;
      sum += d * d;
    }
    return sum;
  }
  let dot = 0;
  for (let i = 0; i < dim; i++) dot += data[offset + i]! * query[i]!;
  if (distance === 'ip') return dot;
  const denominator = matrix.norms[slot]! * queryNorm;
  return denominator === 0 ? 0 : dot / denominator;
}

/** Dot product of two sparse vectors. */
export function sparseDot(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const token of Object.keys(a)) {
    const weight = b[token];
    if (weight !== undefined) sum += a[token]! * weight;
  }
  return sum;
}
