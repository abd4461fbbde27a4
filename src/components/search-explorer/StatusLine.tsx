import { cx } from '../primitives/cx';
import { useSearchExplorerContext } from './SearchExplorerContext';

/** Result count, latency and request id of the last answer, and "Updating…" while a newer one loads. */
export function StatusLine() {
  const { state, ui } = useSearchExplorerContext();
  const { t, classNames } = ui;
  const { result, isRefreshing } = state;
  if (!result && !isRefreshing) return null;
  return (
    <p className={cx('vdb-status', classNames?.status)} aria-live="polite">
      {result ? (
        <>
          <span className="vdb-status__count">{t('results.count', { count: result.items.length })}</span>
          <span className="vdb-status__sep" aria-hidden="true">
            ·
          </span>
          <span>{t('results.latency', { ms: Math.round(result.latencyMs) })}</span>
          {result.requestId ? (
            <>
              <span className="vdb-status__sep" aria-hidden="true">
                ·
              </span>
              <span className="vdb-status__rid">{t('results.requestId', { id: result.requestId })}</span>
            </>
          ) : null}
        </>
      ) : null}
      {isRefreshing ? <span className="vdb-status__busy">{t('results.refreshing')}</span> : null}
    </p>
  );
}
