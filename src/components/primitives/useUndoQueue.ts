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
  /**
   * Shows `message` for the queue's window; `undo` runs if the user asks in time. `onExpire` (default none) runs once
   * when the window closes without an undo: on time, on `dismiss`, or when the component unmounts — for actions that
   * are held back until they can no longer be undone (a delete sent only then).
   */
  push: (message: TMessage, undo: () => Promise<void>, options?: UndoPushOptions) => void;
  /** Runs the entry's undo and removes it (its `onExpire` does not run). */
  undo: (id: string) => Promise<void>;
  /** Closes the entry's window without undoing (its `onExpire` runs). */
  dismiss: (id: string) => void;
}

/** Options of {@link UndoQueue.push}. */
export interface UndoPushOptions {
  /** Runs once when the window closes without an undo. Default: none. */
  onExpire?: (() => void) | undefined;
}

interface PendingAction {
  undo: () => Promise<void>;
  onExpire: (() => void) | undefined;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A queue of undo windows, each closing after `undoMs` milliseconds (default 5000). Timers start only in event
 * handlers (`push`); the actions are stable, and the queue object changes only when its entries do.
 */
export function useUndoQueue<TMessage = unknown>(undoMs = 5000): UndoQueue<TMessage> {
  const [entries, setEntries] = useState<readonly UndoEntry<TMessage>[]>([]);
  const actions = useRef(new Map<string, PendingAction>());
  const counter = useRef(0);
  const windowMs = useRef(undoMs);
  useEffect(() => {
    windowMs.current = undoMs;
  }, [undoMs]);

  useEffect(() => {
    const pending = actions.current;
    return () => {
      const expiring = [...pending.values()];
      pending.clear();
      for (const { timer, onExpire } of expiring) {
        clearTimeout(timer);
        onExpire?.();
      }
    };
  }, []);

  /** Removes the entry; returns its action if it was still open. */
  const close = useCallback((id: string): PendingAction | undefined => {
    const action = actions.current.get(id);
    if (action) clearTimeout(action.timer);
    actions.current.delete(id);
    setEntries((list) => list.filter((entry) => entry.id !== id));
    return action;
  }, []);

  const dismiss = useCallback((id: string) => close(id)?.onExpire?.(), [close]);

  const push = useCallback(
    (message: TMessage, undo: () => Promise<void>, options?: UndoPushOptions) => {
      counter.current += 1;
      const id = `undo-${counter.current}`;
      const timer = setTimeout(() => dismiss(id), windowMs.current);
      actions.current.set(id, { undo, onExpire: options?.onExpire, timer });
      setEntries((list) => [...list, { id, message }]);
    },
    [dismiss],
  );

  const undo = useCallback(
    async (id: string) => {
      const action = close(id);
      if (action) await action.undo();
    },
    [close],
  );

  return useMemo(() => ({ entries, push, undo, dismiss }), [entries, push, undo, dismiss]);
}
