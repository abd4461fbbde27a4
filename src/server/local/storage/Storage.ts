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

export interface Storage {
  /** Every record of a space in key order (used at start to rebuild in-memory indexes). */
  load(space: string): Promise<Array<[key: string, value: unknown]>>;
  /** The spaces that hold at least one record. */
  spaces(): Promise<string[]>;
  /**
   * Applies all writes atomically and resolves once they are durable. When it rejects, nothing was applied.
   */
  commit(writes: readonly StorageWrite[]): Promise<void>;
  close(): Promise<void>;
}
