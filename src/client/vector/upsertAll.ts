import { BulkWriteError, type FailedBatch } from '../errors/BulkWriteError';
import { VikingDBError } from '../errors/VikingDBError';
import { ValidationError } from '../errors/ValidationError';
import { chunk } from '../shared/chunk';
import { runPool } from '../shared/runPool';
import type { RequestOptions } from '../transport/RequestOptions';
import { MAX_ROWS_PER_REQUEST } from './rows';
import type { UpsertOptions, WriteResult } from './types';

/** Progress of a bulk write, reported after every batch. */
export interface BulkProgress {
  /** Rows acknowledged so far. */
  written: number;
  /** Rows in failed batches so far. */
  failed: number;
  total: number;
  batchesDone: number;
  batchesTotal: number;
}

/** Options of `upsertAll`. */
export interface UpsertAllOptions extends UpsertOptions, Omit<RequestOptions, 'signal'> {
  /** Rows per request, 1–100. Default: 100. */
  batchSize?: number | undefined;
  /** Requests in flight at once. Default: 4. */
  concurrency?: number | undefined;
  /** Keep sending the remaining batches after one fails. Default: false (stop at the first failure). */
  continueOnError?: boolean | undefined;
  /** Called after every batch. */
  onProgress?: ((progress: BulkProgress) => void) | undefined;
  /** Stops sending new batches; batches in flight are aborted. */
  signal?: AbortSignal | undefined;
}

/** Result of a completed bulk write. */
export interface BulkWriteResult {
  written: number;
  batches: number;
  /** Request id of each batch, in batch order. */
  requestIds: Array<string | undefined>;
  latencyMs: number;
}

/**
 * Writes any number of rows in batches with bounded concurrency. Resolves when every row is written;
 * otherwise rejects with {@link BulkWriteError} listing written, failed and unsent rows.
 */
export async function upsertAll<TRow>(
  rows: readonly TRow[],
  options: UpsertAllOptions,
  upsertBatch: (batch: TRow[], options: UpsertOptions & RequestOptions) => Promise<WriteResult>,
): Promise<BulkWriteResult> {
  const {
    batchSize = MAX_ROWS_PER_REQUEST,
    concurrency = 4,
    continueOnError = false,
    onProgress,
    signal,
    ...rest
  } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_ROWS_PER_REQUEST) {
    throw new ValidationError('vector.upsertAll', [
      { path: 'batchSize', message: `expected a whole number from 1 to ${MAX_ROWS_PER_REQUEST}` },
    ]);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ValidationError('vector.upsertAll', [{ path: 'concurrency', message: 'expected a whole number ≥ 1' }]);
  }
  const started = performance.now();
  const indexes = rows.map((_, i) => i);
  const batches = chunk(indexes, batchSize);
  const requestIds: Array<string | undefined> = new Array<string | undefined>(batches.length);
  const state = {
    written: [] as number[],
    uncertain: [] as number[],
    failed: [] as FailedBatch[],
    done: new Set<number>(),
  };
  let aborted = false;
  let stopped = false;

  await runPool(
    batches.length,
    concurrency,
    async (b) => {
      const batchRows = batches[b]!;
      try {
        const result = await upsertBatch(
          batchRows.map((i) => rows[i]!),
          signal ? { ...rest, signal } : rest,
        );
        requestIds[b] = result.requestId;
        state.written.push(...batchRows);
      } catch (error) {
        if (signal?.aborted) {
          aborted = true;
          state.uncertain.push(...batchRows);
          return;
        }
        const wrapped =
          error instanceof VikingDBError
            ? error
            : new VikingDBError({ code: 'Unknown', message: String(error), cause: error });
        state.failed.push({ rows: batchRows, error: wrapped });
        if (!continueOnError) stopped = true;
      }
      state.done.add(b);
      onProgress?.({
        written: state.written.length,
        failed: state.failed.reduce((n, f) => n + f.rows.length, 0),
        total: rows.length,
        batchesDone: state.done.size,
        batchesTotal: batches.length,
      });
    },
    () => stopped || (signal?.aborted ?? false),
  );

  if (signal?.aborted) aborted = true;
  if (state.failed.length === 0 && !aborted) {
    return { written: rows.length, batches: batches.length, requestIds, latencyMs: performance.now() - started };
  }
  const settled = new Set([...state.written, ...state.uncertain, ...state.failed.flatMap((f) => f.rows)]);
  const ascending = (a: number, b: number) => a - b;
  throw new BulkWriteError({
    writtenRows: state.written.sort(ascending),
    failedBatches: state.failed,
    unsentRows: indexes.filter((i) => !settled.has(i)),
    uncertainRows: state.uncertain.sort(ascending),
    aborted,
  });
}
