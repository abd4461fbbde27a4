import type { RequestLog } from 'vikingdb-kit/client';

/** One row of the Activity page. */
export interface ActivityEntry extends RequestLog {
  /** Sequence number, for keys. */
  seq: number;
  /** When the call ended (epoch ms). */
  at: number;
}

/** How many requests the Activity page keeps. */
export const ACTIVITY_CAPACITY = 300;

/**
 * A small external store of the last requests, fed by the client's `onRequestEnd` and read with
 * `useSyncExternalStore`. Snapshots are immutable arrays, newest first.
 */
export function createActivityLog(capacity = ACTIVITY_CAPACITY) {
  let entries: readonly ActivityEntry[] = [];
  let seq = 0;
  const listeners = new Set<() => void>();
  return {
    record(log: RequestLog): void {
      entries = [{ ...log, seq: ++seq, at: Date.now() }, ...entries].slice(0, capacity);
      for (const listener of listeners) listener();
    },
    clear(): void {
      entries = [];
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: (): readonly ActivityEntry[] => entries,
  };
}

export type ActivityLog = ReturnType<typeof createActivityLog>;
