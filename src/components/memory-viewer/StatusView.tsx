import { EmptyState } from '../primitives/EmptyState';
import { ErrorNotice } from '../primitives/ErrorNotice';
import { Skeleton } from '../primitives/Skeleton';
import type { MessageRef } from './types';
import { useViewerUi } from './viewerUi';
import type { ViewState } from './viewState';

/** Props of {@link StatusView}. */
export interface StatusViewProps {
  view: ViewState;
  /** Why the list is empty or idle. */
  reason: MessageRef | undefined;
  onRetry: () => void;
  /** Skeleton lines. Default 3. */
  rows?: number | undefined;
}

/**
 * The non-ready states of a list: skeleton while loading, the reason when idle or empty, the error with its code,
 * request id and hint. Renders nothing when the list is ready.
 */
export function StatusView({ view, reason, onRetry, rows = 3 }: StatusViewProps) {
  const { t } = useViewerUi();
  if (view.status === 'loading') return <Skeleton rows={rows} className="vdb-memory-skeleton" />;
  if (view.status === 'error') return <ErrorNotice error={view.cause} onRetry={onRetry} className="vdb-memory-error" />;
  if ((view.status === 'empty' || view.status === 'idle') && reason) {
    return (
      <EmptyState
        title={t(reason.key, reason.values)}
        className={`vdb-memory-state vdb-memory-state--${view.status}`}
      />
    );
  }
  return null;
}

/** "Updating…" while older results stay on screen. */
export function StaleBadge({ view }: { view: ViewState }) {
  const { t } = useViewerUi();
  return (
    <span className="vdb-memory-stale-badge" role="status" aria-live="polite">
      {view.isStale ? t('updating') : ''}
    </span>
  );
}
