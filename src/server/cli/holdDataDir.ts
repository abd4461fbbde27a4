/**
 * The data directory lock for CLI commands that open a data directory themselves (`seed`, `import --data`,
 * `docs add` without a server): a directory another process holds is refused with a message naming that process and
 * what to do instead.
 */
import {
  acquireDataDirLock,
  DataDirLockedError,
  type DataDirHolder,
  type DataDirLock,
} from '../local/storage/dataDirLock';

/**
 * Takes the lock of `dir` for `command`.
 * @throws Error `<who holds it>. <advice(holder)>` when another process holds it.
 */
export async function holdDataDir(
  dir: string,
  command: string,
  advice: (holder: DataDirHolder) => string,
): Promise<DataDirLock> {
  try {
    return await acquireDataDirLock(dir, command);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new Error(`${error.message}. ${advice(error.holder)}`, { cause: error });
  }
}

/** Advice for a command that can also go through a server: use the holder's URL. */
export function throughServerAdvice(what: string) {
  return (holder: DataDirHolder): string =>
    holder.url
      ? `${what} through it: --url ${holder.url}`
      : 'Stop it first, or pass --url with the address of the server that uses it.';
}
