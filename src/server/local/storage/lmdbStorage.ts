/**
 * Durable {@link Storage} on LMDB (the `lmdb` package, prebuilt binaries): one environment in a directory, one
 * key space of `space 0x00 key` records (see `recordKey.ts`), values in the float64-packing JSON codec
 * (`valueCodec.ts`).
 *
 * Each `commit` issues all its puts and removes in one event turn, which lmdb commits as ONE transaction on its write
 * thread (event-turn batching; this module never runs a synchronous transaction, which could split such a batch),
 * with `overlappingSync` off, so by the time it resolves the transaction is committed and fsync'ed: a crash (even
 * SIGKILL or power loss, as far as the disk honours fsync) keeps every acknowledged commit, and a transaction that
 * fails is aborted as a whole. Keys and values are encoded (and key lengths checked) before anything is issued, so
 * bad input rejects without touching the database. The event loop is not blocked while lmdb writes and syncs, so
 * work such as document imports goes on meanwhile (the synchronous `transactionSync` used before spent most of a
 * busy disk's fsync time blocking it). lmdb's `transaction(callback)` is avoided on purpose: it needs N-API
 * threadsafe calls and it commits even when the callback throws.
 */
import { firstLine, prepareDataDirectory, removeCreatedDirectory } from './dataDirectory';
import { open, type RootDatabase } from 'lmdb';
import type { Storage, StorageWrite } from './Storage';
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
  let db: RootDatabase<Buffer, Buffer>;
  try {
    db = open<Buffer, Buffer>({
      path: dir,
      // lmdb guesses from the name: a path with an extension (`my.data`, every `mktemp -d` name) would be taken for
      // a database file rather than a directory. The data directory is always a directory.
      noSubdir: false,
      keyEncoding: 'binary',
      encoding: 'binary',
      overlappingSync: false,
      // The default, relied on by `commit`: writes issued in one event turn go in one transaction.
      eventTurnBatching: true,
      readOnly,
    });
  } catch (error) {
    await removeCreatedDirectory(created);
    throw new Error(`cannot open the data directory ${dir}: ${firstLine(error)}`, { cause: error });
  }
  let closed = false;
  let closing: Promise<void> | undefined;

  function assertOpen(): void {
    if (closed) throw new Error(`lmdb storage at ${dir} is closed`);
  }

  return {
    async load(space) {
      assertOpen();
      const { start, end } = spaceRange(space);
      const records: Array<[string, unknown]> = [];
      for (const { key, value } of db.getRange({ start, end })) {
        records.push([decodeRecordKey(key)[1], decodeValue(value)]);
      }
      return records.sort(byKey);
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

    async commit(writes: readonly StorageWrite[]) {
      assertOpen();
      if (readOnly) throw new Error(`lmdb storage at ${dir} is read-only`);
      if (writes.length === 0) return;
      const prepared = writes.map((write) => ({
        key: encodeRecordKey(write.space, write.key),
        value: write.value === undefined ? undefined : encodeValue(write.value),
      }));
      // Issued in one event turn, so lmdb commits them in one transaction (its event-turn batching; nothing here
      // runs a synchronous transaction that could split the batch), on its write thread.
      const done = prepared.map(({ key, value }) => (value === undefined ? db.remove(key) : db.put(key, value)));
      await Promise.all(done);
      await db.flushed;
    },

    close() {
      if (closing) return closing;
      closed = true;
      closing = db.close();
      return closing;
    },
  };
}
