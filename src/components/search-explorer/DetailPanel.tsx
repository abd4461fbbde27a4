import { useEffect, useId, useRef, useState } from 'react';
import type { AnyFields } from '../../client/vector/types';
import { ConfirmButton } from '../primitives/ConfirmButton';
import { cx } from '../primitives/cx';
import { JsonView } from '../primitives/JsonView';
import type { FieldSpec } from './fieldTypes';
import { formatValue } from './formatValue';
import { editText, parseFieldValue } from './parseFieldValue';
import type { ExplorerRow } from './explorerTypes';
import { useSearchExplorerContext } from './SearchExplorerContext';

function isEditable(field: FieldSpec | undefined, name: string, primaryKey: string): boolean {
  if (name === primaryKey) return false;
  if (!field) return false;
  return field.editable ?? (field.type !== 'text' && field.type !== 'vector' && field.type !== 'unknown');
}

function FieldRow(props: {
  name: string;
  value: unknown;
  field: FieldSpec | undefined;
  editable: boolean;
  id: string | number;
}) {
  const { name, value, field, editable, id } = props;
  const { state, ui } = useSearchExplorerContext();
  const { t } = ui;
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const inputId = useId();
  const save = async () => {
    if (editing === undefined || !field) return;
    const parsed = parseFieldValue(editing, field.type);
    if (!parsed.ok) {
      setProblem(t('detail.editInvalid', { type: parsed.expected }));
      return;
    }
    setEditing(undefined);
    setProblem(undefined);
    try {
      await state.rows.updateField(id, name, parsed.value);
    } catch (error) {
      setProblem(t('detail.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {editing === undefined ? (
          <div className="vdb-detail__value">
            <span>{formatValue(value)}</span>
            {editable ? (
              <button
                type="button"
                className="vdb-button vdb-button--small vdb-button--quiet"
                aria-label={t('detail.edit', { field: name })}
                onClick={() => setEditing(editText(value))}
              >
                ✎
              </button>
            ) : null}
          </div>
        ) : (
          <form
            className="vdb-detail__edit"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <input
              id={inputId}
              className="vdb-input vdb-input--compact"
              aria-label={t('detail.edit', { field: name })}
              value={editing}
              autoFocus
              onChange={(event) => setEditing(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  event.stopPropagation();
                  setEditing(undefined);
                  setProblem(undefined);
                }
              }}
            />
            <button type="submit" className="vdb-button vdb-button--small vdb-button--primary">
              {t('detail.save')}
            </button>
            <button
              type="button"
              className="vdb-button vdb-button--small"
              onClick={() => {
                setEditing(undefined);
                setProblem(undefined);
              }}
            >
              {t('detail.cancel')}
            </button>
          </form>
        )}
        {problem ? (
          <p className="vdb-field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** The selected row: its stored fields as a table (scalars editable in place) or as JSON, and row actions. */
export function DetailPanel() {
  const { state: explorer, ui } = useSearchExplorerContext();
  const { t, classNames, renderDetail } = ui;
  const { selectedId, selected, storedRow } = explorer.list;
  const { fields, primaryKey } = explorer.fields;
  const [view, setView] = useState<'table' | 'json'>('table');
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (selectedId !== undefined) ref.current?.focus();
  }, [selectedId]);
  if (selectedId === undefined) return null;
  const values: AnyFields = { ...selected?.fields, ...storedRow?.fields };
  const row: ExplorerRow = selected ?? {
    id: selectedId,
    fields: values,
    score: Number.NaN,
    annScore: undefined,
    originScore: undefined,
    additionScore: undefined,
  };
  return (
    <aside
      ref={ref}
      tabIndex={-1}
      {...explorer.list.getDetailProps()}
      aria-labelledby={headingId}
      className={cx('vdb-detail', classNames?.detail)}
    >
      <header className="vdb-detail__head">
        <h3 id={headingId} className="vdb-detail__title">
          {t('detail.label', { id: String(selectedId) })}
        </h3>
        <button
          type="button"
          className="vdb-button vdb-button--small vdb-button--quiet"
          aria-label={t('detail.close')}
          onClick={() => explorer.list.select(undefined)}
        >
          ✕
        </button>
      </header>
      {renderDetail ? (
        renderDetail(row, explorer)
      ) : (
        <>
          <div className="vdb-detail__actions">
            <button type="button" className="vdb-button" onClick={() => explorer.rows.findSimilar(selectedId)}>
              {t('results.findSimilar')}
            </button>
            <button type="button" className="vdb-button" onClick={() => void explorer.rows.pickRowVector(selectedId)}>
              {t('results.useVector')}
            </button>
            <ConfirmButton onConfirm={() => void explorer.rows.deleteRow(selectedId)}>
              {t('results.delete')}
            </ConfirmButton>
          </div>
          <div className="vdb-detail__bar">
            <div role="group" aria-label={t('detail.label', { id: String(selectedId) })} className="vdb-segmented">
              <button
                type="button"
                className="vdb-mode"
                aria-pressed={view === 'table'}
                onClick={() => setView('table')}
              >
                {t('detail.table')}
              </button>
              <button type="button" className="vdb-mode" aria-pressed={view === 'json'} onClick={() => setView('json')}>
                {t('detail.json')}
              </button>
            </div>
            {Number.isFinite(row.score) ? (
              <span className="vdb-muted">
                {t('detail.score')} {row.score.toFixed(4)}
              </span>
            ) : null}
          </div>
          {view === 'table' ? (
            <table className="vdb-detail__table">
              <thead>
                <tr>
                  <th scope="col">{t('detail.field')}</th>
                  <th scope="col">{t('detail.value')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{primaryKey}</th>
                  <td>{String(selectedId)}</td>
                </tr>
                {Object.entries(values)
                  .filter(([name]) => name !== primaryKey)
                  .map(([name, value]) => {
                    const field = fields.find((f) => f.name === name);
                    return (
                      <FieldRow
                        key={name}
                        name={name}
                        value={value}
                        field={field}
                        editable={isEditable(field, name, primaryKey)}
                        id={selectedId}
                      />
                    );
                  })}
              </tbody>
            </table>
          ) : (
            <JsonView
              label={t('detail.json')}
              value={{ id: selectedId, ...(Number.isFinite(row.score) ? { score: row.score } : {}), fields: values }}
            />
          )}
        </>
      )}
    </aside>
  );
}
