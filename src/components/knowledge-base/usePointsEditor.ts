import { useState } from 'react';
import type { KnowledgeLocator, PointInfo } from '../../client/knowledge/types';
import { useAddPoint, useDeletePoint, usePoints, useUpdatePoint } from '../../hooks/index';
import { describeError } from '../primitives/describeError';
import type { Notify } from './types';

/** State of {@link usePointsEditor}. */
export interface PointsEditorState {
  status: 'idle' | 'loading' | 'error' | 'empty' | 'ready';
  error: unknown;
  /** The open document's points, by chunk id. */
  items: readonly PointInfo[];
  /** The point being edited inline, or `null`. */
  editingId: string | null;
  /** The inline editor's content draft. */
  draft: string;
  setDraft: (content: string) => void;
  startEdit: (point: PointInfo) => void;
  cancelEdit: () => void;
  /** Sends the draft (`point/update`). */
  save: () => Promise<void>;
  isSaving: boolean;
  /** Deletes a point (`point/delete`). */
  remove: (pointId: string) => Promise<void>;
  /** The new point's drafts. */
  newTitle: string;
  setNewTitle: (title: string) => void;
  newContent: string;
  setNewContent: (content: string) => void;
  /** Adds the new point to the open document (`point/add`, chunk type `text`). */
  add: () => Promise<void>;
  isAdding: boolean;
}

/** The open document's points: listed, edited inline, deleted and added. */
export function usePointsEditor(
  collection: KnowledgeLocator,
  { docId, notify }: { docId: string | null; notify: Notify },
): PointsEditorState {
  const query = usePoints(
    { collection, docIds: docId === null ? [] : [docId], limit: -1 },
    { enabled: docId !== null },
  );
  const [editing, setEditing] = useState<{ id: string; draft: string } | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [newContent, setNewContent] = useState('');
  const update = useUpdatePoint(collection);
  const remove = useDeletePoint(collection);
  const add = useAddPoint(collection);
  const items = [...(query.data?.items ?? [])].sort((a, b) => (a.chunkId ?? 0) - (b.chunkId ?? 0));
  const failed = (error: unknown) =>
    notify({ key: 'noticeFailed', values: { message: describeError(error).message } }, 'error');

  return {
    status:
      docId === null
        ? 'idle'
        : query.isError
          ? 'error'
          : query.isPending
            ? 'loading'
            : items.length === 0
              ? 'empty'
              : 'ready',
    error: query.error,
    items,
    editingId: editing?.id ?? null,
    draft: editing?.draft ?? '',
    setDraft: (draft) => setEditing((current) => (current ? { ...current, draft } : current)),
    startEdit: (point) => {
      if (point.pointId !== undefined) setEditing({ id: point.pointId, draft: point.content ?? '' });
    },
    cancelEdit: () => setEditing(null),
    async save() {
      if (!editing) return;
      try {
        await update.mutateAsync({ params: { pointId: editing.id, content: editing.draft } });
        setEditing(null);
        notify({ key: 'noticePointSaved' });
      } catch (error) {
        failed(error);
      }
    },
    isSaving: update.isPending,
    async remove(pointId) {
      try {
        await remove.mutateAsync({ params: pointId });
        if (editing?.id === pointId) setEditing(null);
        notify({ key: 'noticePointDeleted' });
      } catch (error) {
        failed(error);
      }
    },
    newTitle,
    setNewTitle,
    newContent,
    setNewContent,
    async add() {
      if (docId === null || newContent.trim() === '') return;
      try {
        await add.mutateAsync({
          params: {
            docId,
            chunkType: 'text',
            content: newContent,
            ...(newTitle.trim() === '' ? {} : { chunkTitle: newTitle.trim() }),
          },
        });
        setNewTitle('');
        setNewContent('');
        notify({ key: 'noticePointAdded' });
      } catch (error) {
        failed(error);
      }
    },
    isAdding: add.isPending,
  };
}
