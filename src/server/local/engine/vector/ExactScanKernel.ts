/**
 * The seam for an accelerated exact scan over an index's {@link VectorMatrix}. The engine only knows this interface
 * (no Node built-ins, no native package): an implementation is passed to `createLocalEngine` as `exactScan` (on Node,
 * `createLocalServer` passes a SIMD one built on usearch's exact search when that optional package loads). Without
 * one, every scan runs in JavaScript, which is also what browsers behind MSW use.
 *
 * A kernel only proposes the nearest slots: the engine re-scores them in JavaScript, so scores and their order are
 * exactly those of the JavaScript scan, and it falls back to that scan whenever float32 rounding in the kernel could
 * have changed which rows are the nearest (see `denseSearch.ts`).
 */
import type { Distance } from '../../config/schema';

export interface ExactScanKernel {
  /**
   * Up to `k` slots of the first `count` rows of `data` (row-major, `dim` values per row) nearest to `query` under
   * `distance`, nearest first (ties in any order). `data` is read in place and never kept.
   */
  nearest(data: Float32Array, count: number, dim: number, query: Float32Array, k: number, distance: Distance): number[];
}
