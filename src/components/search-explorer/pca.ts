/** A 2-D point of a projection, keeping the row it came from. */
export interface ProjectedPoint<TId = string | number> {
  id: TId;
  x: number;
  y: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * b[i]!;
  return sum;
}

/** The leading eigenvector of the covariance of `rows` (centred), orthogonal to `skip`, by power iteration. */
function principalAxis(rows: readonly Float64Array[], dim: number, skip: Float64Array | undefined): Float64Array {
  let axis = new Float64Array(dim);
  // Deterministic start: a spread-out vector, so the result does not depend on Math.random.
  for (let i = 0; i < dim; i += 1) axis[i] = 1 / Math.sqrt(dim) + (i % 7) * 1e-3;
  if (skip) {
    const along = dot(axis, skip);
    for (let i = 0; i < dim; i += 1) axis[i]! -= along * skip[i]!;
    const norm = Math.sqrt(dot(axis, axis)) || 1;
    for (let i = 0; i < dim; i += 1) axis[i]! /= norm;
  }
  for (let iteration = 0; iteration < 60; iteration += 1) {
    const next = new Float64Array(dim);
    for (const row of rows) {
      const weight = dot(row, axis);
      for (let i = 0; i < dim; i += 1) next[i]! += weight * row[i]!;
    }
    if (skip) {
      const along = dot(next, skip);
      for (let i = 0; i < dim; i += 1) next[i]! -= along * skip[i]!;
    }
    const norm = Math.sqrt(dot(next, next));
    if (norm === 0) break;
    for (let i = 0; i < dim; i += 1) next[i]! /= norm;
    const change = 1 - Math.abs(dot(next, axis));
    axis = next;
    if (change < 1e-9) break;
  }
  return axis;
}

/**
 * Projects vectors on their first two principal components (power iteration on the centred data; no
 * dependencies). Vectors of another length than the first are skipped. Fewer than two vectors give points at 0.
 */
export function projectPca<TId>(items: ReadonlyArray<{ id: TId; vector: readonly number[] }>): ProjectedPoint<TId>[] {
  const dim = items[0]?.vector.length ?? 0;
  const usable = items.filter((item) => item.vector.length === dim && dim > 0);
  if (usable.length < 2) return usable.map((item) => ({ id: item.id, x: 0, y: 0 }));
  const mean = new Float64Array(dim);
  for (const { vector } of usable) for (let i = 0; i < dim; i += 1) mean[i]! += vector[i]! / usable.length;
  const rows = usable.map(({ vector }) => Float64Array.from(vector, (v, i) => v - mean[i]!));
  const first = principalAxis(rows, dim, undefined);
  const second = principalAxis(rows, dim, first);
  return usable.map((item, i) => ({ id: item.id, x: dot(rows[i]!, first), y: dot(rows[i]!, second) }));
}
