import { useId } from 'react';
import { ErrorNotice } from '../primitives/ErrorNotice';
import { cx } from '../primitives/cx';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';
import { PointsEditor } from './PointsEditor';
import { StatusBadge } from './StatusBadge';
import { TagEditor } from './TagEditor';

/** The open document: facts, status (failure message, stalled warning, re-run), rename, delete, tags and points. */
export function DocumentDetail() {
  const { state, ui } = useKnowledgeBaseContext();
  const { t, classNames, formatTime } = ui;
  const { detail } = state;
  const id = useId();
  if (detail.docId === null) return <p className="vdb-kb-empty">{t('detailEmpty')}</p>;
  if (detail.isLoading) {
    return (
      <p className="vdb-kb-empty" role="status">
        {t('loading')}
      </p>
    );
  }
  const { doc } = detail;
  if (!doc)
    return detail.error ? <ErrorNotice error={detail.error} /> : <p className="vdb-kb-empty">{t('detailEmpty')}</p>;
  const docId = detail.docId;
  const name = doc.docName ?? docId;
  const docState = detail.state ?? 'done';
  const item = { id: docId, doc, state: docState };
  const facts: Array<[string, string | undefined]> = [
    [t('idLabel'), docId],
    [t('typeLabel'), doc.docType],
    [t('sourceLabel'), doc.url ?? doc.source],
    [t('createdLabel'), doc.createTime === undefined ? undefined : formatTime(doc.createTime)],
    [t('updatedLabel'), doc.updateTime === undefined ? undefined : formatTime(doc.updateTime)],
  ];
  return (
    <article className={cx('vdb-kb-detail', classNames.detail)} aria-labelledby={`${id}-title`}>
      <header className="vdb-kb-detail__header">
        <h3 id={`${id}-title`} className="vdb-kb-section-title">
          {t('detailLabel', { name })}
        </h3>
        <StatusBadge state={docState} />
      </header>
      {docState === 'failed' ? (
        <p className="vdb-kb-detail__problem" role="alert">
          {t('failedMessage', { code: doc.status?.failedCode ?? '—', message: doc.status?.failedMsg ?? '' })}
        </p>
      ) : null}
      {docState === 'stalled' ? (
        <p className="vdb-kb-detail__problem" role="alert">
          {t('stalledMessage', { minutes: Math.round((detail.processingMs ?? 0) / 60_000) })}
        </p>
      ) : null}
      {docState === 'failed' || docState === 'stalled' ? (
        <button
          type="button"
          className="vdb-button vdb-button--small vdb-button--primary"
          disabled={!state.canRerun(item)}
          title={state.canRerun(item) ? undefined : t('rerunUnavailable')}
          onClick={() => void state.rerun(item)}
        >
          {t('rerun')}
        </button>
      ) : null}
      <form
        className="vdb-kb-rename"
        onSubmit={(event) => {
          event.preventDefault();
          void detail.rename();
        }}
      >
        <label htmlFor={`${id}-name`}>{t('nameLabel')}</label>
        <input
          id={`${id}-name`}
          className="vdb-input"
          value={detail.name}
          onChange={(event) => detail.setName(event.target.value)}
        />
        <button
          type="submit"
          className="vdb-button vdb-button--small"
          disabled={detail.isRenaming || detail.name.trim() === '' || detail.name.trim() === doc.docName}
        >
          {t('rename')}
        </button>
      </form>
      <dl className="vdb-kb-facts">
        {facts
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <TagEditor />
      <PointsEditor />
      <div className="vdb-kb-actions vdb-kb-detail__danger">
        <button
          type="button"
          className="vdb-button vdb-button--small vdb-button--danger"
          onClick={state.deleteSelected}
        >
          {t('deleteDoc')}
        </button>
      </div>
    </article>
  );
}
