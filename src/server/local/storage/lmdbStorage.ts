/**
 * Durable {@link Storage} on LMDB (the `lmdb` package, prebuilt binaries): one environment in a directory, one
 * key space of `space 0x00 key` records (see `recordKey.ts`), values in the float64-packing JSON codec
 * (`valueCodec.ts`).
 *
 * Each commit runs as one synchronous LMDB write transaction, and a commit that throws is aborted as a whole. Keys
 * and values are encoded before the transaction starts, so bad input rejects without touching the database. With
 * lmdb's `overlappingSync`, the transaction is visible once it returns and the fsync runs after it, off the event
 * loop, overlapping the next transactions (lmdb keeps the meta pages crash-safe meanwhile): `commitVisible` resolves
 * at that point with `durable` = lmdb's `flushed`, and `commit` resolves only once flushed. So every acknowledged
 * commit survives a crash (even SIGKILL or power loss, as far as the disk honours fsync). (lmdb's asynchronous
 * `transaction(callback)` is avoided on purpose: it needs N-API threadsafe calls and it commits even when the
 * callback throws.)
 */
import { firstLine, prepareDataDirectory, removeCreatedDirectory } from './dataDirectory';
import { open, type RootDatabase } from 'lmdb';
import type { Storage, StorageWrite } from '../engine/storage/Storage';
import { afterSpace, decodeRecordKey, encodeRecordKey, spaceRange } from './recordKey';
import { decodeValue, encodeValue } from './valueCodec';

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

    async commitVisible(writes: readonly StorageWrite[]) {
      assertOpen();
      if (readOnly) throw new Error(`lmdb storage at ${dir} is read-only`);
      if (writes.length === 0) return { durable: Promise.resolve() };
      const prepared = writes.map((write) => ({
        key: encodeRecordKey(write.space, write.key),
        value: write.value === undefined ? undefined : encodeValue(write.value),
      }));
      db.transactionSync(() => {
        for (const { key, value } of prepared) {
          if (value === undefined) db.removeSync(key);
          else db.putSync(key, value);
        }
      });
      // `flushed` is a promise-like for the last commit so far, which is this one.
      const flushed = db.flushed;
      return { durable: new Promise<void>((resolve, reject) => void flushed.then(() => resolve(), reject)) };
    },

    async commit(writes: readonly StorageWrite[]) {
      const { durable } = await storage.commitVisible!(writes);
      await durable;
    },

    async releaseLoadedPages() {
      assertOpen();
      // Closing the environment unmaps it; the pages start-up read stop counting towards the process's memory.
      await db.flushed;
      await db.close();
      db = openEnvironment();
    },

    close() {
      if (closing) return closing;
      closed = true;
      closing = db.close();
      return closing;
    },
  };
  return storage;
}
