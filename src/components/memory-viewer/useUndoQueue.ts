import { useEffect, useRef, useState } from 'react';
import type { MessageRef } from './types';

/** One undoable action on screen. */
export interface UndoEntry {
  id: string;
  /** What happened, e.g. "Deleted event evt_1." */
  message: MessageRef;
}

/** State and actions of {@link useUndoQueue}. */
export interface UndoQueue {
  /** Entries whose undo window is open, oldest first. */
  entries: readonly UndoEntry[];
  /** Shows `message` for `undoMs`; `undo` runs if the user asks in time. */
  push: (message: MessageRef, undo: () => Promise<void>) => void;
  /** Runs the entry's undo and removes it. */
  undo: (id: string) => Promise<void>;
  /** Removes the entry without undoing. */
  dismiss: (id: string) => void;
}

/** Undo windows that close after `undoMs` milliseconds (default 5000). Timers start only in event handlers. */
export function useUndoQueue(undoMs = 5000): UndoQueue {
  const [entries, setEntries] = useState<readonly UndoEntry[]>([]);
  const actions = useRef(new Map<string, { undo: () => Promise<void>; timer: ReturnType<typeof setTimeout> }>());
  const counter = useRef(0);

  useEffect(() => {
    const pending = actions.current;
    return () => {
      for (const { timer } of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const dismiss = (id: string) => {
    const action = actions.current.get(id);
    if (action) clearTimeout(action.timer);
    actions.current.delete(id);
    setEntries((list) => list.filter((entry) => entry.id !== id));
  };

  return {
    entries,
    push: (message, undo) => {
      counter.current += 1;
      const id = `undo-${counter.current}`;
      const timer = setTimeout(() => dismiss(id), undoMs);
      actions.current.set(id, { undo, timer });
      setEntries((list) => [...list, { id, message }]);
    },
    undo: async (id) => {
      const action = actions.current.get(id);
      dismiss(id);
      if (action) await action.undo();
    },
    dismiss,
  };
}
