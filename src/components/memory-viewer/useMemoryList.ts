import { useState } from 'react';
import type { MemoryItem, MemoryLocator } from '../../client/memory/types';
import {
  useAddEvent,
  useAddProfile,
  useBatchDeleteEvents,
  useBatchDeleteProfiles,
  useDeleteEvent,
  useDeleteProfile,
  useEventSearch,
  useProfileSearch,
  useUpdateEvent,
  useUpdateProfile,
} from '../../hooks/index';
import { toErrorInfo } from './errorInfo';
import { compact } from './compact';
import { epochOfLocalInput } from './timeInput';
import type { MemoryKind, MessageRef } from './types';
import type { UndoQueue } from '../primitives/useUndoQueue';
import { useMemoryEditor, type MemoryEditor } from './useMemoryEditor';
import { viewStateOf, type ViewState } from './viewState';

/** Memories of one type. */
export interface MemoryGroup {
  type: string;
  items: readonly MemoryItem[];
}

/** The batch-delete filter as typed (empty = not set; times are `datetime-local` values). */
export interface BatchFilterDraft {
  type: string;
  userId: string;
  assistantId: string;
  from: string;
  to: string;
}

/** The batch delete dialog. */
export interface BatchDeleteState {
  isOpen: boolean;
  draft: BatchFilterDraft;
  /** True when no key of the filter is set (everything would go). */
  isUnfiltered: boolean;
  isPending: boolean;
  open: () => void;
  close: () => void;
  setDraft: (change: Partial<BatchFilterDraft>) => void;
  confirm: () => Promise<void>;
}

/** State and actions of the events or profiles tab. */
export interface MemoryListState {
  kind: MemoryKind;
  view: ViewState;
  /** Loaded memories, minus those deleted in this view. */
  items: readonly MemoryItem[];
  /** `items` grouped by memory type, types in first-seen order. */
  groups: readonly MemoryGroup[];
  refetch: () => void;
  editor: MemoryEditor;
  /** Saves the editor's draft over the memory being edited. */
  save: () => Promise<void>;
  isSaving: boolean;
  /** Deletes at once; the undo window re-adds the memory (under a new id). */
  remove: (item: MemoryItem) => Promise<void>;
  batch: BatchDeleteState;
}

/** Inputs of {@link useMemoryList}. */
export interface MemoryListOptions {
  kind: MemoryKind;
  collection: MemoryLocator;
  userId: string | undefined;
  assistantId: string | undefined;
  limit: number;
  undo: UndoQueue<MessageRef>;
  notify: (tone: 'info' | 'error', message: MessageRef) => void;
}

function groupByType(items: readonly MemoryItem[]): MemoryGroup[] {
  const groups = new Map<string, MemoryItem[]>();
  for (const item of items) {
    const type = item.memoryType ?? '';
    groups.set(type, [...(groups.get(type) ?? []), item]);
  }
  return [...groups].map(([type, list]) => ({ type, items: list }));
}

/** The events or profiles of a collection (for the viewer's user/assistant), with edit, delete + undo and batch delete. */
export function useMemoryList(options: MemoryListOptions): MemoryListState {
  const { kind, collection, undo, notify } = options;
  const isEvents = kind === 'events';
  const filter = compact({ userId: options.userId, assistantId: options.assistantId });
  const search = { collection, filter, limit: options.limit };
  const eventQuery = useEventSearch(search, { enabled: isEvents });
  const profileQuery = useProfileSearch(search, { enabled: !isEvents });
  const query = isEvents ? eventQuery : profileQuery;

  const updateEvent = useUpdateEvent(collection);
  const updateProfile = useUpdateProfile(collection);
  const deleteEvent = useDeleteEvent(collection);
  const deleteProfile = useDeleteProfile(collection);
  const addEvent = useAddEvent(collection);
  const addProfile = useAddProfile(collection);
  const batchEvents = useBatchDeleteEvents(collection);
  const batchProfiles = useBatchDeleteProfiles(collection);

  const editor = useMemoryEditor();
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const emptyDraft: BatchFilterDraft = {
    type: '',
    userId: options.userId ?? '',
    assistantId: options.assistantId ?? '',
    from: '',
    to: '',
  };
  const [batchOpen, setBatchOpen] = useState(false);
  const [draft, setDraftState] = useState<BatchFilterDraft>(emptyDraft);

  const items = (query.data?.items ?? []).filter((item) => !deleted.has(item.id));
  const failed = (error: unknown) =>
    notify('error', { key: 'actionFailed', values: { message: toErrorInfo(error)?.message ?? '' } });

  const restore = async (item: MemoryItem) => {
    try {
      const owner = compact({ userId: item.userId, assistantId: item.assistantId, groupId: item.groupId });
      const type = item.memoryType ?? '';
      const id = isEvents
        ? (await addEvent.mutateAsync({ params: { eventType: type, memoryInfo: item.memoryInfo, ...owner } })).eventId
        : (await addProfile.mutateAsync({ params: { profileType: type, memoryInfo: item.memoryInfo, ...owner } }))
            .profileId;
      notify('info', { key: isEvents ? 'restoredEvent' : 'restoredProfile', values: { id: id ?? '' } });
    } catch (error) {
      failed(error);
    }
  };

  const batchFilter = compact({
    userId: draft.userId.trim(),
    assistantId: draft.assistantId.trim(),
    ...(isEvents
      ? { eventType: draft.type, startTime: epochOfLocalInput(draft.from), endTime: epochOfLocalInput(draft.to) }
      : { profileType: draft.type }),
  });

  return {
    kind,
    view: viewStateOf(query, items.length),
    items,
    groups: groupByType(items),
    refetch: () => void query.refetch(),
    editor,
    isSaving: isEvents ? updateEvent.isPending : updateProfile.isPending,
    save: async () => {
      const id = editor.editingId;
      const draftInfo = editor.read();
      if (id === undefined || !draftInfo.ok) return;
      try {
        if (isEvents) await updateEvent.mutateAsync({ params: { eventId: id, memoryInfo: draftInfo.value } });
        else await updateProfile.mutateAsync({ params: { profileId: id, memoryInfo: draftInfo.value } });
        editor.cancel();
      } catch (error) {
        failed(error);
      }
    },
    remove: async (item) => {
      setDeleted((set) => new Set(set).add(item.id));
      try {
        if (isEvents) await deleteEvent.mutateAsync({ params: item.id });
        else await deleteProfile.mutateAsync({ params: item.id });
        undo.push({ key: isEvents ? 'deletedEvent' : 'deletedProfile', values: { id: item.id } }, () => restore(item));
      } catch (error) {
        setDeleted((set) => {
          const next = new Set(set);
          next.delete(item.id);
          return next;
        });
        failed(error);
      }
    },
    batch: {
      isOpen: batchOpen,
      draft,
      isUnfiltered: Object.keys(batchFilter).length === 0,
      isPending: isEvents ? batchEvents.isPending : batchProfiles.isPending,
      open: () => {
        setDraftState(emptyDraft);
        setBatchOpen(true);
      },
      close: () => setBatchOpen(false),
      setDraft: (change) => setDraftState((current) => ({ ...current, ...change })),
      confirm: async () => {
        try {
          const result = isEvents
            ? await batchEvents.mutateAsync({ params: { filter: batchFilter } })
            : await batchProfiles.mutateAsync({ params: { filter: batchFilter } });
          const count = typeof result.data['deleted_count'] === 'number' ? result.data['deleted_count'] : 0;
          setBatchOpen(false);
          notify('info', { key: 'batchDone', values: { count } });
        } catch (error) {
          failed(error);
        }
      },
    },
  };
}
