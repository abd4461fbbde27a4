import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { createActivityLog } from './activity/activityLog';
import type { BackendKind } from './connection/backend';
import { BackendProvider } from './connection/BackendContext';
import { ActivityPage } from './pages/ActivityPage';
import { ConnectionPage } from './pages/ConnectionPage';
import { DataPage } from './pages/DataPage';
import { usePlaygroundText } from './i18n/playgroundText';
import { OverviewPage } from './pages/OverviewPage';
import { LOCALES, THEMES, useLocale, useTheme, type PlaygroundLocale, type Theme } from './settings/useSetting';
import { setUrlParams, useUrlState } from './url/useUrlState';

const ExplorerPage = lazy(() => import('./pages/ExplorerPage'));
const MemoryPage = lazy(() => import('./pages/MemoryPage'));

const PAGES = [
  { id: 'overview' },
  { id: 'explorer' },
  { id: 'memory' },
  { id: 'data' },
  { id: 'activity' },
  { id: 'connection' },
] as const;

type PageId = (typeof PAGES)[number]['id'];

const THEME_LABEL: Record<Theme, Record<PlaygroundLocale, string>> = {
  system: { en: 'System', 'zh-CN': '跟随系统' },
  light: { en: 'Light', 'zh-CN': '浅色' },
  dark: { en: 'Dark', 'zh-CN': '深色' },
};

const LOCALE_LABEL: Record<PlaygroundLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

const CHROME = {
  pages: { en: 'Pages', 'zh-CN': '页面' },
  menu: { en: 'Menu', 'zh-CN': '菜单' },
  theme: { en: 'Theme', 'zh-CN': '主题' },
  language: { en: 'Language', 'zh-CN': '语言' },
} as const;

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
          {CHROME.menu[locale]}
        </button>
        <nav id="pages-nav" aria-label={CHROME.pages[locale]} className={menuOpen ? 'open' : undefined}>
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
            <span className="visually-hidden">{CHROME.theme[locale]}</span>
            <select aria-label={CHROME.theme[locale]} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              {THEMES.map((value) => (
                <option key={value} value={value}>
                  {THEME_LABEL[value][locale]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{CHROME.language[locale]}</span>
            <select
              aria-label={CHROME.language[locale]}
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
          {backend === 'local' ? 'local server' : backend === 'browser' ? 'in-browser engine' : 'cloud (proxy)'}
        </span>
      </header>
      <main>
        <Suspense fallback={<p role="status">Loading…</p>}>
          {current === 'overview' && <OverviewPage />}
          {current === 'explorer' && <ExplorerPage />}
          {current === 'memory' && <MemoryPage />}
          {current === 'data' && <DataPage />}
          {current === 'activity' && <ActivityPage />}
          {current === 'connection' && <ConnectionPage onChoose={(kind) => setUrlParams({ backend: kind }, true)} />}
        </Suspense>
      </main>
    </BackendProvider>
  );
}
