import { VikingDBError } from './VikingDBError';

/** One batch of a bulk write that failed. */
export interface FailedBatch {
  /** Indexes (into the rows you passed) of the rows in this batch. */
  rows: number[];
  error: VikingDBError;
}

/**
 * A bulk write (`upsertAll`) stopped part way. It says exactly which rows were written, which failed and which
 * were never sent, so you can retry only what is missing (e.g. `rows.filter((_, i) => !written.has(i))`).
 */
export class BulkWriteError extends VikingDBError {
  override name = 'BulkWriteError';
  /** Indexes of rows the service acknowledged. */
  readonly writtenRows: readonly number[];
  /** The batches that failed, with their rows and errors. */
  readonly failedBatches: readonly FailedBatch[];
  /** Indexes of rows never sent (after a failure, or because the call was aborted). */
  readonly unsentRows: readonly number[];
  /**
   * Indexes of rows whose request was in flight when the call was aborted: they may or may not be stored.
   * Upsert is idempotent by primary key, so sending them again is safe.
   */
  readonly uncertainRows: readonly number[];

  constructor(details: {
    writtenRows: number[];
    failedBatches: FailedBatch[];
    unsentRows: number[];
    uncertainRows: number[];
    aborted: boolean;
  }) {
    const first = details.failedBatches[0]?.error;
    const failed = details.failedBatches.reduce((n, b) => n + b.rows.length, 0);
    super({
      code: first?.code ?? 'Aborted',
      status: first?.status,
      requestId: first?.requestId,
      message:
        `Bulk write stopped: ${details.writtenRows.length} rows written, ${failed} failed, ` +
        `${details.unsentRows.length} not sent` +
        (details.uncertainRows.length ? `, ${details.uncertainRows.length} in flight when aborted` : '') +
        (details.aborted ? ' (aborted)' : '') +
        (first ? `. First error: ${first.serviceMessage}` : ''),
      hint: 'Retry only the failed and unsent rows; writtenRows are stored.',
      cause: first,
    });
    this.writtenRows = details.writtenRows;
    this.failedBatches = details.failedBatches;
    this.unsentRows = details.unsentRows;
    this.uncertainRows = details.uncertainRows;
  }
}
