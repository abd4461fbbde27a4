import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import type { Locale } from '../i18n/types';
import { useCatalog } from '../i18n/useCatalog';
import { cx } from '../primitives/cx';
import { EmptyState } from '../primitives/EmptyState';
import { ErrorNotice } from '../primitives/ErrorNotice';
import { PrimitiveTextProvider } from '../primitives/PrimitiveText';
import { Skeleton } from '../primitives/Skeleton';
import type { SearchExplorerClassNames } from './classNames';
import { DetailPanel } from './DetailPanel';
import type { ExplorerMessage } from './explorerTypes';
import { FilterBuilder } from './FilterBuilder';
import { searchExplorerCatalog } from './messages/catalog';
import type { SearchExplorerMessages } from './messages/en';
import { OutputFieldPicker } from './OutputFieldPicker';
import { QueryBar } from './QueryBar';
import { ResultList } from './ResultList';
import {
  SearchExplorerProvider,
  type RenderDetail,
  type RenderRow,
  type SearchExplorerContextValue,
  type SearchExplorerUi,
} from './SearchExplorerContext';
import { StatusLine } from './StatusLine';
import { UndoToast } from './UndoToast';
import { useSearchExplorer, type UseSearchExplorerOptions } from './useSearchExplorer';

/** The projection chart and histogram, fetched the first time the Insights panel opens. */
const InsightsPanel = lazy(() => import('./InsightsPanel'));

/** Props of {@link SearchExplorer}: the headless hook's options plus strings, styling and slots. */
export interface SearchExplorerProps extends UseSearchExplorerOptions {
  /** Locale of the strings (a locale other than `'en'` loads on first use). Default: `'en'`. */
  locale?: Locale | undefined;
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
 * until that locale's strings have loaded (once per page). Its parts read {@link SearchExplorerProvider}'s context.
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
  const { classNames, renderRow, renderDetail, theme, listHeight, defaultOpen, locale, messages, translations } = props;
  const overrides = useMemo(
    () => (messages && translations ? { ...translations, ...messages } : (messages ?? translations)),
    [messages, translations],
  );
  // First: a locale still loading suspends here, before the explorer's state exists.
  const t = useCatalog(searchExplorerCatalog, locale, overrides);
  const explorer = useSearchExplorer({
    ...props,
    defaultInsightsOpen: props.defaultInsightsOpen ?? defaultOpen?.includes('insights'),
  });
  const say = useCallback((message: ExplorerMessage) => t(message.key, message.values), [t]);
  const ui = useMemo<SearchExplorerUi>(
    () => ({ t, say, classNames: classNames ?? {}, renderRow, renderDetail, listHeight: listHeight ?? 440 }),
    [classNames, listHeight, renderDetail, renderRow, say, t],
  );
  const context: SearchExplorerContextValue = { state: explorer, ui };
  const { status } = explorer;
  const [filterOpen, setFilterOpen] = useState(
    () => defaultOpen?.includes('filter') ?? props.initialFilter !== undefined,
  );
  const [fieldsOpen, setFieldsOpen] = useState(() => defaultOpen?.includes('fields') ?? false);
  const insightsOpen = explorer.insights.open;
  const id = useId();
  const helpId = `${id}-help`;
  const outputCount = explorer.query.outputFields?.length;
  const nonVectorCount = explorer.fields.fields.filter((f) => f.type !== 'vector').length;

  return (
    <PrimitiveTextProvider value={t}>
      <SearchExplorerProvider value={context}>
        <section
          className={cx('vdb-root', 'vdb-explorer', classNames?.root)}
          data-theme={theme}
          aria-label={t('explorer.label')}
          aria-describedby={helpId}
        >
          <div className={cx('vdb-toolbar', classNames?.toolbar)}>
            <QueryBar />
            <div className="vdb-toolbar__toggles">
              <button
                type="button"
                className="vdb-toggle"
                aria-expanded={filterOpen}
                aria-controls={`${id}-filter`}
                onClick={() => setFilterOpen((open) => !open)}
              >
                {t('filter.toggle')}
                {explorer.filter.activeConditions > 0 ? (
                  <span className="vdb-badge">
                    {t('filter.activeCount', { count: explorer.filter.activeConditions })}
                  </span>
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
                onClick={() => explorer.insights.setOpen(!insightsOpen)}
              >
                {t('insights.toggle')}
              </button>
            </div>
            <div id={`${id}-filter`} hidden={!filterOpen}>
              {filterOpen ? <FilterBuilder /> : null}
            </div>
            <div id={`${id}-fields`} hidden={!fieldsOpen}>
              {fieldsOpen ? <OutputFieldPicker /> : null}
            </div>
          </div>

          <StatusLine />

          <div id={`${id}-insights`} hidden={!insightsOpen} className={cx('vdb-insights', classNames?.insights)}>
            {insightsOpen && status === 'success' ? (
              <Suspense fallback={<Skeleton rows={2} />}>
                <InsightsPanel />
              </Suspense>
            ) : null}
          </div>

          <div className={cx('vdb-body', explorer.list.selectedId !== undefined && 'vdb-body--detail')}>
            <div className={cx('vdb-results', explorer.isRefreshing && 'vdb-results--stale', classNames?.results)}>
              {status === 'idle' ? (
                <EmptyState title={t('state.idleTitle')}>{t('state.idleBody')}</EmptyState>
              ) : status === 'loading' ? (
                <Skeleton />
              ) : status === 'error' ? (
                <ErrorNotice error={explorer.error} onRetry={explorer.retry} />
              ) : status === 'empty' ? (
                <EmptyState title={t('state.emptyTitle')}>
                  {explorer.emptyReason ? say(explorer.emptyReason) : null}
                </EmptyState>
              ) : (
                <>
                  <ResultList />
                  {explorer.canLoadMore || explorer.isLoadingMore ? (
                    <button
                      type="button"
                      className="vdb-button vdb-results__more"
                      disabled={explorer.isLoadingMore}
                      onClick={explorer.query.loadMore}
                    >
                      {explorer.isLoadingMore ? t('results.loadingMore') : t('results.loadMore')}
                    </button>
                  ) : null}
                </>
              )}
            </div>
            <DetailPanel />
          </div>

          <UndoToast />
          <p id={helpId} className="vdb-sr-only">
            {t('results.keyboardHelp')}
          </p>
        </section>
      </SearchExplorerProvider>
    </PrimitiveTextProvider>
  );
}
