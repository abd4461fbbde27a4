import { useState } from 'react';
import type { MemoryItem } from '../../client/memory/types';

/** State and actions of the sessions timeline. */
export interface SessionTimeline {
  /** Session ids to show, newest known first: added or opened here, then given, then found in memory results. */
  sessionIds: readonly string[];
  /** The "open a session by id" field. */
  openDraft: string;
  setOpenDraft: (value: string) => void;
  /** Shows the session of `openDraft` (or `id`) at the top. */
  open: (id?: string) => void;
  /** Hides a session from the timeline (it stays stored). */
  hide: (id: string) => void;
}

/** The `session_id` a memory result points to, when the service sent one. */
export function sessionIdOf(item: MemoryItem): string | undefined {
  const value = item.raw['session_id'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Which sessions the timeline shows. The API has no "list sessions": ids come from `given`, from memories that name
 * their session (newest first) and from sessions added or opened in the viewer.
 */
export function useSessionTimeline(given: readonly string[], memories: readonly MemoryItem[]): SessionTimeline {
  const [opened, setOpened] = useState<readonly string[]>([]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [openDraft, setOpenDraft] = useState('');

  const found = [...memories]
    .sort((a, b) => (b.time ?? 0) - (a.time ?? 0))
    .map(sessionIdOf)
    .filter((id): id is string => id !== undefined);
  const sessionIds = [...new Set([...opened, ...given, ...found])].filter((id) => !hidden.has(id));

  return {
    sessionIds,
    openDraft,
    setOpenDraft,
    open: (id) => {
      const target = (id ?? openDraft).trim();
      if (target === '') return;
      setOpened((list) => [target, ...list.filter((existing) => existing !== target)]);
      setHidden((set) => {
        if (!set.has(target)) return set;
        const next = new Set(set);
        next.delete(target);
        return next;
      });
      if (id === undefined) setOpenDraft('');
    },
    hide: (id) => setHidden((set) => new Set(set).add(id)),
  };
}
