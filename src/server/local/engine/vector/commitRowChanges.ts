/**
 * The write path of the vector domain: persist a batch of row changes (plus the purge of expired rows) in ONE
 * atomic storage commit, then apply it in memory. If the commit fails nothing changes, in storage or in memory.
 * With a storage that commits in two steps (`commitVisible`), the write lock is handed on once the commit is
 * applied, and the write resolves only once it is durable.
 */
import { EngineError } from '../EngineError';
import type { EngineContext } from '../EngineContext';
import { persistableRow } from './compactRow';
import type { VectorCollection } from './VectorCollection';
import type { RowChange } from './VectorIndex';

export async function commitRowChanges(
  context: EngineContext,
  collection: VectorCollection,
  changes: readonly RowChange[],
): Promise<void> {
  const touched = new Set(changes.map((change) => change.key));
  const purge = collection.expiredChanges(context.now()).filter((change) => !touched.has(change.key));
  // What storage receives is what memory applies: dense vectors as number arrays of float32 values.
  const all = [...purge, ...changes].map(({ key, row }) => ({
    key,
    row: row && persistableRow(collection.schema, row),
  }));
  if (all.length === 0) return;
  const writes = all.map(({ key, row }) => ({ space: collection.space, key, value: row }));
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  let durable: Promise<void> | undefined;
  try {
    if (context.storage.commitVisible) ({ durable } = await context.storage.commitVisible(writes));
    else await context.storage.commit(writes);
  } catch (error) {
    throw new EngineError('internal', `storage commit failed, nothing was written: ${message(error)}`);
  }
  collection.apply(all);
  if (durable === undefined) return;
  // Committed and applied: the next write may start while this one waits for its disk flush.
  context.writes.releaseLock();
  try {
    await durable;
  } catch (error) {
    throw new EngineError('internal', `storage commit was written but its disk flush failed: ${message(error)}`);
  }
}
