/**
 * An advisory lock on a data directory, so two processes never serve one lmdb store (each keeps its indexes in memory
 * and would not see the other's writes). The lock is the file `vikingdb-kit.lock` in the directory, created
 * exclusively, holding `{pid, command, url?, startedAt}`; a lock whose process is gone (crash, `kill -9`) is stale and
 * taken over. A holder in this very process counts as a holder too.
 */
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareDataDirectory, removeCreatedDirectory } from './dataDirectory';

/** Name of the lock file inside a data directory. */
export const LOCK_FILE = 'vikingdb-kit.lock';

/** Who holds a data directory. */
export interface DataDirHolder {
  pid: number;
  /** What runs there, e.g. `serve`, `docs add`. */
  command: string;
  /** Where the holder answers, when it is a server. */
  url?: string | undefined;
  /** Epoch ms. */
  startedAt: number;
}

/** A held lock. */
export interface DataDirLock {
  readonly path: string;
  /** Records the URL the holder answers on (servers call it once listening). */
  setUrl(url: string): Promise<void>;
  /** Removes the lock file (only if it is still this lock's). Idempotent. */
  release(): Promise<void>;
  /**
   * Releases the lock and, when taking it created the data directory, removes the directory again: for a start that
   * failed (port taken, bad config), so nothing is left behind. Idempotent.
   */
  discard(): Promise<void>;
}

/** Thrown by {@link acquireDataDirLock} when a live process holds the directory. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    readonly dir: string,
    readonly holder: DataDirHolder,
  ) {
    super(
      `the data directory ${dir} is in use by process ${holder.pid} (vikingdb-kit ${holder.command}` +
        `${holder.url ? ` at ${holder.url}` : ''}, since ${new Date(holder.startedAt).toISOString()})`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(text: string): DataDirHolder | undefined {
  try {
    const json = JSON.parse(text) as Partial<DataDirHolder>;
    if (typeof json.pid === 'number' && Number.isInteger(json.pid) && json.pid > 0)
      return {
        pid: json.pid,
        command: typeof json.command === 'string' ? json.command : 'unknown',
        url: typeof json.url === 'string' ? json.url : undefined,
        startedAt: typeof json.startedAt === 'number' ? json.startedAt : 0,
      };
  } catch {
    // unreadable: treated as stale below
  }
  return undefined;
}

/** The live holder of `dir`, if any (a stale or unreadable lock file counts as none). */
export async function dataDirHolder(dir: string): Promise<DataDirHolder | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const holder = readHolder(text);
  return holder && isAlive(holder.pid) ? holder : undefined;
}

/**
 * Takes the lock of `dir` (creating the directory), taking over a stale one.
 * @throws DataDirLockedError when a live process holds it.
 */
export async function acquireDataDirLock(dir: string, command: string): Promise<DataDirLock> {
  const created = await prepareDataDirectory(dir);
  const path = join(dir, LOCK_FILE);
  const holder: DataDirHolder = { pid: process.pid, command, startedAt: Date.now() };
  const text = () => `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(path, 'wx');
      try {
        await file.writeFile(text());
      } finally {
        await file.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = await dataDirHolder(dir);
      if (current) throw new DataDirLockedError(dir, current);
      if (attempt > 0)
        throw new Error(`could not take the lock ${path}; another process is starting on ${dir}`, { cause: error });
      await rm(path, { force: true });
    }
  }
  let released = false;
  const ours = async () => {
    const current = readHolder(await readFile(path, 'utf8').catch(() => ''));
    return current?.pid === holder.pid && current.startedAt === holder.startedAt;
  };
  const release = async () => {
    if (released) return;
    released = true;
    if (await ours()) await rm(path, { force: true });
  };
  return {
    path,
    async setUrl(url) {
      holder.url = url;
      if (!released && (await ours())) await writeFile(path, text());
    },
    release,
    async discard() {
      await release();
      await removeCreatedDirectory(created);
    },
  };
}
