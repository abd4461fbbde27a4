/**
 * One atomic storage commit of a collection's changes, then the in-memory apply: if the commit fails, nothing is
 * written and nothing in memory changes (the caller gets a 500 that says so). Memory and knowledge collections both
 * write this way.
 */
import type { StorageWrite } from './storage/Storage';
import { EngineError } from './EngineError';
import type { EngineContext } from './EngineContext';

/** A collection whose changes become storage writes and are then applied in memory. */
export interface ChangeTarget<TChange> {
  writes(changes: readonly TChange[]): StorageWrite[];
  apply(changes: readonly TChange[]): void;
}

/** Commits `changes` to storage as one write, then applies them to `collection`. No changes: nothing happens. */
export async function commitChanges<TChange>(
  context: EngineContext,
  collection: ChangeTarget<TChange>,
  changes: readonly TChange[],
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
