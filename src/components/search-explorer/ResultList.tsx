import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { ConfirmButton } from '../primitives/ConfirmButton';
import { cx } from '../primitives/cx';
import { ScoreBar } from '../primitives/ScoreBar';
import type { SearchExplorerClassNames } from './classNames';
import { formatValue } from './formatValue';
import type { ExplorerRow, SearchExplorerState } from './useSearchExplorer';

/** What a row slot is told about its row. */
export interface RowRenderState {
  index: number;
  active: boolean;
  selected: boolean;
}

/** Renders a row's content (inside the row's open button, so keep it inline). */
export type RenderRow = (row: ExplorerRow, state: RowRenderState) => ReactNode;

/** Props of {@link ResultList}. */
export interface ResultListProps {
  explorer: SearchExplorerState;
  renderRow?: RenderRow | undefined;
  classNames?: SearchExplorerClassNames | undefined;
  /** Height of the scroll box in px. Default: 440. */
  height?: number | undefined;
}

const TITLE_FIELDS = ['title', 'name', 'question', 'text', 'content'];

/** The row's display title: a title-like string field, else the first string field, else `#id`. */
export function rowTitle(row: ExplorerRow): string {
  const fields = row.fields as Record<string, unknown>;
  for (const name of TITLE_FIELDS) if (typeof fields[name] === 'string' && fields[name]) return fields[name];
  const first = Object.values(fields).find((v) => typeof v === 'string' && v.length > 0);
  return typeof first === 'string' ? first : `#${String(row.id)}`;
}

function DefaultRow({ row }: { row: ExplorerRow }) {
  const title = rowTitle(row);
  const entries = Object.entries(row.fields as Record<string, unknown>).filter(([, value]) => value !== title);
  const snippet = entries.find(([, value]) => typeof value === 'string' && value.length > 20);
  const chips = entries
    .filter(
      ([, value]) => !(typeof value === 'string' && value.length > 20) && !(Array.isArray(value) && value.length > 16),
    )
    .slice(0, 6);
  return (
    <span className="vdb-row__text">
      <span className="vdb-row__title">{title}</span>
      {snippet ? <span className="vdb-row__snippet">{String(snippet[1])}</span> : null}
      <span className="vdb-row__meta">
        <span className="vdb-chip vdb-chip--id">id {String(row.id)}</span>
        {chips.map(([name, value]) => (
          <span key={name} className="vdb-chip">
            <span className="vdb-chip__name">{name}</span> {formatValue(value)}
          </span>
        ))}
      </span>
    </span>
  );
}

/**
 * The results as a virtualized list (only the visible rows are in the DOM, so 10,000 rows scroll smoothly).
 * Arrow keys, Page Up/Down, Home and End move a roving focus; Enter opens the row; each row has "Find similar"
 * and a two-step Delete.
 */
export function ResultList({ explorer, renderRow, classNames, height = 440 }: ResultListProps) {
  const { t, items, activeIndex, selectedId, hoveredId } = explorer;
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
  const sortField = explorer.submitted?.mode === 'scalar' ? explorer.submitted.scalarField : undefined;
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
    <div ref={scrollRef} className={cx('vdb-list', classNames?.list)} style={{ height }}>
      <div {...explorer.getListProps()} className="vdb-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = items[virtual.index];
          if (!row) return null;
          const active = virtual.index === activeIndex;
          const selected = String(row.id) === String(selectedId);
          const hovered = String(row.id) === String(hoveredId);
          const tab = active ? 0 : -1;
          return (
            <div
              key={virtual.key}
              ref={virtualizer.measureElement}
              {...explorer.getRowProps(virtual.index)}
              className={cx(
                'vdb-row',
                active && 'vdb-row--active',
                selected && 'vdb-row--selected',
                hovered && 'vdb-row--hovered',
                classNames?.row,
              )}
              style={{ transform: `translateY(${virtual.start}px)` }}
            >
              <button {...explorer.getRowOpenProps(virtual.index)} className="vdb-row__open">
                <span className="vdb-row__rank">{virtual.index + 1}</span>
                {renderRow ? renderRow(row, { index: virtual.index, active, selected }) : <DefaultRow row={row} />}
              </button>
              {sortField !== undefined ? (
                // A sort by a field ranks by the field's value: show it as the value, not as a similarity score.
                <span className="vdb-row__score vdb-row__sort-value">
                  {t('results.sortValue', { field: sortField, value: String(row.score) })}
                </span>
              ) : hasScores ? (
                <ScoreBar score={row.score} min={min} max={max} className="vdb-row__score" />
              ) : (
                <span className="vdb-row__score" />
              )}
              <span className="vdb-row__actions" role="group" aria-label={t('results.actions', { id: String(row.id) })}>
                <button
                  type="button"
                  className="vdb-button vdb-button--small"
                  tabIndex={tab}
                  onClick={() => explorer.findSimilar(row.id)}
                >
                  {t('results.findSimilar')}
                </button>
                <ConfirmButton tabIndex={tab} onConfirm={() => void explorer.deleteRow(row.id)}>
                  {t('results.delete')}
                </ConfirmButton>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
