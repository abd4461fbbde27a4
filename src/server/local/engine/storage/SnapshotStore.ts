/**
 * Start-up snapshots: a derived copy of what the engine built from storage, saved when the engine closes, so the next
 * start can rebuild a large collection from one sequential file instead of decoding every record. Storage stays the
 * source of truth: a snapshot is valid only while storage holds exactly what it held when the snapshot was saved (no
 * commit since), and the engine falls back to the records whenever a snapshot is missing, stale or unreadable. Pure
 * types: no Node built-ins.
 */

/** Sequential reads of one saved snapshot. */
export interface SnapshotReader {
  /** Its size in bytes. */
  readonly size: number;
  /**
   * Fills `into` with the bytes at `position`.
   * @throws Error when the snapshot ends before `into` is full.
   */
  read(into: Uint8Array, position: number): Promise<void>;
  /** Releases the file; nothing is read after it. */
  close(): Promise<void>;
}

/** One snapshot to save: its name and its bytes, produced part by part (only when the snapshot is written). */
export interface SnapshotEntry {
  /** The snapshot's name (the engine uses `vector-<collection>`). */
  name: string;
  /** Produces the snapshot's bytes in order; called only when the snapshot is written. */
  parts: () => Iterable<Uint8Array>;
}

/** Where a storage keeps its snapshots (see {@link Storage.snapshots}). */
export interface SnapshotStore {
  /** The snapshot saved under `name`, when storage has not changed since it was saved; else `undefined`. */
  open(name: string): Promise<SnapshotReader | undefined>;
  /**
   * Saves `entries` as the current snapshots (replacing every older one), valid until the next commit. Skips the
   * writing when the current snapshots already are those names and storage has not changed since they were saved or
   * opened. Call it with no commit in flight.
   */
  save(entries: readonly SnapshotEntry[]): Promise<void>;
}
