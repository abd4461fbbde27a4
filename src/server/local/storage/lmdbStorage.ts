/**
 * Durable {@link Storage} on LMDB (the `lmdb` package, prebuilt binaries): one environment in a directory, one
 * key space of `space 0x00 key` records (see `recordKey.ts`), values in the float64-packing JSON codec
 * (`valueCodec.ts`).
 *
 * Each commit is one LMDB write transaction. Keys and values are encoded first, so bad input throws before anything is
 * queued. The writes then go to lmdb's write thread as one `batch` (committed atomically, in queue order), so the event
 * loop neither writes pages nor waits for the disk: `queueCommit` returns at once with `visible` (lmdb's commit
 * promise) and `durable` (its `flushed`, the fsync that with `overlappingSync` runs after the commit and overlaps the
 * next ones), and `commit` resolves only once flushed. So every acknowledged commit survives a crash (even SIGKILL or
 * power loss, as far as the disk honours fsync). (lmdb's asynchronous `transaction(callback)` is avoided on purpose:
 * it needs N-API threadsafe calls and it commits even when the callback throws.)
 */
import { firstLine, prepareDataDirectory, removeCreatedDirectory } from './dataDirectory';
import { open, type RootDatabase } from 'lmdb';
import type { Storage, StorageWrite } from '../engine/storage/Storage';
import { afterSpace, decodeRecordKey, encodeRecordKey, spaceRange } from './recordKey';
import { createLmdbSnapshots } from './lmdbSnapshots';
import { decodeValue, encodeValue } from './valueCodec';

/** The record that ties the snapshot files to this store (see `lmdbSnapshots.ts`). */
const SNAPSHOT_TOKEN = { space: 'vikingdb-kit/snapshots', key: 'token' } as const;

/** Options of {@link createLmdbStorage}. */
export interface LmdbStorageOptions {
  /**
   * Open the environment read-only (no commits). Default `false`.
   */
  readOnly?: boolean;
}

/** Same order as the in-memory storage (UTF-16 code units), so both load records identically. */
function byKey(a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * Opens (creating it if needed) an lmdb store in `dir`.
 *
 * Only one process should serve a directory at a time: the engine keeps its indexes in memory and would not see
 * another process's writes.
 */
export async function createLmdbStorage(dir: string, options: LmdbStorageOptions = {}): Promise<Storage> {
  const readOnly = options.readOnly ?? false;
  const created = readOnly ? undefined : await prepareDataDirectory(dir);
  const openEnvironment = () =>
    open<Buffer, Buffer>({
      path: dir,
      // lmdb guesses from the name: a path with an extension (`my.data`, every `mktemp -d` name) would be taken for
      // a database file rather than a directory. The data directory is always a directory.
      noSubdir: false,
      keyEncoding: 'binary',
      encoding: 'binary',
      overlappingSync: true,
      readOnly,
    });
  let db: RootDatabase<Buffer, Buffer>;
  try {
    db = openEnvironment();
  } catch (error) {
    await removeCreatedDirectory(created);
    throw new Error(`cannot open the data directory ${dir}: ${firstLine(error)}`, { cause: error });
  }
  let closed = false;
  let closing: Promise<void> | undefined;

  function assertOpen(): void {
    if (closed) throw new Error(`lmdb storage at ${dir} is closed`);
  }

  const storage: Storage = {
    async load(space) {
      assertOpen();
      const { start, end } = spaceRange(space);
      const records: Array<[string, unknown]> = [];
      for (const { key, value } of db.getRange({ start, end })) {
        records.push([decodeRecordKey(key)[1], decodeValue(value)]);
      }
      return records.sort(byKey);
    },

    async loadEach(space, visit) {
      assertOpen();
      const { start, end } = spaceRange(space);
      for (const { key, value } of db.getRange({ start, end })) visit(decodeRecordKey(key)[1], decodeValue(value));
    },

    async spaces() {
      assertOpen();
      const found: string[] = [];
      let start: Buffer | undefined;
      for (;;) {
        const next = [...db.getKeys(start === undefined ? { limit: 1 } : { start, limit: 1 })][0];
        if (next === undefined) break;
        const [space] = decodeRecordKey(next);
        found.push(space);
        start = afterSpace(space);
      }
      return found.sort();
    },

    queueCommit(writes: readonly StorageWrite[]) {
      assertOpen();
      if (readOnly) throw new Error(`lmdb storage at ${dir} is read-only`);
      if (writes.length === 0) return { visible: Promise.resolve(), durable: Promise.resolve() };
      // Every key and value is encoded before anything is queued, so a bad write throws with nothing written.
      const prepared = writes.map((write) => ({
        key: encodeRecordKey(write.space, write.key),
        value: write.value === undefined ? undefined : encodeValue(write.value),
      }));
      const committed = db.batch(() => {
        for (const { key, value } of prepared) {
          if (value === undefined) void db.remove(key);
          else void db.put(key, value);
        }
      });
      // `flushed` now stands for the transaction this batch went into (or a later one).
      const flushed = db.flushed;
      const visible = committed.then(() => undefined);
      const durable = visible.then(
        () => new Promise<void>((resolve, reject) => void flushed.then(() => resolve(), reject)),
      );
      // A caller that awaits only `durable` must not leave `visible`'s rejection unhandled.
      visible.catch(() => undefined);
      return { visible, durable };
    },

    async commit(writes: readonly StorageWrite[]) {
      // `durable` follows `visible`, and rejects with its error.
      await storage.queueCommit!(writes).durable;
    },

    async releaseLoadedPages() {
      assertOpen();
      // Closing the environment unmaps it; the pages start-up read stop counting towards the process's memory.
      await db.flushed;
      await db.close();
      db = openEnvironment();
    },

    snapshots: readOnly
      ? undefined
      : createLmdbSnapshots({
          dir,
          readToken() {
            assertOpen();
            const stored = db.get(encodeRecordKey(SNAPSHOT_TOKEN.space, SNAPSHOT_TOKEN.key));
            const token = stored === undefined ? undefined : decodeValue(stored);
            return typeof token === 'string' ? token : undefined;
          },
          commitToken: (token) => storage.commit([{ ...SNAPSHOT_TOKEN, value: token }]),
          lastTxnId() {
            assertOpen();
            return (db.getStats() as { lastTxnId: number }).lastTxnId;
          },
        }),

    close() {
      if (closing) return closing;
      closed = true;
      closing = db.close();
      return closing;
    },
  };
  return storage;
}
