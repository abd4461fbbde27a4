import { ProjectionChart } from './ProjectionChart';
import { ScoreHistogram } from './ScoreHistogram';
import type { SearchExplorerState } from './useSearchExplorer';

/**
 * The Insights panel's figures: the PCA projection of the results' vectors and their score histogram. Loaded on
 * demand (`React.lazy` in the shell), so an explorer whose Insights stay closed never downloads the charts.
 */
export default function InsightsPanel({ explorer }: { explorer: SearchExplorerState }) {
  const { t } = explorer;
  return (
    <>
      <figure className="vdb-insights__figure">
        <figcaption className="vdb-label">{t('insights.projection')}</figcaption>
        <ProjectionChart explorer={explorer} />
      </figure>
      <figure className="vdb-insights__figure">
        <figcaption className="vdb-label">{t('insights.histogram')}</figcaption>
        <ScoreHistogram explorer={explorer} />
      </figure>
    </>
  );
}
