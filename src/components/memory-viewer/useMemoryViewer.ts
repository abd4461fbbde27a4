import { useState, type FormEvent } from 'react';
import type { MemoryLocator } from '../../client/memory/types';
import { useTriggerProfileUpdate } from '../../hooks/index';
import { toErrorInfo } from './errorInfo';
import { compact } from './compact';
import {
  MEMORY_VIEWER_TABS,
  type MemoryViewerTab,
  type MessageRef,
  type Notice,
  type UseMemoryViewerOptions,
} from './types';
import { useMemoryList, type MemoryListState } from './useMemoryList';
import { useMemorySearchPanel, type MemorySearchPanel } from './useMemorySearchPanel';
import { useSessionComposer, type SessionComposer } from './useSessionComposer';
import { useSessionTimeline, type SessionTimeline } from './useSessionTimeline';
import { useTabs, type TabsState } from './useTabs';
import { useUndoQueue, type UndoQueue } from '../primitives/useUndoQueue';

/** Props for a `<form>` (submit is handled, the page does not reload). */
export interface FormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  noValidate: true;
}

/** Everything `useMemoryViewer` returns. */
export interface MemoryViewerState {
  collection: MemoryLocator;
  /** The collection's name (or resource id) for headings. */
  collectionName: string;
  tabs: TabsState<MemoryViewerTab>;
  sessions: SessionTimeline;
  composer: SessionComposer;
  search: MemorySearchPanel;
  events: MemoryListState;
  profiles: MemoryListState;
  /** Known memory types: given in the options plus those seen in results. */
  memoryTypes: { events: readonly string[]; profiles: readonly string[] };
  /** Rebuilds profiles from stored sessions (for the viewer's user/assistant when set). */
  triggerProfileUpdate: { run: () => Promise<void>; isPending: boolean };
  /** Deletes that can still be undone. */
  undo: UndoQueue<MessageRef>;
  /** The latest announcement, for a live region. */
  notice: Notice | undefined;
  dismissNotice: () => void;
  /** Props of the add-session form: submitting adds the session and shows it first in the timeline. */
  getComposerFormProps: () => FormProps;
  /** Props of the memory search form. */
  getSearchFormProps: () => FormProps & { role: 'search' };
  /** Props of the "open a session by id" form. */
  getOpenSessionFormProps: () => FormProps;
}

function nameOf(collection: MemoryLocator): string {
  if (typeof collection === 'string') return collection;
  return 'collection_name' in collection ? collection.collection_name : collection.resource_id;
}

function unique(...lists: ReadonlyArray<ReadonlyArray<string | undefined>>): string[] {
  return [...new Set(lists.flat().filter((type): type is string => type !== undefined && type !== ''))];
}

/**
 * Headless MemoryViewer: state and prop getters for the sessions timeline and composer, memory search, and the
 * events and profiles tabs (inline edit, delete with undo, batch delete, profile update). All data goes through the
 * `vikingdb-kit/hooks` hooks, so it needs a `QueryClientProvider` and a `VikingProvider` above it.
 *
 * Defaults: tab `'sessions'`, 100 events/profiles, 20 search results, undo window 5000 ms, search debounce 300 ms.
 */
export function useMemoryViewer(options: UseMemoryViewerOptions): MemoryViewerState {
  const { collection, userId, assistantId } = options;
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const notify = (tone: Notice['tone'], message: MessageRef) =>
    setNotice((previous) => ({ ...message, tone, id: (previous?.id ?? 0) + 1 }));

  const undo = useUndoQueue<MessageRef>(options.undoMs ?? 5000);
  const tabs = useTabs(MEMORY_VIEWER_TABS, options.initialTab ?? 'sessions');
  const listOptions = { collection, userId, assistantId, limit: options.listLimit ?? 100, undo, notify };
  const events = useMemoryList({ ...listOptions, kind: 'events' });
  const profiles = useMemoryList({ ...listOptions, kind: 'profiles' });
  const sessions = useSessionTimeline(options.sessionIds ?? [], events.items);
  const composer = useSessionComposer({ collection, userId, assistantId, notify });
  const search = useMemorySearchPanel({
    collection,
    userId,
    assistantId,
    limit: options.searchLimit ?? 20,
    debounceMs: options.debounceMs ?? 300,
  });
  const trigger = useTriggerProfileUpdate(collection);

  const memoryTypes = {
    events: unique(
      options.eventTypes ?? [],
      events.items.map((item) => item.memoryType),
    ),
    profiles: unique(
      options.profileTypes ?? [],
      profiles.items.map((item) => item.memoryType),
    ),
  };

  const prevent = (event: FormEvent<HTMLFormElement>) => event.preventDefault();

  return {
    collection,
    collectionName: nameOf(collection),
    tabs,
    sessions,
    composer,
    search,
    events,
    profiles,
    memoryTypes,
    triggerProfileUpdate: {
      isPending: trigger.isPending,
      run: async () => {
        try {
          const result = await trigger.mutateAsync({ params: { filters: compact({ userId, assistantId }) } });
          const ids = result.data['profile_ids'];
          notify('info', { key: 'triggerDone', values: { count: Array.isArray(ids) ? ids.length : 0 } });
        } catch (error) {
          notify('error', { key: 'actionFailed', values: { message: toErrorInfo(error)?.message ?? '' } });
        }
      },
    },
    undo,
    notice,
    dismissNotice: () => setNotice(undefined),
    getComposerFormProps: () => ({
      noValidate: true,
      onSubmit: (event) => {
        prevent(event);
        void composer.submit().then((id) => {
          if (id !== undefined) sessions.open(id);
        });
      },
    }),
    getSearchFormProps: () => ({
      role: 'search',
      noValidate: true,
      onSubmit: (event) => {
        prevent(event);
        search.submit();
      },
    }),
    getOpenSessionFormProps: () => ({
      noValidate: true,
      onSubmit: (event) => {
        prevent(event);
        sessions.open();
      },
    }),
  };
}
