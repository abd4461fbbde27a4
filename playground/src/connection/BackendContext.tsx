import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { VikingProvider } from 'vikingdb-kit/hooks';
import type { ActivityLog } from '../activity/activityLog';
import { usePlaygroundText } from '../i18n/playgroundText';
import { createBackend, startInBrowserEngine, type Backend, type BackendKind } from './backend';
import { cloudSettingsStore } from './cloudSettings';

interface BackendState {
  backend: Backend;
  /** False while the in-browser engine is starting. */
  ready: boolean;
  activity: ActivityLog;
}

const BackendContext = createContext<BackendState | undefined>(undefined);

/** The current backend, its readiness and the activity log. */
export function useBackend(): BackendState {
  const state = useContext(BackendContext);
  if (!state) throw new Error('useBackend: no BackendProvider');
  return state;
}

/**
 * Provides the client for the chosen backend. Each backend gets its own QueryClient, so results from one never
 * show while looking at another.
 */
export function BackendProvider({
  kind,
  activity,
  children,
  backend: given,
}: {
  kind: BackendKind;
  activity: ActivityLog;
  children: ReactNode;
  /** The backend to use instead of the one built for `kind` (tests). Default: built for `kind`. */
  backend?: Backend | undefined;
}) {
  // Saving the Connection page's cloud form rebuilds the cloud backend.
  const cloudRevision = useSyncExternalStore(cloudSettingsStore.subscribe, cloudSettingsStore.revision);
  const built = useMemo(() => {
    void cloudRevision;
    return given ? undefined : createBackend(kind, activity);
  }, [given, kind, activity, cloudRevision]);
  const backend = given ?? built!;
  const queryClient = useMemo(() => {
    void kind;
    void cloudRevision;
    return new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false } } });
  }, [kind, cloudRevision]);
  const needsWorker = kind === 'browser' && !given;
  const [startedKind, setStartedKind] = useState<BackendKind | undefined>(needsWorker ? undefined : kind);
  useEffect(() => {
    if (!needsWorker) return;
    let live = true;
    void startInBrowserEngine().then(() => {
      if (live) setStartedKind('browser');
    });
    return () => {
      live = false;
    };
  }, [needsWorker]);
  const ready = !needsWorker || startedKind === 'browser';
  const state = useMemo(() => ({ backend, ready, activity }), [backend, ready, activity]);
  const { t } = usePlaygroundText();
  return (
    <BackendContext.Provider value={state}>
      <QueryClientProvider client={queryClient}>
        <VikingProvider client={backend.client}>
          {ready ? children : <p role="status">{t('startingEngine')}</p>}
        </VikingProvider>
      </QueryClientProvider>
    </BackendContext.Provider>
  );
}
