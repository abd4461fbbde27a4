/**
 * The write path of the vector domain: persist a batch of row changes (plus the purge of expired rows) in ONE
 * atomic storage commit, then apply it in memory. If the commit fails nothing changes, in storage or in memory.
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
  try {
    await context.storage.commit(all.map(({ key, row }) => ({ space: collection.space, key, value: row })));
  } catch (error) {
    throw new EngineError(
      'internal',
      `storage commit failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  collection.apply(all);
}
