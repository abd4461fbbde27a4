/**
 * Durable key-value storage under the local engine. The engine keeps its indexes in memory and uses storage
 * only to persist writes and to reload everything at start. Implementations: in-memory (browser, MSW, tests)
 * and lmdb (Node). This file is pure: no Node built-ins.
 */

import type { SnapshotStore } from './SnapshotStore';

/**
 * One write: `value === undefined` deletes the key. Values are JSON-compatible, except that a `Float32Array` may stand
 * for a number array (storage keeps it as one).
 */
export interface StorageWrite {
  /** A namespace such as `vector/text/rows` or `memory/default/sdk_test/events`. */
  space: string;
  key: string;
  value: unknown;
}

/**
 * The storage contract the local engine persists to (see {@link createMemoryStorage} and {@link createLmdbStorage}).
 */
export interface Storage {
  /** Every record of a space in key order (used at start to rebuild in-memory indexes). */
  load(space: string): Promise<Array<[key: string, value: unknown]>>;
  /**
   * Optional streaming {@link load}: calls `visit` with every record of a space in the storage's own key order
   * (lmdb: UTF-8 byte order), holding none of them, so a large space loads without all its records in memory at once.
   */
  loadEach?(space: string, visit: (key: string, value: unknown) => void): Promise<void>;
  /** The spaces that hold at least one record. */
  spaces(): Promise<string[]>;
  /**
   * Applies all writes atomically and resolves once they are durable. When it rejects, nothing was applied.
   */
  commit(writes: readonly StorageWrite[]): Promise<void>;
  /**
   * Optional pipelined {@link commit}: queues all writes as one atomic transaction behind every commit queued before
   * it, and returns at once. `visible` resolves once the transaction is committed (transactions commit in queue
   * order) and `durable` once it is flushed to disk; both reject when it failed, and then none of it was applied. A
   * write storage cannot hold throws here, before anything is queued. The engine uses it to let the next write queue
   * its commit while earlier ones are still being written, and applies each one in memory once it is visible; it
   * answers a write only once `durable` resolved.
   */
  queueCommit?(writes: readonly StorageWrite[]): { visible: Promise<void>; durable: Promise<void> };
  /**
   * Optional: forget what start-up read (lmdb: reopen the environment, so its memory-mapped pages read by `load` no
   * longer count as the process's resident memory). Called once after loading, before any write.
   */
  releaseLoadedPages?(): Promise<void>;
  /**
   * Optional start-up snapshots (lmdb: files beside the store, checked against it). Without it the engine rebuilds
   * everything from the records at every start.
   */
  snapshots?: SnapshotStore | undefined;
  /** Flushes and releases the storage; the engine calls nothing after it. */
  close(): Promise<void>;
}

/** Visits every record of a space: streamed when the storage can, else from {@link Storage.load}. */
export async function forEachRecord(
  storage: Storage,
  space: string,
  visit: (key: string, value: unknown) => void,
): Promise<void> {
  if (storage.loadEach) return storage.loadEach(space, visit);
  for (const [key, value] of await storage.load(space)) visit(key, value);
}
