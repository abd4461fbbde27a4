import { useId } from 'react';
import type { PrimaryKey } from '../../client/vector/types';
import { useSearchExplorerContext } from './SearchExplorerContext';

const W = 480;
const H = 200;
const PAD = 14;

/**
 * The results' vectors on their first two principal components, as an SVG scatter. Hovering a point highlights its
 * row and the other way round; clicking a point opens the row.
 */
export function ProjectionChart() {
  const { state, ui } = useSearchExplorerContext();
  const { t } = ui;
  const { items, list } = state;
  const { projection } = state.insights;
  const { hoveredId, selectedId } = list;
  const titleId = useId();
  const descId = useId();
  if (state.insights.projectionLoading) return <p className="vdb-muted">{t('insights.projectionLoading')}</p>;
  if (projection.length < 2) return <p className="vdb-muted">{t('insights.projectionNeedsTwo')}</p>;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of projection) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const sx = (x: number) => PAD + ((x - minX) / (maxX - minX || 1)) * (W - 2 * PAD);
  const sy = (y: number) => H - PAD - ((y - minY) / (maxY - minY || 1)) * (H - 2 * PAD);
  const scores = new Map<string, number>(items.map((item) => [String(item.id), item.score]));
  const rank = new Map<string, number>(items.map((item, i) => [String(item.id), i]));
  const same = (a: PrimaryKey | undefined, b: PrimaryKey) => a !== undefined && String(a) === String(b);
  // Best results are drawn last (on top) and strongest.
  const ordered = [...projection].sort((a, b) => (rank.get(String(b.id)) ?? 0) - (rank.get(String(a.id)) ?? 0));
  return (
    <svg
      className="vdb-chart vdb-projection"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{t('insights.projection')}</title>
      <desc id={descId}>{t('insights.projectionSummary', { count: projection.length })}</desc>
      <rect className="vdb-chart__frame" x={0.5} y={0.5} width={W - 1} height={H - 1} rx={6} />
      {ordered.map((point) => {
        const hovered = same(hoveredId, point.id);
        const selected = same(selectedId, point.id);
        const r = rank.get(String(point.id)) ?? 0;
        const strength = 1 - r / Math.max(1, items.length);
        return (
          <circle
            key={String(point.id)}
            data-id={String(point.id)}
            className={`vdb-projection__point${hovered ? ' vdb-projection__point--hovered' : ''}${selected ? ' vdb-projection__point--selected' : ''}`}
            cx={sx(point.x)}
            cy={sy(point.y)}
            r={hovered || selected ? 7 : 4}
            fillOpacity={hovered || selected ? 1 : 0.35 + 0.6 * strength}
            onMouseEnter={() => list.setHoveredId(point.id)}
            onMouseLeave={() => list.setHoveredId(undefined)}
            onClick={() => list.select(point.id)}
          >
            <title>
              {t('insights.point', { id: String(point.id), score: (scores.get(String(point.id)) ?? 0).toFixed(3) })}
            </title>
          </circle>
        );
      })}
    </svg>
  );
}
