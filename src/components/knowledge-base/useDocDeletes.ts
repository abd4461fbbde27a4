import { useEffect, useMemo, useRef } from 'react';
import type { KnowledgeLocator } from '../../client/knowledge/types';
import { useDeleteDoc } from '../../hooks/index';
import { describeError } from '../primitives/describeError';
import { useUndoQueue } from '../primitives/useUndoQueue';
import type { KnowledgeDoc, Notify } from './types';

/** A deleted document whose undo window is open. */
export interface PendingDelete {
  docId: string;
  name: string;
}

/** State of {@link useDocDeletes}. */
export interface DocDeletesState {
  /** Deletes waiting for their undo window to close, oldest first. */
  entries: readonly PendingDelete[];
  /** Ids of those documents (hidden from the list). */
  pendingIds: ReadonlySet<string>;
  /** Hides the document now and deletes it when the undo window closes. */
  remove: (doc: KnowledgeDoc) => void;
  /** Keeps the document: nothing is sent. */
  undo: (docId: string) => void;
  /** Deletes now (closes the undo window). */
  commit: (docId: string) => void;
}

/**
 * Deletes with undo that lose nothing, on the shared undo queue: the document leaves the list at once, but
 * `doc/delete` is sent only when its undo window (`undoMs`) closes — on time, when the user dismisses it, or when the
 * component unmounts — so an undo is exact (chunks, edits and tags stay).
 */
export function useDocDeletes(
  collection: KnowledgeLocator,
  { undoMs, notify }: { undoMs: number; notify: Notify },
): DocDeletesState {
  const queue = useUndoQueue<PendingDelete>(undoMs);
  const deleteDoc = useDeleteDoc(collection);
  // The delete may be sent after this render (a timer, an unmount): it uses the latest mutation and notifier.
  const latest = useRef({ deleteDoc, notify });
  useEffect(() => {
    latest.current = { deleteDoc, notify };
  });

  const { entries: queued, push, undo, dismiss } = queue;
  return useMemo(() => {
    const entryOf = (docId: string) => queued.find((entry) => entry.message.docId === docId);
    const entries = queued.map((entry) => entry.message);
    const send = (docId: string) => {
      latest.current.deleteDoc.mutateAsync({ params: docId }).catch((error: unknown) => {
        latest.current.notify({ key: 'noticeFailed', values: { message: describeError(error).message } }, 'error');
      });
    };
    return {
      entries,
      pendingIds: new Set(entries.map((entry) => entry.docId)),
      remove: (item) => {
        if (entryOf(item.id)) return;
        const pending = { docId: item.id, name: item.doc.docName ?? item.id };
        push(pending, async () => latest.current.notify({ key: 'restored', values: { name: pending.name } }), {
          onExpire: () => send(pending.docId),
        });
      },
      undo: (docId) => {
        const entry = entryOf(docId);
        if (entry) void undo(entry.id);
      },
      commit: (docId) => {
        const entry = entryOf(docId);
        if (entry) dismiss(entry.id);
      },
    };
  }, [queued, push, undo, dismiss]);
}
