/**
 * Durable key-value storage under the local engine. The engine keeps its indexes in memory and uses storage
 * only to persist writes and to reload everything at start. Implementations: in-memory (browser, MSW, tests)
 * and lmdb (Node). This file is pure: no Node built-ins.
 */

/** One write: `value === undefined` deletes the key. Values are JSON-compatible. */
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
   * Optional two-step {@link commit}: applies all writes atomically and resolves once they are committed and
   * visible (rejecting means nothing was applied), with `durable` resolving once they are flushed to disk. The engine
   * uses it to hand its write lock on before the flush, so the flushes of consecutive commits overlap; it still
   * answers a write only once `durable` resolved.
   */
  commitVisible?(writes: readonly StorageWrite[]): Promise<{ durable: Promise<void> }>;
  /**
   * Optional: forget what start-up read (lmdb: reopen the environment, so its memory-mapped pages read by `load` no
   * longer count as the process's resident memory). Called once after loading, before any write.
   */
  releaseLoadedPages?(): Promise<void>;
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
