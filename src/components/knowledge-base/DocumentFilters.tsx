import { useId } from 'react';
import { cx } from '../primitives/cx';
import { DOC_STATES } from './docState';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';
import { STATE_LABEL } from './StatusBadge';
import type { DocStatusFilter } from './useDocumentList';

/** Search by name, filter by status and tag, and "re-run failed". */
export function DocumentFilters() {
  const { state, ui } = useKnowledgeBaseContext();
  const { t, classNames } = ui;
  const { list } = state;
  const id = useId();
  const rerunnable = list.failed.filter(state.canRerun).length;
  return (
    <div className={cx('vdb-kb-filters', classNames.filters)} role="group" aria-label={t('filtersLabel')}>
      <label className="vdb-kb-visually-hidden" htmlFor={`${id}-search`}>
        {t('searchLabel')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        className="vdb-input vdb-kb-filters__search"
        placeholder={t('searchPlaceholder')}
        value={list.search}
        onChange={(event) => list.setSearch(event.target.value)}
      />
      <label className="vdb-kb-filters__field">
        <span>{t('statusFilterLabel')}</span>
        <select
          className="vdb-input"
          value={list.statusFilter}
          onChange={(event) => list.setStatusFilter(event.target.value as DocStatusFilter)}
        >
          <option value="all">{t('allStatuses')}</option>
          {DOC_STATES.map((docState) => (
            <option key={docState} value={docState}>
              {t(STATE_LABEL[docState])}
            </option>
          ))}
        </select>
      </label>
      <label className="vdb-kb-filters__field">
        <span>{t('tagFilterLabel')}</span>
        <select
          className="vdb-input"
          value={list.tagFilter}
          onChange={(event) => list.setTagFilter(event.target.value)}
        >
          <option value="">{t('allTags')}</option>
          {list.tagOptions.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      {rerunnable > 0 ? (
        <button type="button" className="vdb-button vdb-button--small" onClick={() => void state.rerunFailed()}>
          {t('rerunFailed', { count: rerunnable })}
        </button>
      ) : null}
    </div>
  );
}
