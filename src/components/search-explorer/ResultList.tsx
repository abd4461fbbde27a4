import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { PrimaryKey } from '../../client/vector/types';
import { cx } from '../primitives/cx';
import { useEventCallback } from '../primitives/useEventCallback';
import { sameId } from './explorerTypes';
import { ResultRow, type RowActions, type RowScoreDisplay } from './ResultRow';
import { useSearchExplorerContext } from './SearchExplorerContext';

/**
 * The results as a virtualized list (only the visible rows are in the DOM, so 10,000 rows scroll smoothly).
 * Arrow keys, Page Up/Down, Home and End move a roving focus; Enter opens the row; each row has "Find similar"
 * and a two-step Delete. Rows are memoized ({@link ResultRow}): editing one row renders only that row again.
 */
export function ResultList() {
  const { state, ui } = useSearchExplorerContext();
  const { t, classNames, renderRow, listHeight } = ui;
  const { items, list } = state;
  const { activeIndex, selectedId, hoveredId } = list;
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render, so the compiler leaves this component unmemoized (intended).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    overscan: 6,
    getItemKey: (i) => String(items[i]?.id ?? i),
  });
  const submitted = state.query.submitted;
  const sortField = submitted?.mode === 'scalar' ? submitted.scalarField : undefined;
  const hasScores = useMemo(() => items.some((item) => item.score !== 0), [items]);
  const [min, max] = useMemo(() => {
    let lo = 0;
    let hi = 0;
    for (const item of items) {
      if (item.score < lo) lo = item.score;
      if (item.score > hi) hi = item.score;
    }
    return [lo, hi > lo ? hi : lo + 1];
  }, [items]);
  const score = useMemo<RowScoreDisplay>(
    () =>
      sortField !== undefined
        ? { kind: 'sortValue', field: sortField }
        : hasScores
          ? { kind: 'bar', min, max }
          : { kind: 'none' },
    [hasScores, max, min, sortField],
  );
  const findSimilar = useEventCallback((id: PrimaryKey) => state.rows.findSimilar(id));
  const deleteRow = useEventCallback((id: PrimaryKey) => void state.rows.deleteRow(id));
  const actions = useMemo<RowActions>(() => ({ findSimilar, deleteRow }), [findSimilar, deleteRow]);

  // Keyboard moves: bring the active row into view, then move focus onto it (only when focus is in the list).
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || !box.contains(document.activeElement)) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    const frame = requestAnimationFrame(() => {
      box.querySelector<HTMLElement>(`[data-index="${activeIndex}"] .vdb-row__open`)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [activeIndex, virtualizer]);

  // A row selected elsewhere (a point of the projection chart) is scrolled into view; focus stays where it is.
  useEffect(() => {
    if (selectedId === undefined) return;
    const index = items.findIndex((item) => String(item.id) === String(selectedId));
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, items, virtualizer]);

  // Closing the detail panel leaves focus nowhere: give it back to the active row.
  useEffect(() => {
    if (selectedId !== undefined) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"] .vdb-row__open`)?.focus();
  }, [selectedId, activeIndex]);

  return (
    <div ref={scrollRef} className={cx('vdb-list', classNames?.list)} style={{ height: listHeight }}>
      <div
        {...list.getListProps()}
        aria-label={t('results.label')}
        className="vdb-list__inner"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = items[virtual.index];
          if (!row) return null;
          return (
            <ResultRow
              key={virtual.key}
              row={row}
              index={virtual.index}
              setSize={items.length}
              active={virtual.index === activeIndex}
              selected={sameId(row.id, selectedId)}
              hovered={sameId(row.id, hoveredId)}
              start={virtual.start}
              score={score}
              measure={virtualizer.measureElement}
              handlers={list.rowHandlers}
              actions={actions}
              t={t}
              className={classNames?.row}
              renderRow={renderRow}
            />
          );
        })}
      </div>
    </div>
  );
}
