import { useId } from 'react';
import type { SearchExplorerMessageKey } from './messages/en';
import { cx } from '../primitives/cx';
import type { SearchExplorerClassNames } from './classNames';
import { parseVector } from './parseVector';
import { EXPLORER_MODES, type ExplorerMode, type SearchExplorerState } from './useSearchExplorer';

const MODE_LABEL: Record<ExplorerMode, SearchExplorerMessageKey> = {
  vector: 'mode.vector',
  text: 'mode.text',
  id: 'mode.id',
  keywords: 'mode.keywords',
  scalar: 'mode.scalar',
  random: 'mode.random',
};

/** Props of {@link QueryBar}. */
export interface QueryBarProps {
  explorer: SearchExplorerState;
  classNames?: SearchExplorerClassNames | undefined;
}

/** Mode switch, the current mode's inputs, limit and Search. */
export function QueryBar({ explorer, classNames }: QueryBarProps) {
  const { t, query, setQuery } = explorer;
  const id = useId();
  const inputId = `${id}-input`;
  const problemId = `${id}-problem`;
  const dims = query.mode === 'vector' ? parseVector(query.vector)?.length : undefined;
  return (
    <form {...explorer.getFormProps()} className={cx('vdb-query', classNames?.query)}>
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
              aria-invalid={explorer.queryProblem ? true : undefined}
              aria-describedby={explorer.queryProblem ? problemId : undefined}
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
        {query.mode === 'text' || query.mode === 'id' || query.mode === 'keywords' ? (
          <div className="vdb-query__main">
            <label htmlFor={inputId} className="vdb-label">
              {t(query.mode === 'text' ? 'query.text' : query.mode === 'id' ? 'query.id' : 'query.keywords')}
            </label>
            <input
              id={inputId}
              className="vdb-input"
              type={query.mode === 'id' ? 'text' : 'search'}
              inputMode={query.mode === 'id' ? 'numeric' : undefined}
              autoComplete="off"
              value={query[query.mode]}
              placeholder={t(
                query.mode === 'text'
                  ? 'query.textPlaceholder'
                  : query.mode === 'id'
                    ? 'query.idPlaceholder'
                    : 'query.keywordsPlaceholder',
              )}
              aria-invalid={query.mode === 'id' && explorer.queryProblem ? true : undefined}
              aria-describedby={query.mode === 'id' && explorer.queryProblem ? problemId : undefined}
              onChange={(event) => setQuery({ [query.mode]: event.target.value })}
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
                {explorer.sortableFields.map((field) => (
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
      {explorer.queryProblem ? (
        <p id={problemId} className="vdb-field-error" role="alert">
          {explorer.queryProblem}
        </p>
      ) : null}
    </form>
  );
}
