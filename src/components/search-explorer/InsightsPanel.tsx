import { ProjectionChart } from './ProjectionChart';
import { ScoreHistogram } from './ScoreHistogram';
import { useSearchExplorerContext } from './SearchExplorerContext';

/**
 * The Insights panel's figures: the PCA projection of the results' vectors and their score histogram. Loaded on
 * demand (`React.lazy` in the shell), so an explorer whose Insights stay closed never downloads the charts.
 */
export default function InsightsPanel() {
  const { t } = useSearchExplorerContext().ui;
  return (
    <>
      <figure className="vdb-insights__figure">
        <figcaption className="vdb-label">{t('insights.projection')}</figcaption>
        <ProjectionChart />
      </figure>
      <figure className="vdb-insights__figure">
        <figcaption className="vdb-label">{t('insights.histogram')}</figcaption>
        <ScoreHistogram />
      </figure>
    </>
  );
}
