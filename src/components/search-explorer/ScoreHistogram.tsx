import { useId } from 'react';
import { useSearchExplorerContext } from './SearchExplorerContext';

const W = 480;
const H = 200;
const PAD = 14;
const AXIS = 18;

/** The distribution of the results' scores as an SVG bar chart (20 equal-width bins). */
export function ScoreHistogram() {
  const { state, ui } = useSearchExplorerContext();
  const { t } = ui;
  const { items } = state;
  const { bins } = state.insights;
  const titleId = useId();
  const descId = useId();
  if (bins.length === 0) return null;
  const peak = Math.max(...bins.map((b) => b.count));
  const width = (W - 2 * PAD) / bins.length;
  const first = bins[0]!;
  const last = bins[bins.length - 1]!;
  return (
    <svg
      className="vdb-chart vdb-histogram"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{t('insights.histogram')}</title>
      <desc id={descId}>
        {t('insights.histogramSummary', { min: first.from.toFixed(3), max: last.to.toFixed(3), count: items.length })}
      </desc>
      <rect className="vdb-chart__frame" x={0.5} y={0.5} width={W - 1} height={H - 1} rx={6} />
      {bins.map((bin, i) => {
        const h = peak > 0 ? (bin.count / peak) * (H - 2 * PAD - AXIS) : 0;
        return (
          <rect
            key={i}
            className="vdb-histogram__bar"
            x={PAD + i * width + 1}
            y={H - PAD - AXIS - h}
            width={Math.max(1, width - 2)}
            height={h}
          >
            <title>{t('insights.bin', { from: bin.from.toFixed(3), to: bin.to.toFixed(3), count: bin.count })}</title>
          </rect>
        );
      })}
      <text className="vdb-chart__label" x={PAD} y={H - PAD + 2}>
        {first.from.toFixed(3)}
      </text>
      <text className="vdb-chart__label" x={W - PAD} y={H - PAD + 2} textAnchor="end">
        {last.to.toFixed(3)}
      </text>
    </svg>
  );
}
