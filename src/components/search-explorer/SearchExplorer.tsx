import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { cx } from '../primitives/cx';
import { EmptyState } from '../primitives/EmptyState';
import { ErrorNotice } from '../primitives/ErrorNotice';
import { PrimitiveTextProvider } from '../primitives/PrimitiveText';
import { Skeleton } from '../primitives/Skeleton';
import type { SearchExplorerClassNames } from './classNames';
import { DetailPanel, type RenderDetail } from './DetailPanel';
import { FilterBuilder } from './FilterBuilder';
import type { SearchExplorerMessages } from './messages/en';
import { OutputFieldPicker } from './OutputFieldPicker';
import { QueryBar } from './QueryBar';
import { ResultList, type RenderRow } from './ResultList';
import { StatusLine } from './StatusLine';
import { UndoToast } from './UndoToast';
import { useSearchExplorer, type UseSearchExplorerOptions } from './useSearchExplorer';

/** The projection chart and histogram, fetched the first time the Insights panel opens. */
const InsightsPanel = lazy(() => import('./InsightsPanel'));

/** Props of {@link SearchExplorer}: the headless hook's options plus strings, styling and slots. */
export interface SearchExplorerProps extends Omit<UseSearchExplorerOptions, 'translations'> {
  /**
   * Strings to replace, by key (the explorer's and the primitives'), over the `locale`'s. Default: none.
   * @example <SearchExplorer messages={{ 'query.submit': 'Go' }} … />
   */
  messages?: Partial<SearchExplorerMessages> | undefined;
  /** @deprecated Use `messages` (same shape); `messages` wins where both set a key. Default: none. */
  translations?: Partial<SearchExplorerMessages> | undefined;
  /** Extra class names by part. Default: none. */
  classNames?: SearchExplorerClassNames | undefined;
  /** Renders a result row's content. Default: title, id and up to five field chips. */
  renderRow?: RenderRow | undefined;
  /** Renders the detail panel's body. Default: fields table / JSON with copy, edit, find similar, delete. */
  renderDetail?: RenderDetail | undefined;
  /** Force a colour scheme (`data-theme`). Default: follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | undefined;
  /** Height of the result list in px. Default: 440. */
  listHeight?: number | undefined;
  /** Panels open at first. Default: the filter panel when `initialFilter` is given, else none. */
  defaultOpen?: ReadonlyArray<'filter' | 'fields' | 'insights'> | undefined;
}

/**
 * Explore a VikingDB index: search in six modes, filter with a DSL builder, inspect, edit and delete rows, and see a
 * PCA projection and score histogram of the results. Built only from {@link useSearchExplorer}; every part can be
 * restyled (`classNames`, CSS custom properties in `vikingdb-kit/components/styles.css`) or replaced (slots).
 * Needs a `QueryClientProvider` and a `VikingProvider` above it. With a `locale` other than `'en'` it shows a skeleton
 * until that locale's strings have loaded (once per page).
 */
export function SearchExplorer(props: SearchExplorerProps) {
  return (
    <Suspense
      fallback={
        <section className={cx('vdb-root', 'vdb-explorer', props.classNames?.root)} data-theme={props.theme}>
          <Skeleton label="" />
        </section>
      }
    >
      <SearchExplorerView {...props} />
    </Suspense>
  );
}

function SearchExplorerView(props: SearchExplorerProps) {
  const { classNames, renderRow, renderDetail, theme, listHeight, defaultOpen, messages, translations, ...options } =
    props;
  const overrides = useMemo(
    () => (messages && translations ? { ...translations, ...messages } : (messages ?? translations)),
    [messages, translations],
  );
  const explorer = useSearchExplorer({
    ...options,
    translations: overrides,
    defaultInsightsOpen: options.defaultInsightsOpen ?? defaultOpen?.includes('insights'),
  });
  const { t, status } = explorer;
  const [filterOpen, setFilterOpen] = useState(
    () => defaultOpen?.includes('filter') ?? options.initialFilter !== undefined,
  );
  const [fieldsOpen, setFieldsOpen] = useState(() => defaultOpen?.includes('fields') ?? false);
  const { insightsOpen } = explorer;
  const id = useId();
  const helpId = `${id}-help`;
  const outputCount = explorer.outputFields?.length;
  const nonVectorCount = explorer.fields.filter((f) => f.type !== 'vector').length;

  return (
    <PrimitiveTextProvider value={t}>
      <section
        className={cx('vdb-root', 'vdb-explorer', classNames?.root)}
        data-theme={theme}
        aria-label={t('explorer.label')}
        aria-describedby={helpId}
      >
        <div className={cx('vdb-toolbar', classNames?.toolbar)}>
          <QueryBar explorer={explorer} classNames={classNames} />
          <div className="vdb-toolbar__toggles">
            <button
              type="button"
              className="vdb-toggle"
              aria-expanded={filterOpen}
              aria-controls={`${id}-filter`}
              onClick={() => setFilterOpen((open) => !open)}
            >
              {t('filter.toggle')}
              {explorer.activeConditions > 0 ? (
                <span className="vdb-badge">{t('filter.activeCount', { count: explorer.activeConditions })}</span>
              ) : null}
            </button>
            <button
              type="button"
              className="vdb-toggle"
              aria-expanded={fieldsOpen}
              aria-controls={`${id}-fields`}
              onClick={() => setFieldsOpen((open) => !open)}
            >
              {t('output.toggle')}
              <span className="vdb-badge">
                {outputCount === undefined
                  ? t('output.all')
                  : t('output.countOf', { count: outputCount, total: nonVectorCount })}
              </span>
            </button>
            <button
              type="button"
              className="vdb-toggle"
              aria-expanded={insightsOpen}
              aria-controls={`${id}-insights`}
              onClick={() => explorer.setInsightsOpen(!insightsOpen)}
            >
              {t('insights.toggle')}
            </button>
          </div>
          <div id={`${id}-filter`} hidden={!filterOpen}>
            {filterOpen ? <FilterBuilder explorer={explorer} classNames={classNames} /> : null}
          </div>
          <div id={`${id}-fields`} hidden={!fieldsOpen}>
            {fieldsOpen ? <OutputFieldPicker explorer={explorer} classNames={classNames} /> : null}
          </div>
        </div>

        <StatusLine explorer={explorer} classNames={classNames} />

        <div id={`${id}-insights`} hidden={!insightsOpen} className={cx('vdb-insights', classNames?.insights)}>
          {insightsOpen && status === 'success' ? (
            <Suspense fallback={<Skeleton rows={2} />}>
              <InsightsPanel explorer={explorer} />
            </Suspense>
          ) : null}
        </div>

        <div className={cx('vdb-body', explorer.selectedId !== undefined && 'vdb-body--detail')}>
          <div className={cx('vdb-results', explorer.isRefreshing && 'vdb-results--stale', classNames?.results)}>
            {status === 'idle' ? (
              <EmptyState title={t('state.idleTitle')}>{t('state.idleBody')}</EmptyState>
            ) : status === 'loading' ? (
              <Skeleton />
            ) : status === 'error' ? (
              <ErrorNotice error={explorer.error} onRetry={explorer.retry} />
            ) : status === 'empty' ? (
              <EmptyState title={t('state.emptyTitle')}>{explorer.emptyReason}</EmptyState>
            ) : (
              <>
                <ResultList explorer={explorer} renderRow={renderRow} classNames={classNames} height={listHeight} />
                {explorer.canLoadMore || explorer.isLoadingMore ? (
                  <button
                    type="button"
                    className="vdb-button vdb-results__more"
                    disabled={explorer.isLoadingMore}
                    onClick={explorer.loadMore}
                  >
                    {explorer.isLoadingMore ? t('results.loadingMore') : t('results.loadMore')}
                  </button>
                ) : null}
              </>
            )}
          </div>
          <DetailPanel explorer={explorer} renderDetail={renderDetail} classNames={classNames} />
        </div>

        <UndoToast explorer={explorer} classNames={classNames} />
        <p id={helpId} className="vdb-sr-only">
          {t('results.keyboardHelp')}
        </p>
      </section>
    </PrimitiveTextProvider>
  );
}
