/**
 * In-memory {@link Storage} for browsers (MSW), tests and throwaway servers. Pure: no Node built-ins.
 * Commits are atomic (validated, then applied in one synchronous step) and values are kept as JSON text (serialized once on commit, parsed on load), so
 * the engine can never mutate what is "stored" by accident. Nothing survives the process.
 */
import type { Storage, StorageWrite } from './Storage';

/** `JSON.stringify` replacer: a `Float32Array` (a dense vector) is stored as its number array, as lmdb stores it. */
function typedArraysAsNumbers(_key: string, value: unknown): unknown {
  return value instanceof Float32Array ? Array.from(value) : value;
}

/** Creates an empty in-memory storage. After `close()` every call rejects. */
export function createMemoryStorage(): Storage {
  const spaces = new Map<string, Map<string, string>>();
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new Error('memory storage is closed');
  }

  return {
    async load(space) {
      assertOpen();
      const records = spaces.get(space);
      if (!records) return [];
      return [...records.keys()]
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((key): [string, unknown] => [key, JSON.parse(records.get(key)!) as unknown]);
    },
    async spaces() {
      assertOpen();
      return [...spaces.keys()].filter((space) => (spaces.get(space)?.size ?? 0) > 0).sort();
    },
    async commit(writes: readonly StorageWrite[]) {
      assertOpen();
      // Serialize everything first: a value JSON cannot hold rejects the whole commit before anything changes.
      const prepared = writes.map((write) => ({
        ...write,
        json: write.value === undefined ? undefined : JSON.stringify(write.value, typedArraysAsNumbers),
      }));
      for (const write of prepared) {
        let records = spaces.get(write.space);
        if (write.json === undefined) {
          records?.delete(write.key);
          continue;
        }
        if (!records) {
          records = new Map();
          spaces.set(write.space, records);
        }
        records.set(write.key, write.json);
      }
    },
    async close() {
      closed = true;
      spaces.clear();
    },
  };
}
