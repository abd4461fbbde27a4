/**
 * A vector collection in memory: the authoritative rows (what fetch_in_collection reads), its indexes, and its
 * auto-id generator. Changes reach it only after storage committed them ({@link VectorCollection.apply}).
 */
import type { CollectionSchema } from './CollectionSchema';
import type { ApproximateIndexFactory } from './ApproximateIndex';
import type { ExactScanKernel } from './ExactScanKernel';
import { AutoIdGenerator } from './AutoIdGenerator';
import { compactRow, detachIndexedVectors } from './compactRow';
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

  /** Deletions for every expired row (to be committed with the next write, so expired rows are purged). */
  expiredChanges(now: number): RowChange[] {
    if (this.expiring === 0) return [];
    const changes: RowChange[] = [];
    for (const [key, row] of this.rows) if (isExpired(row, now)) changes.push({ key, row: undefined });
    return changes;
  }

  /** Applies committed changes to the rows and queues them for every index (dense vectors as `Float32Array`s). */
  apply(committed: readonly RowChange[]): void {
    const changes = committed.map(({ key, row }) => ({ key, row: row && compactRow(this.schema, row) }));
    for (const { key, row } of changes) {
      const previous = this.rows.get(key);
      if (previous?.expiresAt !== undefined) this.expiring--;
      if (row === undefined) {
        this.rows.delete(key);
        continue;
      }
      if (row.expiresAt !== undefined) this.expiring++;
      this.rows.set(key, row);
      if (this.schema.primaryKey.kind === 'auto') this.autoIds.observe(key);
    }
    for (const index of this.indexes.values()) index.enqueue(changes);
    if (this.vectorHolders.size > 0)
      for (const { key, row } of changes) if (row) detachIndexedVectors(row, key, this.vectorHolders);
  }
}
