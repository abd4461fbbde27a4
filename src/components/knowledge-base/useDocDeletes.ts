import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { KnowledgeLocator } from '../../client/knowledge/types';
import { useDeleteDoc, useVikingClient, vikingKeys } from '../../hooks/index';
import { describeError } from '../primitives/describeError';
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
 * Deletes with undo that lose nothing: the document leaves the list at once, but `doc/delete` is sent only when the
 * undo window (`undoMs`) closes, so an undo is exact (chunks, edits and tags stay). Pending deletes are sent when the
 * component unmounts.
 */
export function useDocDeletes(
  collection: KnowledgeLocator,
  { undoMs, notify }: { undoMs: number; notify: Notify },
): DocDeletesState {
  const [entries, setEntries] = useState<readonly PendingDelete[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const deleteDoc = useDeleteDoc(collection);
  const client = useVikingClient();
  const queryClient = useQueryClient();
  const latest = useRef({ client, queryClient, collection });
  useEffect(() => {
    latest.current = { client, queryClient, collection };
  });
  useEffect(() => {
    const pending = timers.current;
    return () => {
      const { client: c, queryClient: q, collection: kb } = latest.current;
      for (const [docId, timer] of pending) {
        clearTimeout(timer);
        void c.knowledge
          .collection(kb)
          .docs.delete(docId)
          .then(() => q.invalidateQueries({ queryKey: vikingKeys.knowledge.docLists(kb) }))
          .catch(() => undefined);
      }
      pending.clear();
    };
  }, []);

  const close = (docId: string) => {
    clearTimeout(timers.current.get(docId));
    timers.current.delete(docId);
    setEntries((list) => list.filter((entry) => entry.docId !== docId));
  };
  const commit = (docId: string) => {
    if (!timers.current.has(docId)) return;
    close(docId);
    deleteDoc.mutateAsync({ docId }).catch((error: unknown) => {
      notify({ key: 'noticeFailed', values: { message: describeError(error).message } }, 'error');
    });
  };

  return {
    entries,
    pendingIds: new Set(entries.map((entry) => entry.docId)),
    remove: (item) => {
      if (timers.current.has(item.id)) return;
      timers.current.set(
        item.id,
        setTimeout(() => commit(item.id), undoMs),
      );
      setEntries((list) => [...list, { docId: item.id, name: item.doc.docName ?? item.id }]);
    },
    undo: (docId) => {
      const entry = entries.find((candidate) => candidate.docId === docId);
      if (!timers.current.has(docId)) return;
      close(docId);
      notify({ key: 'restored', values: { name: entry?.name ?? docId } });
    },
    commit,
  };
}
