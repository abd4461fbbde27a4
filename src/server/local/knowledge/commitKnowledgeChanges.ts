/** One atomic storage commit of knowledge changes, then the in-memory apply (nothing changes if the commit fails). */
import { EngineError } from '../engine/EngineError';
import type { EngineContext } from '../engine/EngineContext';
import type { KnowledgeChange, KnowledgeCollection } from './KnowledgeCollection';

export async function commitKnowledgeChanges(
  context: EngineContext,
  collection: KnowledgeCollection,
  changes: readonly KnowledgeChange[],
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
