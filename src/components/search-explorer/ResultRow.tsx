import { memo, type ReactNode } from 'react';
import type { PrimaryKey } from '../../client/vector/types';
import type { Translate } from '../i18n/types';
import type { SearchExplorerMessageKey } from './messages/en';
import { ConfirmButton } from '../primitives/ConfirmButton';
import { cx } from '../primitives/cx';
import { ScoreBar } from '../primitives/ScoreBar';
import type { ExplorerRow } from './explorerTypes';
import { formatValue } from './formatValue';
import { rowOpenProps, rowProps, type RowHandlers } from './rowProps';
import type { RenderRow } from './SearchExplorerContext';

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

/** How a row shows its rank value: a similarity bar, the sort field's value, or nothing (all scores 0). */
export type RowScoreDisplay =
  { kind: 'bar'; min: number; max: number } | { kind: 'sortValue'; field: string } | { kind: 'none' };

/** Stable actions of a row's buttons. */
export interface RowActions {
  findSimilar: (id: PrimaryKey) => void;
  deleteRow: (id: PrimaryKey) => void;
}

/** Props of {@link ResultRow}: only this row's data and stable callbacks, so unchanged rows skip rendering. */
export interface ResultRowProps {
  row: ExplorerRow;
  index: number;
  setSize: number;
  active: boolean;
  selected: boolean;
  hovered: boolean;
  /** Offset from the top of the list in px (virtualized). */
  start: number;
  score: RowScoreDisplay;
  measure: (element: HTMLElement | null) => void;
  handlers: RowHandlers;
  actions: RowActions;
  t: Translate<SearchExplorerMessageKey>;
  className: string | undefined;
  renderRow: RenderRow | undefined;
}

/**
 * One result row: its open button (rank and content), its score and its actions (find similar, two-step delete).
 * Memoized: when one row is edited only that row renders again.
 */
export const ResultRow = memo(function ResultRow({
  row,
  index,
  setSize,
  active,
  selected,
  hovered,
  start,
  score,
  measure,
  handlers,
  actions,
  t,
  className,
  renderRow,
}: ResultRowProps): ReactNode {
  const position = { index, id: row.id, setSize, active, selected };
  const tab = active ? 0 : -1;
  return (
    <div
      ref={measure}
      {...rowProps(position, handlers)}
      className={cx(
        'vdb-row',
        active && 'vdb-row--active',
        selected && 'vdb-row--selected',
        hovered && 'vdb-row--hovered',
        className,
      )}
      style={{ transform: `translateY(${start}px)` }}
    >
      <button {...rowOpenProps(position, handlers)} className="vdb-row__open">
        <span className="vdb-row__rank">{index + 1}</span>
        {renderRow ? renderRow(row, { index, active, selected }) : <DefaultRow row={row} />}
      </button>
      {score.kind === 'sortValue' ? (
        // A sort by a field ranks by the field's value: show it as the value, not as a similarity score.
        <span className="vdb-row__score vdb-row__sort-value">
          {t('results.sortValue', { field: score.field, value: String(row.score) })}
        </span>
      ) : score.kind === 'bar' ? (
        <ScoreBar score={row.score} min={score.min} max={score.max} className="vdb-row__score" />
      ) : (
        <span className="vdb-row__score" />
      )}
      <span className="vdb-row__actions" role="group" aria-label={t('results.actions', { id: String(row.id) })}>
        <button
          type="button"
          className="vdb-button vdb-button--small"
          tabIndex={tab}
          onClick={() => actions.findSimilar(row.id)}
        >
          {t('results.findSimilar')}
        </button>
        <ConfirmButton tabIndex={tab} onConfirm={() => actions.deleteRow(row.id)}>
          {t('results.delete')}
        </ConfirmButton>
      </span>
    </div>
  );
});
