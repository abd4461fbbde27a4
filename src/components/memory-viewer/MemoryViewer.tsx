import { Suspense, useMemo } from 'react';
import type { Locale } from '../i18n/types';
import { useCatalog } from '../i18n/useCatalog';
import { cx } from '../primitives/cx';
import { DismissibleNotice } from '../primitives/DismissibleNotice';
import { PrimitiveTextProvider } from '../primitives/PrimitiveText';
import { Skeleton } from '../primitives/Skeleton';
import { memoryViewerCatalog } from './messages/catalog';
import type { MemoryViewerMessageKey, MemoryViewerMessages } from './messages/en';
import { MemoryListPanel } from './MemoryListPanel';
import { SearchPanel } from './SearchPanel';
import { SessionsPanel } from './SessionsPanel';
import { MEMORY_VIEWER_TABS, type MemoryViewerTab, type UseMemoryViewerOptions } from './types';
import { UndoToasts } from './UndoToasts';
import { useMemoryViewer, type MemoryViewerState } from './useMemoryViewer';
import { ViewerUiProvider, type MemoryViewerClassNames, type MemoryViewerSlots, type ViewerUi } from './viewerUi';

/**
 * Strings to replace: any MemoryViewer key, and the primitives' keys (e.g. `error.retry`).
 * @deprecated Use `Partial<MemoryViewerMessages>`.
 */
export type MemoryViewerTranslations = Partial<MemoryViewerMessages>;

/**
 * Locales the MemoryViewer ships strings for.
 * @deprecated Use `Locale`.
 */
export type MemoryViewerLocale = Locale;

/** Props of {@link MemoryViewer}. */
export interface MemoryViewerProps extends UseMemoryViewerOptions, MemoryViewerSlots {
  /** Language of the built-in strings. Default `'en'`. */
  locale?: Locale | undefined;
  /**
   * Replaces any string (by key: the viewer's and the primitives') of the locale. Default: none.
   * @example <MemoryViewer messages={{ tabSearch: 'Recall' }} … />
   */
  messages?: Partial<MemoryViewerMessages> | undefined;
  /** @deprecated Use `messages` (same shape); `messages` wins where both set a key. Default: none. */
  translations?: Partial<MemoryViewerMessages> | undefined;
  /** Extra class names by part. Default: none. */
  classNames?: MemoryViewerClassNames | undefined;
  /** IANA time zone for timestamps. Default: the runtime's. */
  timeZone?: string | undefined;
}

const NO_CLASS_NAMES: MemoryViewerClassNames = {};

const TAB_LABEL = {
  sessions: 'tabSessions',
  search: 'tabSearch',
  events: 'tabEvents',
  profiles: 'tabProfiles',
} as const satisfies Record<MemoryViewerTab, MemoryViewerMessageKey>;

function tabCount(viewer: MemoryViewerState, tab: MemoryViewerTab): number | undefined {
  if (tab === 'sessions') return viewer.sessions.sessionIds.length;
  if (tab === 'events') return viewer.events.view.status === 'ready' ? viewer.events.items.length : undefined;
  if (tab === 'profiles') return viewer.profiles.view.status === 'ready' ? viewer.profiles.items.length : undefined;
  return undefined;
}

/**
 * The styled MemoryViewer: tabs for the sessions timeline (with the add-session composer), memory search, events and
 * profiles. Built only from {@link useMemoryViewer}; needs `QueryClientProvider` + `VikingProvider` above it and the
 * kit's `memory-viewer.css`. With a `locale` other than `'en'` it shows a skeleton until that locale's strings have
 * loaded (once per page).
 *
 * @example <MemoryViewer collection="demo_memory" userId="alice" locale="zh-CN" />
 */
export function MemoryViewer(props: MemoryViewerProps) {
  return (
    <Suspense
      fallback={
        <section className={cx('vdb-root', 'vdb-memory', props.classNames?.root)}>
          <Skeleton label="" />
        </section>
      }
    >
      <MemoryViewerView {...props} />
    </Suspense>
  );
}

function MemoryViewerView(props: MemoryViewerProps) {
  const {
    locale = 'en',
    messages,
    translations,
    classNames = NO_CLASS_NAMES,
    timeZone,
    renderMessage,
    renderMemoryItem,
    ...options
  } = props;
  const viewer = useMemoryViewer(options);
  const overrides = useMemo(
    () => (messages && translations ? { ...translations, ...messages } : (messages ?? translations)),
    [messages, translations],
  );
  const t = useCatalog(memoryViewerCatalog, locale, overrides);
  const ui = useMemo<ViewerUi>(() => {
    const format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    return {
      t,
      classNames,
      formatTime: (ms) => format.format(ms),
      renderMessage,
      renderMemoryItem,
    };
  }, [locale, t, classNames, timeZone, renderMessage, renderMemoryItem]);
  const { tabs, notice } = viewer;

  return (
    <PrimitiveTextProvider value={t}>
      <ViewerUiProvider value={ui}>
        <section className={cx('vdb-root', 'vdb-memory', classNames.root)} aria-label={t('title')} lang={locale}>
          <header className={cx('vdb-memory-header', classNames.header)}>
            <h2 className="vdb-memory-title">{t('title')}</h2>
            <span className="vdb-memory-collection">{t('collectionLabel', { name: viewer.collectionName })}</span>
          </header>
          <div {...tabs.getTabListProps(t('tabListLabel'))} className={cx('vdb-memory-tabs', classNames.tabList)}>
            {MEMORY_VIEWER_TABS.map((tab) => {
              const count = tabCount(viewer, tab);
              const label = t(TAB_LABEL[tab]);
              return (
                <button key={tab} {...tabs.getTabProps(tab)} className={cx('vdb-memory-tab', classNames.tab)}>
                  {count === undefined ? label : t('tabCount', { label, count })}
                </button>
              );
            })}
          </div>
          {MEMORY_VIEWER_TABS.map((tab) => (
            <div key={tab} {...tabs.getTabPanelProps(tab)} className={cx('vdb-memory-panel', classNames.panel)}>
              {tab !== tabs.selected ? null : tab === 'sessions' ? (
                <SessionsPanel viewer={viewer} />
              ) : tab === 'search' ? (
                <SearchPanel viewer={viewer} />
              ) : (
                <MemoryListPanel viewer={viewer} list={tab === 'events' ? viewer.events : viewer.profiles} />
              )}
            </div>
          ))}
          <DismissibleNotice
            className={cx('vdb-memory-notice', notice && `vdb-memory-notice--${notice.tone}`)}
            text={notice ? t(notice.key, notice.values) : undefined}
            noticeId={notice?.id}
            dismissLabel={t('dismiss')}
            onDismiss={viewer.dismissNotice}
          />
          <UndoToasts undo={viewer.undo} />
        </section>
      </ViewerUiProvider>
    </PrimitiveTextProvider>
  );
}
