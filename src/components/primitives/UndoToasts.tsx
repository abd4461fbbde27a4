import type { ReactNode } from 'react';
import type { UndoEntry, UndoQueue } from './useUndoQueue';

/** Props of {@link UndoToasts}. */
export interface UndoToastsProps<TMessage> {
  /** The queue whose open entries are shown (from `useUndoQueue`). */
  queue: UndoQueue<TMessage>;
  /** The entry's text, e.g. "Deleted row 7.". */
  describe: (entry: UndoEntry<TMessage>) => string;
  /** Text of the undo button. */
  undoLabel: string;
  /** Accessible name of the dismiss button (it shows ×). */
  dismissLabel: (entry: UndoEntry<TMessage>) => string;
  /** Class of the live region. Default: none. */
  className?: string | undefined;
  /** Class of each toast. Default: none. */
  itemClassName?: string | undefined;
  /** Class of the undo button. Default: `'vdb-button vdb-button--small'`. */
  undoClassName?: string | undefined;
  /** Class of the dismiss button. Default: `'vdb-button vdb-button--small'`. */
  dismissClassName?: string | undefined;
  /** Shown after the open entries (e.g. the last "restored" notice). Default: nothing. */
  children?: ReactNode;
}

/** The open undo windows of a {@link UndoQueue}: "Deleted … · Undo · ×" each, in a polite live region. */
export function UndoToasts<TMessage>(props: UndoToastsProps<TMessage>) {
  const { queue, describe } = props;
  return (
    <div className={props.className} role="status" aria-live="polite">
      {queue.entries.map((entry) => (
        <div key={entry.id} className={props.itemClassName}>
          <span>{describe(entry)}</span>
          <button
            type="button"
            className={props.undoClassName ?? 'vdb-button vdb-button--small'}
            onClick={() => void queue.undo(entry.id)}
          >
            {props.undoLabel}
          </button>
          <button
            type="button"
            className={props.dismissClassName ?? 'vdb-button vdb-button--small'}
            aria-label={props.dismissLabel(entry)}
            onClick={() => queue.dismiss(entry.id)}
          >
            ×
          </button>
        </div>
      ))}
      {props.children}
    </div>
  );
}
