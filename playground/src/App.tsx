import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { createActivityLog } from './activity/activityLog';
import type { BackendKind } from './connection/backend';
import { BackendProvider } from './connection/BackendContext';
import { ActivityPage } from './pages/ActivityPage';
import { ConnectionPage } from './pages/ConnectionPage';
import { DataPage } from './pages/DataPage';
import { usePlaygroundText, type PlaygroundTextKey } from './i18n/playgroundText';
import { OverviewPage } from './pages/OverviewPage';
import { LOCALES, THEMES, useLocale, useTheme, type PlaygroundLocale, type Theme } from './settings/useSetting';
import { setUrlParams, useUrlState } from './url/useUrlState';

const ExplorerPage = lazy(() => import('./pages/ExplorerPage'));
const MemoryPage = lazy(() => import('./pages/MemoryPage'));
const KnowledgePage = lazy(() => import('./pages/KnowledgePage'));

const PAGES = [
  { id: 'overview' },
  { id: 'explorer' },
  { id: 'memory' },
  { id: 'knowledge' },
  { id: 'data' },
  { id: 'activity' },
  { id: 'connection' },
] as const;

type PageId = (typeof PAGES)[number]['id'];

const THEME_LABEL = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const satisfies Record<
  Theme,
  PlaygroundTextKey
>;

const BACKEND_BADGE = {
  local: 'badgeLocal',
  browser: 'badgeBrowser',
  cloud: 'badgeCloud',
} as const satisfies Record<BackendKind, PlaygroundTextKey>;

const LOCALE_LABEL: Record<PlaygroundLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

function isBackend(value: string): value is BackendKind {
  return value === 'local' || value === 'browser' || value === 'cloud';
}

/** Forces the chosen colour scheme on the document (the components follow `data-theme` on an ancestor). */
function useDocumentTheme(theme: Theme, locale: PlaygroundLocale) {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') {
      delete root.dataset['theme'];
      root.style.colorScheme = '';
    } else {
      root.dataset['theme'] = theme;
      root.style.colorScheme = theme;
    }
    root.lang = locale;
  }, [theme, locale]);
}

/** The playground: a page per task, the current view kept in the URL. */
export function App({ defaultBackend }: { defaultBackend: BackendKind }) {
  const activity = useMemo(() => createActivityLog(), []);
  const [page, setPage] = useUrlState('page', 'overview');
  const [backendParam] = useUrlState('backend', defaultBackend);
  const [theme, setTheme] = useTheme();
  const [locale, setLocale] = useLocale();
  const [menuOpen, setMenuOpen] = useState(false);
  const { t } = usePlaygroundText();
  useDocumentTheme(theme, locale);
  const backend = isBackend(backendParam) ? backendParam : defaultBackend;
  const current = (PAGES.find((p) => p.id === page)?.id ?? 'overview') as PageId;
  return (
    <BackendProvider kind={backend} activity={activity}>
      <header className="top">
        <span className="brand">vikingdb-kit</span>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="pages-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('menu')}
        </button>
        <nav id="pages-nav" aria-label={t('pages')} className={menuOpen ? 'open' : undefined}>
          {PAGES.map((p) => (
            <a
              key={p.id}
              href={`?page=${p.id}`}
              aria-current={current === p.id ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                setMenuOpen(false);
                setPage(p.id, true);
              }}
            >
              {t(p.id)}
            </a>
          ))}
        </nav>
        <span className="settings">
          <label>
            <span className="visually-hidden">{t('theme')}</span>
            <select aria-label={t('theme')} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              {THEMES.map((value) => (
                <option key={value} value={value}>
                  {t(THEME_LABEL[value])}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('language')}</span>
            <select
              aria-label={t('language')}
              value={locale}
              onChange={(e) => setLocale(e.target.value as PlaygroundLocale)}
            >
              {LOCALES.map((value) => (
                <option key={value} value={value} lang={value}>
                  {LOCALE_LABEL[value]}
                </option>
              ))}
            </select>
          </label>
        </span>
        <span className="backend-badge" data-testid="backend">
          {t(BACKEND_BADGE[backend])}
        </span>
      </header>
      <main>
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          {current === 'overview' && <OverviewPage />}
          {current === 'explorer' && <ExplorerPage />}
          {current === 'memory' && <MemoryPage />}
          {current === 'knowledge' && <KnowledgePage />}
          {current === 'data' && <DataPage />}
          {current === 'activity' && <ActivityPage />}
          {current === 'connection' && <ConnectionPage onChoose={(kind) => setUrlParams({ backend: kind }, true)} />}
        </Suspense>
      </main>
    </BackendProvider>
  );
}
