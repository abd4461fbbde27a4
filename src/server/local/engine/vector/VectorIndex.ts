/**
 * One index of a collection, held in memory: dense vectors in a {@link VectorMatrix}, a key → slot map, the row
 * snapshot per slot, columnar copies of the scalar fields (for filters, scalar search and aggregation), sparse
 * vectors and expiry times.
 *
 * Visibility: changes are queued with a "visible at" time of now + `delayMs` and applied in order by {@link sync}
 * (called at the start of every index read), so with `delayMs` > 0 index reads see writes only after the delay, like
 * the cloud's asynchronous indexing, while collection reads (fetch_in_collection) see them at once.
 *
 * With an {@link ApproximateIndex} (config `ann` plus an engine `annFactory`), every applied change is mirrored into
 * it under a stable label per stored vector; {@link annSearch} maps its labels back to slots. With an
 * {@link ExactScanKernel}, unrestricted exact searches scan the matrix through it (see `acceleratedScan.ts`).
 */
import type { ApproximateIndex } from './ApproximateIndex';
import type { CollectionSchema, IndexSchema } from './CollectionSchema';
import type { ExactScanKernel } from './ExactScanKernel';
import type { StoredRow } from './StoredRow';
import { VectorMatrix } from './VectorMatrix';

/** A change to apply: `row` undefined removes the key. */
export interface RowChange {
  key: string;
  row: StoredRow | undefined;
}

export class VectorIndex {
  readonly matrix: VectorMatrix;
  /** Canonical key of each slot. */
  readonly keys: string[] = [];
  /** Row snapshot of each slot. */
  readonly rows: StoredRow[] = [];
  /** Expiry (epoch ms, Infinity = never) of each slot. */
  readonly expiresAt: number[] = [];
  /** Sparse vector of each slot (when the index has a sparse field). */
  readonly sparse: Array<Record<string, number>> = [];
  /** Column of each field the index filters on (scalar fields and the partition field). */
  private readonly columns = new Map<string, unknown[]>();
  /** The same columns as a list (writes walk it for every row). */
  private readonly columnList: Array<{ field: string; values: unknown[] }> = [];
  private readonly slotByKey = new Map<string, number>();
  private readonly pending: Array<{ visibleAt: number; changes: readonly RowChange[] }> = [];
  /** Incremented whenever the visible content changes (cache key for BM25 statistics). */
  version = 0;
  /** Slots whose row has an expiry (0 lets unfiltered searches skip the expiry scan). */
  private expiring = 0;
  /** ANN label of each slot, the slot of each label, the next label, and adds not yet handed to the ANN index. */
  private readonly labels: number[] = [];
  private readonly slotByLabel = new Map<number, number>();
  private nextLabel = 0;
  private readonly annPending = new Map<number, Float32Array>();

  constructor(
    readonly collection: CollectionSchema,
    readonly schema: IndexSchema,
    private readonly delayMs: number,
    private readonly now: () => number,
    /** The approximate index mirroring the dense vectors, if the index has one. */
    readonly ann?: ApproximateIndex,
    /** The accelerated exact scan, if the engine has one (else exact search scans in JavaScript). */
    readonly exactScan?: ExactScanKernel,
  ) {
    this.matrix = new VectorMatrix(schema.dim);
    for (const field of schema.scalarFields) this.columns.set(field, []);
    if (schema.partitionField !== undefined) this.columns.set(schema.partitionField, []);
    for (const [field, values] of this.columns) this.columnList.push({ field, values });
  }

  /** Number of slots (rows visible to the index, expired ones included until purged). */
  get size(): number {
    return this.keys.length;
  }

  /** True when some visible slot has an expiry time. */
  get hasExpiring(): boolean {
    return this.expiring > 0;
  }

  /** Slots of up to `k` approximate nearest neighbours of `query` (empty without an approximate index). */
  annSearch(query: Float32Array, k: number): number[] {
    if (!this.ann) return [];
    const slots: number[] = [];
    for (const label of this.ann.search(query, k)) {
      const slot = this.slotByLabel.get(label);
      if (slot !== undefined) slots.push(slot);
    }
    return slots;
  }

  /** Makes room for `slots` rows, so loading that many never regrows the matrix. */
  reserve(slots: number): void {
    this.matrix.reserve(slots);
  }

  /** True when changes apply at once: no delay and nothing queued. */
  get appliesAtOnce(): boolean {
    return this.delayMs <= 0 && this.pending.length === 0;
  }

  /**
   * Appends rows of new keys whose vectors are in `vectors` (row i at `i * dim`), bypassing the queue: start-up from a
   * snapshot, when the index {@link appliesAtOnce}.
   */
  appendRestored(keys: readonly string[], rows: readonly StoredRow[], vectors: Float32Array): void {
    const first = this.keys.length;
    const count = keys.length;
    // The same state `write` leaves for each new slot, a field at a time over the whole block.
    this.matrix.setRows(first, vectors, count);
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const row = rows[i]!;
      this.keys.push(key);
      this.rows.push(row);
      this.expiresAt.push(row.expiresAt ?? Infinity);
      if (row.expiresAt !== undefined) this.expiring++;
      this.slotByKey.set(key, first + i);
    }
    for (const { field, values } of this.columnList)
      for (let i = 0; i < count; i++) values.push(this.valueOf(rows[i]!, field));
    const { sparseField } = this.schema;
    if (sparseField !== undefined)
      for (let i = 0; i < count; i++)
        this.sparse.push((rows[i]!.fields[sparseField] as Record<string, number> | undefined) ?? {});
    if (this.ann) for (let slot = first; slot < first + count; slot++) this.queueAnnAdd(slot);
    this.flushAnn();
    this.version++;
  }

  /** Queues changes (applied immediately when there is no delay). */
  enqueue(changes: readonly RowChange[]): void {
    if (changes.length === 0) return;
    if (this.delayMs <= 0 && this.pending.length === 0) {
      this.apply(changes);
      return;
    }
    this.pending.push({ visibleAt: this.now() + this.delayMs, changes });
    this.sync();
  }

  /** Applies every queued change that has become visible. */
  sync(): void {
    const now = this.now();
    while (this.pending.length > 0 && this.pending[0]!.visibleAt <= now) this.apply(this.pending.shift()!.changes);
  }

  /** Applies every queued change now, whatever its delay (used after loading from storage). */
  flush(): void {
    while (this.pending.length > 0) this.apply(this.pending.shift()!.changes);
  }

  /** Slot of a key, if the index holds it. */
  slotOf(key: string): number | undefined {
    return this.slotByKey.get(key);
  }

  /** The column of a scalar or partition field. */
  column(field: string): readonly unknown[] {
    const column = this.columns.get(field);
    if (!column) throw new Error(`index ${this.schema.name} has no column ${field}`);
    return column;
  }

  private valueOf(row: StoredRow, field: string): unknown {
    if (field === this.collection.primaryKey.name) return typeof row.id === 'number' ? row.id : Number(row.id);
    return row.fields[field];
  }

  /** Writes `row` (its vector is its dense field) into `slot`. */
  private write(slot: number, key: string, row: StoredRow): void {
    if (slot < this.keys.length) {
      if (this.expiresAt[slot] !== Infinity) this.expiring--;
      this.forgetLabel(slot);
    }
    this.keys[slot] = key;
    this.rows[slot] = row;
    this.expiresAt[slot] = row.expiresAt ?? Infinity;
    if (row.expiresAt !== undefined) this.expiring++;
    this.matrix.set(slot, row.fields[this.schema.vectorField] as ArrayLike<number>);
    if (this.ann) this.queueAnnAdd(slot);
    if (this.schema.sparseField !== undefined)
      this.sparse[slot] = (row.fields[this.schema.sparseField] as Record<string, number> | undefined) ?? {};
    for (let i = 0; i < this.columnList.length; i++) {
      const column = this.columnList[i]!;
      column.values[slot] = this.valueOf(row, column.field);
    }
  }

  /** Gives `slot` a new ANN label and queues its vector for the approximate index. */
  private queueAnnAdd(slot: number): void {
    const label = this.nextLabel++;
    this.labels[slot] = label;
    this.slotByLabel.set(label, slot);
    this.annPending.set(label, this.matrix.data.slice(slot * this.schema.dim, (slot + 1) * this.schema.dim));
  }

  /** Drops the ANN label of `slot` (pending or already added). */
  private forgetLabel(slot: number): void {
    if (!this.ann) return;
    const label = this.labels[slot]!;
    this.slotByLabel.delete(label);
    if (!this.annPending.delete(label)) this.ann.remove(label);
  }

  private remove(slot: number): void {
    const last = this.keys.length - 1;
    this.slotByKey.delete(this.keys[slot]!);
    if (this.expiresAt[slot] !== Infinity) this.expiring--;
    this.forgetLabel(slot);
    if (slot !== last) {
      const key = this.keys[last]!;
      if (this.ann) {
        const label = this.labels[last]!;
        this.labels[slot] = label;
        this.slotByLabel.set(label, slot);
      }
      this.keys[slot] = key;
      this.rows[slot] = this.rows[last]!;
      this.expiresAt[slot] = this.expiresAt[last]!;
      this.matrix.move(last, slot);
      if (this.schema.sparseField !== undefined) this.sparse[slot] = this.sparse[last]!;
      for (const column of this.columns.values()) column[slot] = column[last];
      this.slotByKey.set(key, slot);
    }
    this.keys.pop();
    if (this.ann) this.labels.pop();
    this.rows.pop();
    this.expiresAt.pop();
    if (this.schema.sparseField !== undefined) this.sparse.pop();
    for (const column of this.columns.values()) column.pop();
  }

  private apply(changes: readonly RowChange[]): void {
    for (const { key, row } of changes) {
      const slot = this.slotByKey.get(key);
      if (row === undefined) {
        if (slot !== undefined) this.remove(slot);
        continue;
      }
      const target = slot ?? this.keys.length;
      this.write(target, key, row);
      this.slotByKey.set(key, target);
    }
    this.flushAnn();
    this.version++;
  }

  /** Hands the vectors added since the last call to the approximate index. */
  private flushAnn(): void {
    if (!this.ann || this.annPending.size === 0) return;
    this.ann.add([...this.annPending.keys()], [...this.annPending.values()]);
    this.annPending.clear();
  }
}
