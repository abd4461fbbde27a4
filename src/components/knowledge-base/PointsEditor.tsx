import { useId } from 'react';
import type { PointInfo } from '../../client/knowledge/types';
import { ConfirmButton } from '../primitives/ConfirmButton';
import { ErrorNotice } from '../primitives/ErrorNotice';
import { cx } from '../primitives/cx';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';

function PointCard({ point }: { point: PointInfo }) {
  const { state, ui } = useKnowledgeBaseContext();
  const { t, classNames } = ui;
  const { points } = state;
  const pointId = point.pointId ?? '';
  const label = String(point.chunkId ?? pointId);
  const editing = points.editingId === pointId;
  return (
    <li className={cx('vdb-kb-point', classNames.point)}>
      <article aria-label={t('pointTitle', { id: label })}>
        <header className="vdb-kb-point__header">
          <span className="vdb-kb-point__id">#{label}</span>
          {point.chunkTitle ? <span className="vdb-kb-point__title">{point.chunkTitle}</span> : null}
          {editing ? null : (
            <span className="vdb-kb-point__actions">
              <button
                type="button"
                className="vdb-button vdb-button--small"
                aria-label={t('editPoint', { id: label })}
                onClick={() => points.startEdit(point)}
              >
                ✎
              </button>
              <ConfirmButton aria-label={t('deletePoint', { id: label })} onConfirm={() => void points.remove(pointId)}>
                ✕
              </ConfirmButton>
            </span>
          )}
        </header>
        {editing ? (
          <form
            className="vdb-kb-point__editor"
            onSubmit={(event) => {
              event.preventDefault();
              void points.save();
            }}
          >
            <textarea
              className="vdb-input"
              aria-label={t('pointContent', { id: label })}
              rows={5}
              value={points.draft}
              // Keyboard: Escape cancels, Ctrl/⌘+Enter saves.
              onKeyDown={(event) => {
                if (event.key === 'Escape') points.cancelEdit();
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                  event.preventDefault();
                  void points.save();
                }
              }}
              onChange={(event) => points.setDraft(event.target.value)}
              autoFocus
            />
            <div className="vdb-kb-actions">
              <button
                type="submit"
                className="vdb-button vdb-button--small vdb-button--primary"
                disabled={points.isSaving}
              >
                {points.isSaving ? t('saving') : t('save')}
              </button>
              <button type="button" className="vdb-button vdb-button--small" onClick={points.cancelEdit}>
                {t('cancel')}
              </button>
            </div>
          </form>
        ) : (
          <p className="vdb-kb-point__content">{point.content}</p>
        )}
      </article>
    </li>
  );
}

/** The open document's points: listed with their content, edited inline, deleted, and a form to add one. */
export function PointsEditor() {
  const { state, ui } = useKnowledgeBaseContext();
  const { t, classNames } = ui;
  const { points } = state;
  const id = useId();
  return (
    <section className={cx('vdb-kb-points', classNames.points)} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="vdb-kb-subtitle">
        {t('pointsLabel')}
        {points.status === 'ready' ? ` (${points.items.length})` : null}
      </h4>
      {points.status === 'loading' ? (
        <p className="vdb-kb-muted" role="status">
          {t('loading')}
        </p>
      ) : points.status === 'error' ? (
        <ErrorNotice error={points.error} />
      ) : points.status === 'empty' ? (
        <p className="vdb-kb-muted">{t('pointsEmpty')}</p>
      ) : (
        <ul className="vdb-kb-point-list" aria-labelledby={`${id}-title`}>
          {points.items.map((point) => (
            <PointCard key={point.pointId} point={point} />
          ))}
        </ul>
      )}
      <form
        className="vdb-kb-point-add"
        onSubmit={(event) => {
          event.preventDefault();
          void points.add();
        }}
      >
        <input
          className="vdb-input"
          aria-label={t('newPointTitle')}
          placeholder={t('newPointTitle')}
          value={points.newTitle}
          onChange={(event) => points.setNewTitle(event.target.value)}
        />
        <textarea
          className="vdb-input"
          aria-label={t('newPointContent')}
          placeholder={t('newPointContent')}
          rows={3}
          value={points.newContent}
          onChange={(event) => points.setNewContent(event.target.value)}
        />
        <button
          type="submit"
          className="vdb-button vdb-button--small"
          disabled={points.newContent.trim() === '' || points.isAdding}
        >
          {t('addPoint')}
        </button>
      </form>
    </section>
  );
}
