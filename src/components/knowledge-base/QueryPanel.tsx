import { useId } from 'react';
import type { PointInfo } from '../../client/knowledge/types';
import { ErrorNotice } from '../primitives/ErrorNotice';
import { cx } from '../primitives/cx';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';

const formatScore = (score: number) => score.toFixed(3);

function ResultCard({ point, rank }: { point: PointInfo; rank: number }) {
  const { state, ui } = useKnowledgeBaseContext();
  const { t } = ui;
  const docId = point.docInfo?.docId;
  const docName = point.docInfo?.docName ?? docId ?? '';
  return (
    <article className="vdb-kb-result__card" aria-label={t('queryRank', { rank })}>
      <header className="vdb-kb-result__header">
        <span className="vdb-kb-result__rank">{t('queryRank', { rank })}</span>
        {point.score !== undefined ? (
          <span className="vdb-kb-score">{t('queryScore', { score: formatScore(point.score) })}</span>
        ) : null}
        {point.rerankScore !== undefined ? (
          <span className="vdb-kb-score vdb-kb-score--rerank">
            {t('queryRerankScore', { score: formatScore(point.rerankScore) })}
          </span>
        ) : null}
        {docId ? (
          <button
            type="button"
            className="vdb-button vdb-button--small vdb-kb-link"
            onClick={() => state.selectDoc(docId)}
          >
            {t('queryOpenDoc', { name: docName })}
          </button>
        ) : null}
      </header>
      {point.chunkTitle ? <p className="vdb-kb-result__title">{point.chunkTitle}</p> : null}
      <p className="vdb-kb-result__content">{point.content}</p>
    </article>
  );
}

/** "Try a query": runs `search_knowledge` and shows the ranked chunks with their scores and rerank scores. */
export function QueryPanel() {
  const { state, ui } = useKnowledgeBaseContext();
  const { t, classNames, renderResult } = ui;
  const { query } = state;
  const id = useId();
  return (
    <section className={cx('vdb-kb-query', classNames.query)} aria-label={t('tabQuery')}>
      <form {...query.getFormProps()} className="vdb-kb-query__form" role="search">
        <label className="vdb-kb-visually-hidden" htmlFor={`${id}-query`}>
          {t('queryLabel')}
        </label>
        <input
          id={`${id}-query`}
          type="search"
          className="vdb-input vdb-kb-query__input"
          placeholder={t('queryPlaceholder')}
          value={query.draft}
          onChange={(event) => query.setDraft(event.target.value)}
        />
        <label className="vdb-kb-filters__field">
          <span>{t('queryLimit')}</span>
          <input
            type="number"
            className="vdb-input vdb-kb-query__limit"
            min={1}
            max={200}
            value={query.limit}
            onChange={(event) => query.setLimit(Number(event.target.value))}
          />
        </label>
        <label className="vdb-kb-check">
          <input type="checkbox" checked={query.rerank} onChange={(event) => query.setRerank(event.target.checked)} />
          {t('queryRerank')}
        </label>
        <button type="submit" className="vdb-button vdb-button--small vdb-button--primary">
          {t('queryRun')}
        </button>
      </form>
      {query.status === 'idle' ? (
        <p className="vdb-kb-empty">{t('queryIdle')}</p>
      ) : query.status === 'loading' ? (
        <p className="vdb-kb-empty" role="status">
          {t('loading')}
        </p>
      ) : query.status === 'error' ? (
        <ErrorNotice error={query.error} onRetry={query.run} />
      ) : query.status === 'empty' ? (
        <p className="vdb-kb-empty">{t('queryEmpty')}</p>
      ) : (
        <ol
          className={cx('vdb-kb-results', query.isStale && 'vdb-kb-results--stale')}
          aria-label={t('queryResults')}
          aria-busy={query.isStale || undefined}
        >
          {query.items.map((point, index) => {
            const defaultResult = <ResultCard point={point} rank={index + 1} />;
            return (
              <li key={point.pointId ?? index} className={cx('vdb-kb-result', classNames.result)}>
                {renderResult ? renderResult(point, { rank: index + 1, defaultResult }) : defaultResult}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
