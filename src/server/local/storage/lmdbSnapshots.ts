/**
 * Start-up snapshots of an lmdb store (see `SnapshotStore`): files `snapshots/<name>.snapshot` in the data directory.
 *
 * Layout: `VDBSNAP1` · u32 LE header length · header JSON `{token, txnId}` · the snapshot's bytes.
 *
 * Saving first commits a fresh random token into the store itself (one record) and waits for it to be flushed, then
 * writes every file with that token and lmdb's last transaction id, each to a temporary name, fsynced, then renamed
 * over the old one. A file is valid only while the store's token record equals the file's token and lmdb's last
 * transaction id equals the file's: every later commit increases the id, and a store swapped for another (or restored
 * from a backup) lacks the token. So a stale file is never read; at worst a start reads the records.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotEntry, SnapshotReader, SnapshotStore } from '../engine/storage/SnapshotStore';

const MAGIC = Buffer.from('VDBSNAP1', 'latin1');
const SUFFIX = '.snapshot';
/** Folder of the snapshot files inside the data directory. */
export const SNAPSHOT_DIR = 'snapshots';

/** What the snapshot files are checked against: the lmdb store beside them. */
export interface SnapshotHost {
  /** The data directory. */
  dir: string;
  /** The token record, if any. */
  readToken(): string | undefined;
  /** Commits the token record and resolves once it is flushed to disk. */
  commitToken(token: string): Promise<void>;
  /** lmdb's last committed transaction id. */
  lastTxnId(): number;
}

interface FileHeader {
  token: string;
  txnId: number;
}

/** A file name for a snapshot name (any string). */
function fileOf(dir: string, name: string): string {
  return join(dir, SNAPSHOT_DIR, `${encodeURIComponent(name)}${SUFFIX}`);
}

async function readFully(handle: FileHandle, into: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error('snapshot file ends early');
    done += bytesRead;
  }
}

async function writeFully(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    done += bytesWritten;
  }
}

/**
 * Reads `file` front to back in the background (into one reused buffer, discarding it), so that while the engine
 * parses one chunk the next ones come into the page cache: a start on a cold disk then waits for the disk far less.
 */
function warmPageCache(file: string): { stop(): void } {
  let stopped = false;
  void (async () => {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
      for (let position = 0; !stopped;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        position += bytesRead;
      }
    } finally {
      await handle.close();
    }
  })().catch(() => undefined);
  return {
    stop() {
      stopped = true;
    },
  };
}

/** The header of a snapshot file and where its bytes start, or `undefined` when the file is not one. */
async function readHeader(
  handle: FileHandle,
  size: number,
): Promise<{ header: FileHeader; start: number } | undefined> {
  if (size < MAGIC.length + 4) return undefined;
  const prefix = Buffer.alloc(MAGIC.length + 4);
  await readFully(handle, prefix, 0);
  if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const length = prefix.readUInt32LE(MAGIC.length);
  if (length > size - prefix.length) return undefined;
  const text = Buffer.alloc(length);
  await readFully(handle, text, prefix.length);
  const header = JSON.parse(text.toString('utf8')) as Partial<FileHeader>;
  if (typeof header.token !== 'string' || typeof header.txnId !== 'number') return undefined;
  return { header: { token: header.token, txnId: header.txnId }, start: prefix.length + length };
}

/** The snapshot store of the lmdb store described by `host`. */
export function createLmdbSnapshots(host: SnapshotHost): SnapshotStore {
  /** The snapshots known to match the store, and the transaction id they match. */
  let current: { txnId: number; names: Set<string> } | undefined;

  function isCurrent(header: FileHeader): boolean {
    return header.token === host.readToken() && header.txnId === host.lastTxnId();
  }

  return {
    async open(name) {
      const file = fileOf(host.dir, name);
      let handle: FileHandle;
      try {
        handle = await open(file, 'r');
      } catch {
        return undefined;
      }
      try {
        const size = (await handle.stat()).size;
        const found = await readHeader(handle, size);
        if (!found || !isCurrent(found.header)) {
          await handle.close();
          return undefined;
        }
        if (current?.txnId !== found.header.txnId) current = { txnId: found.header.txnId, names: new Set() };
        current.names.add(name);
        const { start } = found;
        const warming = warmPageCache(file);
        const reader: SnapshotReader = {
          size: size - start,
          read: (into, position) => readFully(handle, into, start + position),
          async close() {
            warming.stop();
            await handle.close();
          },
        };
        return reader;
      } catch {
        await handle.close();
        return undefined;
      }
    },

    async save(entries: readonly SnapshotEntry[]) {
      const names = new Set(entries.map((entry) => entry.name));
      if (current?.txnId === host.lastTxnId() && [...names].every((name) => current!.names.has(name))) return;
      const token = randomUUID();
      await host.commitToken(token);
      const header = Buffer.from(JSON.stringify({ token, txnId: host.lastTxnId() } satisfies FileHeader), 'utf8');
      const folder = join(host.dir, SNAPSHOT_DIR);
      await mkdir(folder, { recursive: true });
      for (const entry of entries) {
        const file = fileOf(host.dir, entry.name);
        const temporary = `${file}.tmp`;
        const handle = await open(temporary, 'w');
        try {
          const length = Buffer.alloc(4);
          length.writeUInt32LE(header.length);
          await writeFully(handle, Buffer.concat([MAGIC, length, header]));
          for (const part of entry.parts()) await writeFully(handle, part);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, file);
      }
      // Older snapshots (collections no longer configured, interrupted saves) could never be read again.
      const kept = new Set([...names].map((name) => fileOf(host.dir, name)));
      for (const file of await readdir(folder)) {
        const path = join(folder, file);
        if (!kept.has(path)) await rm(path, { force: true });
      }
      current = { txnId: host.lastTxnId(), names };
    },
  };
}
