/**
 * The data directory as a user names it (`serve --data PATH`, `VIKINGDB_DATA`): any path works, or fails with one
 * line and leaves nothing behind. {@link prepareDataDirectory} creates what is missing and says what it created, so
 * a start that fails later can remove exactly that.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!;
}

/**
 * Makes sure `dir` is a directory, creating it (and missing parents) if needed. Resolves with the topmost directory
 * it created, `undefined` when `dir` existed. An unusable path (a file, or a place that cannot be written) is a
 * one-line error.
 */
export async function prepareDataDirectory(dir: string): Promise<string | undefined> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing) {
    if (!existing.isDirectory()) throw new Error(`the data directory ${dir} is a file; give a directory path`);
    return undefined;
  }
  let topmost = resolve(dir);
  while (dirname(topmost) !== topmost && !(await stat(dirname(topmost)).catch(() => undefined))) {
    topmost = dirname(topmost);
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new Error(`cannot create the data directory ${dir}: ${firstLine(error)}`, { cause: error });
  }
  return topmost;
}

/** Removes what {@link prepareDataDirectory} created (nothing when it created nothing). */
export async function removeCreatedDirectory(created: string | undefined): Promise<void> {
  if (created !== undefined) await rm(created, { recursive: true, force: true }).catch(() => undefined);
}
