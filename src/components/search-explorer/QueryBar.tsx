import { useId } from 'react';
import type { SearchExplorerMessageKey } from './messages/en';
import { cx } from '../primitives/cx';
import { EXPLORER_MODES, type ExplorerMode } from './explorerTypes';
import { parseVector } from './parseVector';
import { useSearchExplorerContext } from './SearchExplorerContext';

const MODE_LABEL: Record<ExplorerMode, SearchExplorerMessageKey> = {
  vector: 'mode.vector',
  multiModal: 'mode.text',
  id: 'mode.id',
  keywords: 'mode.keywords',
  scalar: 'mode.scalar',
  random: 'mode.random',
};

/** Mode switch, the current mode's inputs, limit and Search. */
export function QueryBar() {
  const { state, ui } = useSearchExplorerContext();
  const { t, classNames } = ui;
  const explorer = state.query;
  const { query, setQuery } = explorer;
  const problem = explorer.problem ? ui.say(explorer.problem) : undefined;
  const textField = query.mode === 'id' ? 'id' : query.mode === 'keywords' ? 'keywords' : 'text';
  const id = useId();
  const inputId = `${id}-input`;
  const problemId = `${id}-problem`;
  const dims = query.mode === 'vector' ? parseVector(query.vector)?.length : undefined;
  return (
    <form {...explorer.getFormProps()} aria-label={t('explorer.label')} className={cx('vdb-query', classNames?.query)}>
      <div role="group" aria-label={t('mode.label')} className={cx('vdb-modes', classNames?.modes)}>
        {EXPLORER_MODES.map((mode) => (
          <button key={mode} {...explorer.getModeProps(mode)} className="vdb-mode">
            {t(MODE_LABEL[mode])}
          </button>
        ))}
      </div>
      <div className="vdb-query__row">
        {query.mode === 'vector' ? (
          <div className="vdb-query__main">
            <label htmlFor={inputId} className="vdb-label">
              {t('query.vector')}
              {dims ? <span className="vdb-muted"> · {t('query.vectorDims', { dim: dims })}</span> : null}
            </label>
            <textarea
              id={inputId}
              className="vdb-input vdb-input--mono"
              rows={2}
              value={query.vector}
              placeholder={t('query.vectorPlaceholder')}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => setQuery({ vector: event.target.value })}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                  event.preventDefault();
                  explorer.submit();
                }
              }}
            />
          </div>
        ) : null}
        {query.mode === 'multiModal' || query.mode === 'id' || query.mode === 'keywords' ? (
          <div className="vdb-query__main">
            <label htmlFor={inputId} className="vdb-label">
              {t(query.mode === 'multiModal' ? 'query.text' : query.mode === 'id' ? 'query.id' : 'query.keywords')}
            </label>
            <input
              id={inputId}
              className="vdb-input"
              type={query.mode === 'id' ? 'text' : 'search'}
              inputMode={query.mode === 'id' ? 'numeric' : undefined}
              autoComplete="off"
              value={query[textField]}
              placeholder={t(
                query.mode === 'multiModal'
                  ? 'query.textPlaceholder'
                  : query.mode === 'id'
                    ? 'query.idPlaceholder'
                    : 'query.keywordsPlaceholder',
              )}
              aria-invalid={query.mode === 'id' && problem ? true : undefined}
              aria-describedby={query.mode === 'id' && problem ? problemId : undefined}
              onChange={(event) => setQuery({ [textField]: event.target.value })}
            />
          </div>
        ) : null}
        {query.mode === 'scalar' ? (
          <>
            <div className="vdb-query__main">
              <label htmlFor={inputId} className="vdb-label">
                {t('query.field')}
              </label>
              <select
                id={inputId}
                className="vdb-input"
                value={query.scalarField}
                onChange={(event) => setQuery({ scalarField: event.target.value })}
              >
                <option value="">{t('query.chooseField')}</option>
                {state.fields.sortableFields.map((field) => (
                  <option key={field.name} value={field.name}>
                    {field.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-order`} className="vdb-label">
                {t('query.order')}
              </label>
              <select
                id={`${id}-order`}
                className="vdb-input"
                value={query.scalarOrder}
                onChange={(event) => setQuery({ scalarOrder: event.target.value === 'asc' ? 'asc' : 'desc' })}
              >
                <option value="desc">{t('query.desc')}</option>
                <option value="asc">{t('query.asc')}</option>
              </select>
            </div>
          </>
        ) : null}
        {query.mode === 'random' ? <p className="vdb-query__main vdb-muted">{t('query.randomHint')}</p> : null}
        <div className="vdb-query__limit">
          <label htmlFor={`${id}-limit`} className="vdb-label">
            {t('query.limit')}
          </label>
          <input
            id={`${id}-limit`}
            className="vdb-input"
            type="number"
            min={1}
            max={100000}
            value={explorer.limit}
            onChange={(event) => explorer.setLimit(Number(event.target.value))}
          />
        </div>
        <button type="submit" className="vdb-button vdb-button--primary vdb-query__submit">
          {t('query.submit')}
        </button>
      </div>
      {problem ? (
        <p id={problemId} className="vdb-field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
