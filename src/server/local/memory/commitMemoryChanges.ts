/** One atomic storage commit of memory changes, then the in-memory apply (nothing changes if the commit fails). */
import { EngineError } from '../engine/EngineError';
import type { EngineContext } from '../engine/EngineContext';
import type { MemoryChange, MemoryCollection } from './MemoryCollection';

export async function commitMemoryChanges(
  context: EngineContext,
  collection: MemoryCollection,
  changes: readonly MemoryChange[],
): Promise<void> {
  if (changes.length === 0) return;
  try {
    await context.storage.commit(collection.writes(changes));
  } catch (error) {
    throw new EngineError(
      'internal',
      `storage commit failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  collection.apply(changes);
}
