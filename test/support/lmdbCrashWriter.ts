/**
 * Child process of the lmdb crash test: commits writes forever into the store at argv[2] and prints each
 * acknowledged key on stdout, until the parent kills it with SIGKILL.
 *
 * Every commit writes two records atomically — `crash/<key>` and `crash-meta/last` — so the parent can also check
 * that no commit was half-applied.
 */
import { createLmdbStorage } from '../../src/server/local/storage/lmdbStorage';
import { crashKey, crashValue } from './crashRecords';

async function main(dir: string): Promise<void> {
  const storage = await createLmdbStorage(dir);
  for (let i = 0; ; i++) {
    await storage.commit([
      { space: 'crash', key: crashKey(i), value: crashValue(i) },
      { space: 'crash-meta', key: 'last', value: i },
    ]);
    process.stdout.write(`${crashKey(i)}\n`);
  }
}

const dir = process.argv[2];
if (dir) void main(dir);
