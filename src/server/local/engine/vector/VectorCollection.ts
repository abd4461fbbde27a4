/**
 * A vector collection in memory: the authoritative rows (what fetch_in_collection reads), its indexes, and its
 * auto-id generator. Changes reach it only after storage committed them ({@link VectorCollection.apply}).
 */
import type { CollectionSchema } from './CollectionSchema';
import type { ApproximateIndexFactory } from './ApproximateIndex';
import type { ExactScanKernel } from './ExactScanKernel';
import { AutoIdGenerator } from './AutoIdGenerator';
import { CommitPipeline } from './CommitPipeline';
import { attachPackedVectors, compactRow, detachIndexedVectors } from './compactRow';
import { isExpired, type StoredRow } from './StoredRow';
import { VectorIndex, type RowChange } from './VectorIndex';

/** Storage space of a collection's rows (keys are canonical primary keys). */
export function rowSpace(collectionName: string): string {
  return `vector/${collectionName}/rows`;
}

export class VectorCollection {
  readonly rows = new Map<string, StoredRow>();
  readonly indexes = new Map<string, VectorIndex>();
  readonly autoIds: AutoIdGenerator;
  readonly space: string;
  /** Commits storage queued and memory has not applied yet (see `commitRowChanges`). */
  readonly commits = new CommitPipeline();
  private expiring = 0;
  /** Per dense field, an index that applies writes at once and holds it: rows keep that vector only there. */
  private readonly vectorHolders = new Map<string, VectorIndex>();

  constructor(
    readonly schema: CollectionSchema,
    options: {
      indexDelayMs: number;
      now: () => number;
      annFactory?: ApproximateIndexFactory | undefined;
      exactScan?: ExactScanKernel | undefined;
    },
  ) {
    this.space = rowSpace(schema.name);
    this.autoIds = new AutoIdGenerator(options.now);
    for (const index of schema.indexes.values()) {
      const ann =
        index.ann && options.annFactory
          ? options.annFactory({
              collection: schema.name,
              index: index.name,
              dim: index.dim,
              distance: index.distance,
              ann: index.ann,
            })
          : undefined;
      const built = new VectorIndex(schema, index, options.indexDelayMs, options.now, ann, options.exactScan);
      this.indexes.set(index.name, built);
      if (options.indexDelayMs <= 0 && !this.vectorHolders.has(index.vectorField))
        this.vectorHolders.set(index.vectorField, built);
    }
  }

  /** The row of a key unless absent or expired. */
  visible(key: string, now: number): StoredRow | undefined {
    const row = this.rows.get(key);
    return row && !isExpired(row, now) ? row : undefined;
  }

  /** True when some row has an expiry time (so a write may have expired rows to purge). */
  get hasExpiringRows(): boolean {
    return this.expiring > 0;
  }

  /** Deletions for every expired row (to be committed with the next write, so expired rows are purged). */
  expiredChanges(now: number): RowChange[] {
    if (this.expiring === 0) return [];
    const changes: RowChange[] = [];
    for (const [key, row] of this.rows) if (isExpired(row, now)) changes.push({ key, row: undefined });
    return changes;
  }

  /** Makes room for `rows` rows in every index (before loading that many). */
  reserve(rows: number): void {
    for (const index of this.indexes.values()) index.reserve(rows);
  }

  /**
   * Adds rows of new keys read from a start-up snapshot, with their dense vectors apart: per field, which rows have one
   * (`present`, one byte a row) and those vectors packed. Each row then holds its vectors as {@link IndexedVector}s
   * (or copies, for a field no index holds), so nothing refers to `dense` afterwards. Returns `false`, having changed
   * nothing, when that is not possible (an index that delays writes, or a row without an indexed vector): apply the
   * rows instead.
   */
  restore(
    keys: readonly string[],
    rows: readonly StoredRow[],
    dense: ReadonlyMap<string, { present: Uint8Array; vectors: Float32Array; dim: number }>,
  ): boolean {
    for (const index of this.indexes.values()) {
      if (!index.appliesAtOnce || !this.vectorHolders.has(index.schema.vectorField)) return false;
      if (dense.get(index.schema.vectorField)?.present.includes(0) !== false) return false;
    }
    rows.forEach((row, i) => this.hold(keys[i]!, row));
    for (const index of this.indexes.values())
      index.appendRestored(keys, rows, dense.get(index.schema.vectorField)!.vectors);
    for (const [field, block] of dense) attachPackedVectors(rows, keys, field, block, this.vectorHolders.get(field));
    return true;
  }

  /** Makes `row` the row of `key` (whose previous row, if any, was already let go). */
  private hold(key: string, row: StoredRow): void {
    if (row.expiresAt !== undefined) this.expiring++;
    this.rows.set(key, row);
    if (this.schema.primaryKey.kind === 'auto') this.autoIds.observe(key);
  }

  /**
   * Applies committed changes to the rows and queues them for every index. Dense vectors become `Float32Array`s in
   * new row objects, unless `compact` says the rows are new objects that hold them so already (a snapshot's).
   */
  apply(committed: readonly RowChange[], options: { compact?: boolean } = {}): void {
    const changes = options.compact
      ? committed
      : committed.map(({ key, row }) => ({ key, row: row && compactRow(this.schema, row) }));
    for (const { key, row } of changes) {
      const previous = this.rows.get(key);
      if (previous?.expiresAt !== undefined) this.expiring--;
      if (row === undefined) {
        this.rows.delete(key);
        continue;
      }
      this.hold(key, row);
    }
    for (const index of this.indexes.values()) index.enqueue(changes);
    if (this.vectorHolders.size > 0)
      for (const { key, row } of changes) if (row) detachIndexedVectors(row, key, this.vectorHolders);
  }
}
