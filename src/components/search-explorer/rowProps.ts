import type { HTMLAttributes } from 'react';
import type { PrimaryKey } from '../../client/vector/types';

/** Stable actions a row calls (their identity never changes, so a memoized row does not render again for them). */
export interface RowHandlers {
  /** Makes the row at `index` the keyboard cursor. */
  activate: (index: number) => void;
  /** Moves the cursor to the row and opens it in the detail panel. */
  open: (index: number, id: PrimaryKey) => void;
  /** Links the row (or nothing) with its point in the projection. */
  hover: (id: PrimaryKey | undefined) => void;
}

/** What a row's props depend on. */
export interface RowPosition {
  index: number;
  id: PrimaryKey;
  /** Rows in the list. */
  setSize: number;
  /** The row holds the keyboard cursor. */
  active: boolean;
  /** The row is open in the detail panel. */
  selected: boolean;
}

/** The DOM id of a row. */
export const rowDomId = (id: PrimaryKey): string => `vdb-row-${String(id)}`;

/** Props of a row's element: a list item that links itself with the projection while hovered. */
export function rowProps(
  row: RowPosition,
  handlers: RowHandlers,
): HTMLAttributes<HTMLElement> & { 'data-index': number } {
  return {
    id: rowDomId(row.id),
    role: 'listitem',
    'aria-posinset': row.index + 1,
    'aria-setsize': row.setSize,
    'data-index': row.index,
    onMouseEnter: () => handlers.hover(row.id),
    onMouseLeave: () => handlers.hover(undefined),
  };
}

/** Props of a row's open button: in the tab order only when it holds the cursor (roving tabindex). */
export function rowOpenProps(row: RowPosition, handlers: RowHandlers) {
  return {
    type: 'button' as const,
    tabIndex: row.active ? 0 : -1,
    'aria-expanded': row.selected,
    onFocus: () => handlers.activate(row.index),
    onClick: () => handlers.open(row.index, row.id),
  };
}
