import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** One undoable action on screen. */
export interface UndoEntry<TMessage = unknown> {
  id: string;
  /** What happened, e.g. a message key and its values ("Deleted event evt_1."). */
  message: TMessage;
}

/** State and actions of {@link useUndoQueue}. */
export interface UndoQueue<TMessage = unknown> {
  /** Entries whose undo window is open, oldest first. */
  entries: readonly UndoEntry<TMessage>[];
  /** Shows `message` for the queue's window; `undo` runs if the user asks in time. */
  push: (message: TMessage, undo: () => Promise<void>) => void;
  /** Runs the entry's undo and removes it. */
  undo: (id: string) => Promise<void>;
  /** Removes the entry without undoing. */
  dismiss: (id: string) => void;
}

/**
 * A queue of undo windows, each closing after `undoMs` milliseconds (default 5000). Timers start only in event
 * handlers (`push`); the actions are stable, and the queue object changes only when its entries do.
 */
export function useUndoQueue<TMessage = unknown>(undoMs = 5000): UndoQueue<TMessage> {
  const [entries, setEntries] = useState<readonly UndoEntry<TMessage>[]>([]);
  const actions = useRef(new Map<string, { undo: () => Promise<void>; timer: ReturnType<typeof setTimeout> }>());
  const counter = useRef(0);
  const windowMs = useRef(undoMs);
  useEffect(() => {
    windowMs.current = undoMs;
  }, [undoMs]);

  useEffect(() => {
    const pending = actions.current;
    return () => {
      for (const { timer } of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const dismiss = useCallback((id: string) => {
    const action = actions.current.get(id);
    if (action) clearTimeout(action.timer);
    actions.current.delete(id);
    setEntries((list) => list.filter((entry) => entry.id !== id));
  }, []);

  const push = useCallback(
    (message: TMessage, undo: () => Promise<void>) => {
      counter.current += 1;
      const id = `undo-${counter.current}`;
      const timer = setTimeout(() => dismiss(id), windowMs.current);
      actions.current.set(id, { undo, timer });
      setEntries((list) => [...list, { id, message }]);
    },
    [dismiss],
  );

  const undo = useCallback(
    async (id: string) => {
      const action = actions.current.get(id);
      dismiss(id);
      if (action) await action.undo();
    },
    [dismiss],
  );

  return useMemo(() => ({ entries, push, undo, dismiss }), [entries, push, undo, dismiss]);
}
