import { Suspense, useMemo } from 'react';
import type { Locale } from '../i18n/types';
import { useCatalog } from '../i18n/useCatalog';
import { cx } from '../primitives/cx';
import { PrimitiveTextProvider } from '../primitives/PrimitiveText';
import { Skeleton } from '../primitives/Skeleton';
import { DocumentDetail } from './DocumentDetail';
import { DocumentFilters } from './DocumentFilters';
import { DocumentList } from './DocumentList';
import { DocumentUploader } from './DocumentUploader';
import {
  KnowledgeBaseProvider,
  type KnowledgeBaseClassNames,
  type KnowledgeBaseContextValue,
  type KnowledgeBaseSlots,
} from './KnowledgeBaseContext';
import { knowledgeBaseCatalog } from './messages/catalog';
import type { KnowledgeBaseMessageKey, KnowledgeBaseMessages } from './messages/en';
import { NoticeArea } from './NoticeArea';
import { QueryPanel } from './QueryPanel';
import type { KnowledgeBasePane, UseKnowledgeBaseOptions } from './types';
import { KNOWLEDGE_BASE_PANES, useKnowledgeBase } from './useKnowledgeBase';

/** Props of {@link KnowledgeBase}. */
export interface KnowledgeBaseProps extends UseKnowledgeBaseOptions, KnowledgeBaseSlots {
  /** Language of the built-in strings (other than English, loaded on demand). Default `'en'`. */
  locale?: Locale | undefined;
  /**
   * Replaces any string (by key: the manager's and the primitives') of the locale. Default: none.
   * @example <KnowledgeBase messages={{ tabQuery: 'Debug retrieval' }} … />
   */
  messages?: Partial<KnowledgeBaseMessages> | undefined;
  /** Extra class names by part. Default: none. */
  classNames?: KnowledgeBaseClassNames | undefined;
  /** IANA time zone for timestamps. Default: the runtime's. */
  timeZone?: string | undefined;
}

const NO_CLASS_NAMES: KnowledgeBaseClassNames = {};

const PANE_LABEL = { document: 'tabDocument', query: 'tabQuery' } as const satisfies Record<
  KnowledgeBasePane,
  KnowledgeBaseMessageKey
>;

/**
 * The styled KnowledgeBase manager: add documents (drop, pick, URL) with per-file progress, the virtualized document
 * list with filters and status badges, the open document (tags, rename, delete with undo, re-run, chunks editable
 * inline) and "Try a query". Built only from {@link useKnowledgeBase}; needs `QueryClientProvider` +
 * `VikingProvider` above it and `vikingdb-kit/components/knowledge-base.css`. With a `locale` other than `'en'` it shows
 * a skeleton until that locale's strings have loaded (once per page).
 *
 * @example <KnowledgeBase collection="demo_kb" selectedDocId={docId} onSelectDoc={setDocId} />
 */
export function KnowledgeBase(props: KnowledgeBaseProps) {
  return (
    <Suspense
      fallback={
        <section className={cx('vdb-root', 'vdb-kb', props.classNames?.root)}>
          <Skeleton label="" />
        </section>
      }
    >
      <KnowledgeBaseView {...props} />
    </Suspense>
  );
}

function KnowledgeBaseView(props: KnowledgeBaseProps) {
  const {
    locale = 'en',
    messages,
    classNames = NO_CLASS_NAMES,
    timeZone,
    renderDocRow,
    renderResult,
    ...options
  } = props;
  const state = useKnowledgeBase(options);
  const t = useCatalog(knowledgeBaseCatalog, locale, messages);
  const ui = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    return { t, classNames, formatTime: (ms: number) => format.format(ms), renderDocRow, renderResult };
  }, [t, classNames, locale, timeZone, renderDocRow, renderResult]);
  const value: KnowledgeBaseContextValue = { state, ui };
  return (
    <PrimitiveTextProvider value={t}>
      <KnowledgeBaseProvider value={value}>
        <section className={cx('vdb-root', 'vdb-kb', classNames.root)} aria-label={t('title')} lang={locale}>
          <header className={cx('vdb-kb-header', classNames.header)}>
            <h2 className="vdb-kb-title">{t('title')}</h2>
            <span className="vdb-kb-collection">{t('collectionLabel', { name: state.collectionName })}</span>
          </header>
          <div className="vdb-kb-layout">
            <div className="vdb-kb-side">
              <DocumentUploader />
              <DocumentFilters />
              <DocumentList />
            </div>
            <div className="vdb-kb-main">
              <div className="vdb-kb-tabs" role="tablist" aria-label={t('paneTabsLabel')}>
                {KNOWLEDGE_BASE_PANES.map((pane) => (
                  <button key={pane} type="button" {...state.getTabProps(pane)} className="vdb-kb-tab">
                    {t(PANE_LABEL[pane])}
                  </button>
                ))}
              </div>
              <div {...state.getTabPanelProps('document')} className="vdb-kb-pane">
                {state.pane === 'document' ? <DocumentDetail /> : null}
              </div>
              <div {...state.getTabPanelProps('query')} className="vdb-kb-pane">
                {state.pane === 'query' ? <QueryPanel /> : null}
              </div>
            </div>
          </div>
          <NoticeArea />
        </section>
      </KnowledgeBaseProvider>
    </PrimitiveTextProvider>
  );
}
