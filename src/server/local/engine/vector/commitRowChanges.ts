/**
 * The write path of the vector domain: persist a batch of row changes (plus the purge of expired rows) in ONE
 * atomic storage commit, then apply it in memory. If the commit fails nothing changes, in storage or in memory.
 *
 * With a storage that queues commits (`queueCommit`), the write lock is handed on as soon as the commit is queued:
 * the next write can validate and queue its own while storage is still writing this one, and the collection's
 * {@link CommitPipeline} applies each commit in memory once it is visible, in queue order. The write resolves only
 * once it is durable. A write that reads rows to decide (update, delete, the purge here) first waits for
 * {@link settledRows}.
 */
import { EngineError } from '../EngineError';
import type { EngineContext } from '../EngineContext';
import { persistableRow } from './compactRow';
import type { VectorCollection } from './VectorCollection';
import type { RowChange } from './VectorIndex';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The error of a write whose storage commit failed: nothing of it was written. */
const nothingWritten = (error: unknown) =>
  new EngineError('internal', `storage commit failed, nothing was written: ${message(error)}`);

/**
 * Resolves once every commit queued for `collection` is applied, so its rows are final until the caller (holding the
 * write lock) queues the next one.
 */
export function settledRows(collection: VectorCollection): Promise<void> {
  return collection.commits.idle();
}

export async function commitRowChanges(
  context: EngineContext,
  collection: VectorCollection,
  changes: readonly RowChange[],
): Promise<void> {
  // The purge reads which rows expired: only the applied rows can say.
  if (collection.hasExpiringRows) await settledRows(collection);
  const touched = new Set(changes.map((change) => change.key));
  const purge = collection.expiredChanges(context.now()).filter((change) => !touched.has(change.key));
  // What storage receives is what memory applies: dense vectors as float32 values.
  const all = [...purge, ...changes].map(({ key, row }) => ({
    key,
    row: row && persistableRow(collection.schema, row),
  }));
  if (all.length === 0) return;
  const writes = all.map(({ key, row }) => ({ space: collection.space, key, value: row }));
  const storage = context.storage;
  if (!storage.queueCommit) {
    try {
      await storage.commit(writes);
    } catch (error) {
      throw nothingWritten(error);
    }
    collection.apply(all);
    return;
  }
  let queued: ReturnType<NonNullable<typeof storage.queueCommit>>;
  try {
    queued = storage.queueCommit(writes);
  } catch (error) {
    throw nothingWritten(error);
  }
  const applied = collection.commits.track(queued.visible, () => collection.apply(all));
  // Queued behind every earlier commit: the next write may queue its own now.
  context.writes.releaseLock();
  try {
    await applied;
  } catch (error) {
    throw nothingWritten(error);
  }
  try {
    await queued.durable;
  } catch (error) {
    throw new EngineError('internal', `storage commit was written but its disk flush failed: ${message(error)}`);
  }
}
