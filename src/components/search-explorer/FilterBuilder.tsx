import { useId } from 'react';
import { cx } from '../primitives/cx';
import { appendTo, replaceNode, type DraftNode } from './filterDraft';
import { Group } from './FilterTree';
import { useSearchExplorerContext } from './SearchExplorerContext';

/** The filter DSL as a tree of and/or groups and conditions, or as raw JSON. */
export function FilterBuilder() {
  const { state, ui } = useSearchExplorerContext();
  const { t, classNames } = ui;
  const filter = state.filter;
  const { draft: filterDraft, setDraft: setFilterDraft } = filter;
  const { filterableFields } = state.fields;
  const rawId = useId();
  const onChange = (key: string, next: DraftNode | undefined) => {
    if (key === filterDraft.key) {
      if (next?.kind === 'group') setFilterDraft(next);
      return;
    }
    setFilterDraft(replaceNode(filterDraft, key, next));
  };
  const onAppend = (groupKey: string, node: DraftNode) => setFilterDraft(appendTo(filterDraft, groupKey, node));
  return (
    <div className={cx('vdb-filter', classNames?.filter)}>
      <div className="vdb-filter__bar">
        <div role="group" aria-label={t('filter.toggle')} className="vdb-segmented">
          <button
            type="button"
            aria-pressed={filter.view === 'builder'}
            className="vdb-mode"
            onClick={() => filter.setView('builder')}
          >
            {t('filter.builder')}
          </button>
          <button
            type="button"
            aria-pressed={filter.view === 'json'}
            className="vdb-mode"
            onClick={() => filter.setView('json')}
          >
            {t('filter.json')}
          </button>
        </div>
        <button type="button" className="vdb-button vdb-button--small vdb-button--quiet" onClick={filter.clear}>
          {t('filter.clear')}
        </button>
      </div>
      {filter.view === 'builder' ? (
        <Group node={filterDraft} root t={t} fields={filterableFields} onChange={onChange} onAppend={onAppend} />
      ) : (
        <div className="vdb-filter__raw">
          <label htmlFor={rawId} className="vdb-label">
            {t('filter.rawLabel')}
          </label>
          <textarea
            id={rawId}
            className="vdb-input vdb-input--mono"
            rows={8}
            spellCheck={false}
            value={filter.rawText}
            placeholder='{ "op": "must", "field": "lang", "conds": ["en"] }'
            aria-invalid={filter.rawError ? true : undefined}
            onChange={(event) => filter.setRawText(event.target.value)}
          />
        </div>
      )}
      {filter.rawError ? (
        <p className="vdb-field-error" role="alert">
          {t('filter.rawInvalid', { message: filter.rawError })}
        </p>
      ) : null}
      {filter.notice ? (
        <p className="vdb-field-error" role="alert">
          {ui.say(filter.notice)}
        </p>
      ) : null}
      {filter.problems.map((problem) => (
        <p key={problem} className="vdb-field-error" role="alert">
          {problem}
        </p>
      ))}
    </div>
  );
}
