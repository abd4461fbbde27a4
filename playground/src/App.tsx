import { lazy, Suspense, useMemo } from 'react';
import { createActivityLog } from './activity/activityLog';
import type { BackendKind } from './connection/backend';
import { BackendProvider } from './connection/BackendContext';
import { ActivityPage } from './pages/ActivityPage';
import { ConnectionPage } from './pages/ConnectionPage';
import { DataPage } from './pages/DataPage';
import { setUrlParams, useUrlState } from './url/useUrlState';

const ExplorerPage = lazy(() => import('./pages/ExplorerPage'));
const MemoryPage = lazy(() => import('./pages/MemoryPage'));

const PAGES = [
  { id: 'explorer', label: 'Explorer' },
  { id: 'memory', label: 'Memory' },
  { id: 'data', label: 'Data' },
  { id: 'activity', label: 'Activity' },
  { id: 'connection', label: 'Connection' },
] as const;

type PageId = (typeof PAGES)[number]['id'];

function isBackend(value: string): value is BackendKind {
  return value === 'local' || value === 'browser' || value === 'cloud';
}

/** The playground: a page per task, the current view kept in the URL. */
export function App({ defaultBackend }: { defaultBackend: BackendKind }) {
  const activity = useMemo(() => createActivityLog(), []);
  const [page, setPage] = useUrlState('page', 'explorer');
  const [backendParam] = useUrlState('backend', defaultBackend);
  const backend = isBackend(backendParam) ? backendParam : defaultBackend;
  const current = (PAGES.find((p) => p.id === page)?.id ?? 'explorer') as PageId;
  return (
    <BackendProvider kind={backend} activity={activity}>
      <header className="top">
        <span className="brand">vikingdb-kit</span>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a
              key={p.id}
              href={`?page=${p.id}`}
              aria-current={current === p.id ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                setPage(p.id, true);
              }}
            >
              {p.label}
            </a>
          ))}
        </nav>
        <span className="backend-badge" data-testid="backend">
          {backend === 'local' ? 'local server' : backend === 'browser' ? 'in-browser engine' : 'cloud (proxy)'}
        </span>
      </header>
      <main>
        <Suspense fallback={<p role="status">Loading…</p>}>
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
