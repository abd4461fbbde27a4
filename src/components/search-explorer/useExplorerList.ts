import { useCallback, useMemo, useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import type { AnyFields, CollectionLocator, FetchedRow, PrimaryKey } from '../../client/vector/types';
import { useFetchRows } from '../../hooks';
import { sameId, type ExplorerQuery, type ExplorerRow } from './explorerTypes';
import { rowDomId, rowOpenProps, rowProps, type RowHandlers, type RowPosition } from './rowProps';

/** State, actions and prop getters of the result list ({@link useExplorerList}). */
export interface ExplorerListState {
  /** Index of the row holding the keyboard cursor (clamped to the rows). */
  activeIndex: number;
  /** Moves the cursor (clamped). */
  setActiveIndex: (index: number) => void;
  /** DOM id of the active row, for `aria-activedescendant`. */
  activeRowId: string | undefined;
  /** The row open in the detail panel. */
  selectedId: PrimaryKey | undefined;
  /** Opens a row in the detail panel (`undefined` closes it). */
  select: (id: PrimaryKey | undefined) => void;
  /** The selected row among the results. */
  selected: ExplorerRow | undefined;
  /** The selected row as stored (all fields), once fetched. */
  storedRow: FetchedRow<AnyFields> | undefined;
  /** The row (or projection point) under the pointer. */
  hoveredId: PrimaryKey | undefined;
  setHoveredId: (id: PrimaryKey | undefined) => void;
  /** Stable row actions, for memoized rows (with `rowProps`/`rowOpenProps`). */
  rowHandlers: RowHandlers;
  /** Props of the list element: arrow keys, Page Up/Down, Home and End move the cursor, Escape closes the detail. */
  getListProps: () => HTMLAttributes<HTMLElement>;
  /** Props of the row at `index`. */
  getRowProps: (index: number) => HTMLAttributes<HTMLElement> & { 'data-index': number };
  /** Props of the row's open button (roving tabindex). */
  getRowOpenProps: (index: number) => ReturnType<typeof rowOpenProps>;
  /** Props of the detail panel: a region that Escape closes (add an `aria-label`). */
  getDetailProps: () => HTMLAttributes<HTMLElement>;
}

const PAGE = 8;

/**
 * Keyboard navigation, selection and hover over the results. The cursor goes back to the first row whenever a new
 * query runs; the selected row's stored fields are fetched for the detail panel.
 */
export function useExplorerList(options: {
  collection: CollectionLocator;
  items: readonly ExplorerRow[];
  /** The query that ran (a new one resets the cursor). */
  submitted: ExplorerQuery | undefined;
  /** Results are loading or refreshing. */
  busy: boolean;
}): ExplorerListState {
  const { collection, items } = options;
  const [activeIndex, setActiveIndexState] = useState(0);
  const [selectedId, setSelectedId] = useState<PrimaryKey | undefined>(undefined);
  const [hoveredId, setHoveredId] = useState<PrimaryKey | undefined>(undefined);
  const [ranFor, setRanFor] = useState(options.submitted);
  if (ranFor !== options.submitted) {
    setRanFor(options.submitted);
    setActiveIndexState(0);
  }

  const stored = useFetchRows<AnyFields>(
    { collection, ids: selectedId === undefined ? [] : [selectedId] },
    { staleTime: 10_000 },
  );
  const storedRow = selectedId === undefined ? undefined : stored.data?.items.find((r) => sameId(r.id, selectedId));

  const rowHandlers = useMemo<RowHandlers>(
    () => ({
      activate: setActiveIndexState,
      open: (index, id) => {
        setActiveIndexState(index);
        setSelectedId(id);
      },
      hover: setHoveredId,
    }),
    [],
  );
  const select = useCallback((id: PrimaryKey | undefined) => setSelectedId(id), []);

  const clampedActive = Math.min(activeIndex, Math.max(0, items.length - 1));
  const moveTo = (next: number) => setActiveIndexState(Math.max(0, Math.min(items.length - 1, next)));
  const position = (index: number): RowPosition => {
    const id = items[index]?.id ?? index;
    return { index, id, setSize: items.length, active: index === clampedActive, selected: sameId(selectedId, id) };
  };
  const activeId = items[clampedActive]?.id;

  return {
    activeIndex: clampedActive,
    setActiveIndex: moveTo,
    activeRowId: activeId === undefined ? undefined : rowDomId(activeId),
    selectedId,
    select,
    selected: selectedId === undefined ? undefined : items.find((item) => sameId(item.id, selectedId)),
    storedRow,
    hoveredId,
    setHoveredId,
    rowHandlers,
    getListProps: () => ({
      role: 'list',
      'aria-busy': options.busy,
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
        const keys: Record<string, () => void> = {
          ArrowDown: () => moveTo(clampedActive + 1),
          ArrowUp: () => moveTo(clampedActive - 1),
          PageDown: () => moveTo(clampedActive + PAGE),
          PageUp: () => moveTo(clampedActive - PAGE),
          Home: () => moveTo(0),
          End: () => moveTo(items.length - 1),
          Escape: () => setSelectedId(undefined),
        };
        const action = keys[event.key];
        if (action && items.length > 0) {
          event.preventDefault();
          action();
        }
      },
    }),
    getRowProps: (index) => rowProps(position(index), rowHandlers),
    getRowOpenProps: (index) => rowOpenProps(position(index), rowHandlers),
    getDetailProps: () => ({
      role: 'region',
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          setSelectedId(undefined);
        }
      },
    }),
  };
}
