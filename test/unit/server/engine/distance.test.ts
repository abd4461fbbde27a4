import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norm, scoreSlot } from '../../../../src/server/local/engine/vector/distance';
import { VectorMatrix } from '../../../../src/server/local/engine/vector/VectorMatrix';

/** The one-accumulator reference the unrolled kernel must agree with. */
function reference(distance: 'ip' | 'cosine' | 'l2', row: Float32Array, query: Float32Array): number {
  let dot = 0;
  let l2 = 0;
  let rowNorm = 0;
  let queryNorm = 0;
  for (let i = 0; i < row.length; i++) {
    dot += row[i]! * query[i]!;
    l2 += (row[i]! - query[i]!) ** 2;
    rowNorm += row[i]! * row[i]!;
    queryNorm += query[i]! * query[i]!;
  }
  if (distance === 'ip') return dot;
  if (distance === 'l2') return l2;
  const denominator = Math.sqrt(rowNorm) * Math.sqrt(queryNorm);
  return denominator === 0 ? 0 : dot / denominator;
}

describe('scoreSlot (4-way unrolled)', () => {
  it('agrees with the plain loop for every distance and any dimension, remainders included', () => {
    // Components below 1e-6 become 0: their squares underflow the float32 row norm the matrix keeps (a norm of 0
    // gives cosine 0 by definition), which no embedding produces and which is not what this test is about.
    const value = fc.float({ min: -100, max: 100, noNaN: true }).map((v) => (Math.abs(v) < 1e-6 ? 0 : v));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 37 })
          .chain((dim) =>
            fc.tuple(
              fc.array(fc.array(value, { minLength: dim, maxLength: dim }), { minLength: 1, maxLength: 4 }),
              fc.array(value, { minLength: dim, maxLength: dim }),
            ),
          ),
        fc.constantFrom('ip' as const, 'cosine' as const, 'l2' as const),
        ([rows, rawQuery], distance) => {
          const dim = rawQuery.length;
          const matrix = new VectorMatrix(dim, 1);
          rows.forEach((row, slot) => matrix.set(slot, row));
          const query = Float32Array.from(rawQuery);
          rows.forEach((row, slot) => {
            const expected = reference(distance, Float32Array.from(row), query);
            const actual = scoreSlot(distance, matrix, slot, query, norm(query));
            // Only the order of the additions differs: equal up to rounding, relative to the size of the terms
            // (cosine divides by the row norm the matrix keeps as float32, hence its looser bound).
            const scale = row.reduce((sum, x, i) => sum + Math.abs(x * rawQuery[i]!) + (x - rawQuery[i]!) ** 2, 1);
            const tolerance = distance === 'cosine' ? 1e-6 : 1e-12 * scale;
            expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
