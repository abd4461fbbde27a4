/**
 * The usearch implementation of the engine's {@link ExactScanKernel} (Node only): usearch's exact search scans the
 * matrix in place with SIMD distance kernels (AVX2/AVX-512/NEON as the CPU offers) on one thread. `usearch` is an
 * optional peer dependency: without it (or when its binary does not load) exact search simply stays in JavaScript.
 */
import type * as UsearchModule from 'usearch';
import type { ExactScanKernel } from '../engine/vector/ExactScanKernel';

/** Threads of one scan: one, so concurrent requests do not contend for the cores. */
const THREADS = 1;

/** A view usearch can read: its binding reads from the start of the view's buffer, so offset views are copied. */
function fromBufferStart(view: Float32Array, length: number): Float32Array {
  return view.byteOffset === 0 ? view.subarray(0, length) : view.slice(0, length);
}

/** Loads usearch and returns its exact-scan kernel, or `undefined` when the package is missing or does not load. */
export async function loadUsearchExactScan(): Promise<ExactScanKernel | undefined> {
  let usearch: typeof UsearchModule;
  try {
    usearch = await import('usearch');
  } catch {
    return undefined;
  }
  const { exactSearch, MetricKind } = usearch;
  const METRICS = { ip: MetricKind.IP, cosine: MetricKind.Cos, l2: MetricKind.L2sq } as const;
  return {
    nearest(data, count, dim, query, k, distance) {
      if (count === 0 || k <= 0) return [];
      const matches = exactSearch(
        fromBufferStart(data, count * dim),
        fromBufferStart(query, dim),
        dim,
        Math.min(k, count),
        METRICS[distance],
        THREADS,
      );
      return Array.from(matches.keys as BigUint64Array, Number);
    },
  };
}
