/**
 * The timing loop: calibrated batches, warm-up rounds, then measured rounds with the variants interleaved
 * (the order rotates every round) so drift hits every variant alike. Runs in Node and in the browser page.
 */

/** One thing to time. `op` is one operation (one signature, one request). */
export interface Variant {
  name: string;
  op: () => unknown;
  /** Await every op (for async functions). Default: false, ops run in a tight synchronous loop. */
  async?: boolean | undefined;
}

export interface RoundsOptions {
  /** Measured rounds; the median round is reported. */
  rounds: number;
  /** Rounds run and thrown away first (JIT, caches, connection pools). */
  warmupRounds: number;
  /** Target duration of one variant's batch in one round, in ms; sets the iteration count per variant. */
  batchMs: number;
  /** Upper bound on iterations per batch. Default: 1e6. */
  maxIterations?: number | undefined;
}

export interface RoundsResult {
  /** Per variant, the time per operation in ms of every measured round (in round order). */
  perOpMs: Record<string, number[]>;
  /** Per variant, the operations per batch chosen by calibration. */
  iterations: Record<string, number>;
}

/** Keeps results alive so no engine can drop the calls as dead code. */
let sink: unknown;

function now(): number {
  return performance.now();
}

/** Runs `n` operations and returns the elapsed ms. */
export async function timeBatch(variant: Variant, n: number): Promise<number> {
  const { op } = variant;
  const start = now();
  if (variant.async) {
    for (let i = 0; i < n; i++) sink = await op();
  } else {
    for (let i = 0; i < n; i++) sink = op();
  }
  return now() - start;
}

/** The batch size that makes `n` operations, which took `elapsed` ms, last about `batchMs`. */
function scale(n: number, elapsed: number, batchMs: number, maxIterations: number): number {
  return Math.max(1, Math.min(maxIterations, Math.round((n * batchMs) / Math.max(elapsed, 1e-3))));
}

/** Doubles the batch until it takes ≥ 10 ms, then scales it to `batchMs`. */
async function calibrate(variant: Variant, batchMs: number, maxIterations: number): Promise<number> {
  for (let n = 1; ; n *= 2) {
    const elapsed = await timeBatch(variant, n);
    if (elapsed >= 10 || n >= maxIterations) return scale(n, elapsed, batchMs, maxIterations);
  }
}

/**
 * Times every variant for `warmupRounds + rounds` rounds, interleaved, and returns the measured rounds.
 * Batch sizes come from a quick calibration, then are set again from the last warm-up round, once the code is
 * warm (a cold first estimate would give batches far shorter than `batchMs`).
 */
export async function runRounds(variants: readonly Variant[], options: RoundsOptions): Promise<RoundsResult> {
  const maxIterations = options.maxIterations ?? 1e6;
  const iterations: Record<string, number> = {};
  const perOpMs: Record<string, number[]> = {};
  for (const variant of variants) {
    iterations[variant.name] = await calibrate(variant, options.batchMs, maxIterations);
    perOpMs[variant.name] = [];
  }
  const total = options.warmupRounds + options.rounds;
  for (let round = 0; round < total; round++) {
    const measured = round >= options.warmupRounds;
    const lastWarmup = round === options.warmupRounds - 1;
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length]!;
      const n = iterations[variant.name]!;
      const elapsed = await timeBatch(variant, n);
      if (measured) perOpMs[variant.name]!.push(elapsed / n);
      if (lastWarmup) iterations[variant.name] = scale(n, elapsed, options.batchMs, maxIterations);
    }
  }
  void sink;
  return { perOpMs, iterations };
}

/** The per-round series of one variant (throws on an unknown name). */
export function series(result: RoundsResult, name: string): number[] {
  const values = result.perOpMs[name];
  if (!values) throw new Error(`no variant named ${name}`);
  return values;
}
