import { useMemo, useState, useSyncExternalStore } from 'react';
import { useBackend } from '../connection/BackendContext';
import { usePlaygroundText } from '../i18n/playgroundText';

const BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, Infinity];

/** Chart geometry (SVG units): the tallest bar leaves room above it for its count, the axis labels go below. */
const CHART = { height: 125, base: 100, barMax: 84 };

function bucketLabel(upper: number, lower: number): string {
  return upper === Infinity ? `> ${lower} ms` : `≤ ${upper} ms`;
}

/**
 * The last few hundred requests with a latency histogram. Requests the app cancelled itself (a page left, a query
 * replaced, React's development double effects) are hidden unless asked for, and shown greyed as "cancelled".
 */
export function ActivityPage() {
  const { activity } = useBackend();
  const { t, count, locale } = usePlaygroundText();
  const all = useSyncExternalStore(activity.subscribe, activity.snapshot, activity.snapshot);
  const [showCancelled, setShowCancelled] = useState(false);
  const cancelled = useMemo(() => all.filter((entry) => entry.aborted).length, [all]);
  const entries = useMemo(() => (showCancelled ? all : all.filter((entry) => !entry.aborted)), [all, showCancelled]);
  const histogram = useMemo(() => {
    const counts = BUCKETS_MS.map(() => 0);
    for (const entry of entries) counts[BUCKETS_MS.findIndex((upper) => entry.latencyMs <= upper)]! += 1;
    return counts;
  }, [entries]);
  const max = Math.max(1, ...histogram);
  return (
    <section aria-labelledby="activity-title">
      <h1 id="activity-title">{t('activity')}</h1>
      <p className="activity-summary">
        {t('activitySummary', { requests: count(entries.length, 'recentRequest') })}
        <label>
          <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} />{' '}
          {t('showCancelled')} ({cancelled})
        </label>
        <button type="button" onClick={activity.clear}>
          {t('clear')}
        </button>
      </p>
      <figure>
        <svg
          viewBox={`0 0 ${BUCKETS_MS.length * 60} ${CHART.height}`}
          role="img"
          aria-label={t('latencyHistogram')}
          className="histogram"
        >
          {histogram.map((count, i) => {
            const height = (count / max) * CHART.barMax;
            return (
              <g key={i} transform={`translate(${i * 60 + 5},0)`}>
                <rect y={CHART.base - height} width={50} height={height} className="bar" />
                <text x={25} y={CHART.base + 14} textAnchor="middle" className="axis">
                  {bucketLabel(BUCKETS_MS[i]!, BUCKETS_MS[i - 1] ?? 0)}
                </text>
                {count > 0 && (
                  <text x={25} y={CHART.base - height - 4} textAnchor="middle" className="count">
                    {count}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <figcaption>{t('latencyCaption')}</figcaption>
      </figure>
      <table className="activity">
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            <th scope="col">{t('operation')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('latency')}</th>
            <th scope="col">{t('attempts')}</th>
            <th scope="col">{t('requestId')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} className={entry.aborted ? 'cancelled' : entry.error ? 'failed' : undefined}>
              <td>{new Date(entry.at).toLocaleTimeString(locale)}</td>
              <td>{entry.operation}</td>
              <td>{entry.aborted ? t('cancelled') : (entry.status ?? entry.error?.code ?? '—')}</td>
              <td>{Math.round(entry.latencyMs)} ms</td>
              <td>{entry.attempts}</td>
              <td>
                <code>{entry.requestId ?? '—'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
