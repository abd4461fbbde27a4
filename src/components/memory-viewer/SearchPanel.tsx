import { useId } from 'react';
import { cx } from '../primitives/cx';
import { moveFocusInList } from '../primitives/moveFocusInList';
import { MemoryItemCard } from './MemoryItemCard';
import { StaleBadge, StatusView } from './StatusView';
import type { SearchFields } from './useMemorySearchPanel';
import type { MemoryViewerState } from './useMemoryViewer';
import { useViewerUi } from './viewerUi';
import { MemoryField } from './MemoryField';

const TEXT_FILTERS = [
  ['userId', 'user'],
  ['assistantId', 'assistant'],
  ['groupId', 'group'],
] as const satisfies ReadonlyArray<readonly [keyof SearchFields, string]>;

/** The memory search tab: query, filters (user, assistant, group, types, time range) and ranked results. */
export function SearchPanel({ viewer }: { viewer: MemoryViewerState }) {
  const { t, classNames, renderMemoryItem } = useViewerUi();
  const { search } = viewer;
  const id = useId();
  const types = [...viewer.memoryTypes.events, ...viewer.memoryTypes.profiles];
  return (
    <div className="vdb-memory-search">
      <form
        {...viewer.getSearchFormProps()}
        className={cx('vdb-memory-search__form', classNames.searchForm)}
        aria-label={t('searchHeading')}
      >
        <div className="vdb-memory-search__query">
          <label className="vdb-memory-field vdb-memory-field--grow">
            <span>{t('searchQuery')}</span>
            <input
              className="vdb-input"
              type="search"
              value={search.fields.query}
              placeholder={t('searchPlaceholder')}
              onChange={(event) => search.setField('query', event.target.value)}
            />
          </label>
          <button type="submit" className="vdb-button vdb-button--primary">
            {t('searchSubmit')}
          </button>
        </div>
        <fieldset className="vdb-memory-search__filters">
          <legend>{t('searchFilters')}</legend>
          <div className="vdb-memory-fields">
            {TEXT_FILTERS.map(([name, label]) => (
              <MemoryField
                key={name}
                label={t(label)}
                value={search.fields[name]}
                onChange={(value) => search.setField(name, value)}
              />
            ))}
            <MemoryField
              label={t('searchFrom')}
              type="datetime-local"
              value={search.fields.from}
              onChange={(value) => search.setField('from', value)}
            />
            <MemoryField
              label={t('searchTo')}
              type="datetime-local"
              value={search.fields.to}
              onChange={(value) => search.setField('to', value)}
            />
          </div>
          {types.length > 0 ? (
            <fieldset className="vdb-memory-search__types">
              <legend>{t('searchMemoryTypes')}</legend>
              {types.map((type) => (
                <label key={type} className="vdb-memory-check">
                  <input
                    type="checkbox"
                    checked={search.memoryTypes.includes(type)}
                    onChange={() => search.toggleType(type)}
                  />
                  {type}
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="button" className="vdb-button vdb-button--small" onClick={search.clearFilters}>
            {t('searchClear')}
          </button>
        </fieldset>
      </form>
      <div className="vdb-memory-toolbar">
        <h3 id={`${id}-title`} className="vdb-memory-heading">
          {search.view.status === 'ready' ? t('searchResults', { count: search.results.length }) : t('searchHeading')}
        </h3>
        <StaleBadge view={search.view} />
        {search.requestId ? (
          <span className="vdb-memory-request-id">
            {t('errorRequestId')} <code>{search.requestId}</code>
          </span>
        ) : null}
      </div>
      <StatusView view={search.view} reason={search.reason} onRetry={search.refetch} />
      {search.view.status === 'ready' ? (
        <ol
          className={cx('vdb-memory-results', search.view.isStale && 'vdb-memory-is-stale')}
          aria-labelledby={`${id}-title`}
          aria-busy={search.view.isStale}
          tabIndex={0}
          onKeyDown={moveFocusInList}
        >
          {search.results.map((item, index) => {
            const rank = index + 1;
            const card = <MemoryItemCard item={item} rank={rank} showScore className={classNames.result} />;
            return (
              <li key={item.id}>
                {renderMemoryItem ? renderMemoryItem(item, { kind: 'search', rank, defaultItem: card }) : card}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
