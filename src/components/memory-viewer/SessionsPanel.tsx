import { useId } from 'react';
import { SessionCard } from './SessionCard';
import { SessionComposerForm } from './SessionComposerForm';
import type { MemoryViewerState } from './useMemoryViewer';
import { useViewerUi } from './viewerUi';

/** The sessions tab: open-by-id, the timeline of sessions with their messages, and the composer. */
export function SessionsPanel({ viewer }: { viewer: MemoryViewerState }) {
  const { t } = useViewerUi();
  const { sessions } = viewer;
  const id = useId();
  return (
    <div className="vdb-memory-sessions">
      <div className="vdb-memory-sessions__timeline">
        <div className="vdb-memory-toolbar">
          <h3 id={`${id}-title`} className="vdb-memory-heading">
            {t('sessionsHeading')}
          </h3>
          <form {...viewer.getOpenSessionFormProps()} className="vdb-memory-inline-form">
            <label className="vdb-memory-field vdb-memory-field--inline">
              <span>{t('openSessionLabel')}</span>
              <input
                className="vdb-input"
                value={sessions.openDraft}
                onChange={(event) => sessions.setOpenDraft(event.target.value)}
              />
            </label>
            <button type="submit" className="vdb-button vdb-button--small">
              {t('openSessionButton')}
            </button>
          </form>
        </div>
        <p className="vdb-memory-hint">{t('sessionsHowFound')}</p>
        {sessions.sessionIds.length === 0 ? (
          <div className="vdb-empty vdb-memory-state" role="status">
            <p className="vdb-empty__title">{t('sessionsIdle')}</p>
          </div>
        ) : (
          <ol className="vdb-memory-timeline" aria-labelledby={`${id}-title`}>
            {sessions.sessionIds.map((sessionId) => (
              <SessionCard
                key={sessionId}
                collection={viewer.collection}
                sessionId={sessionId}
                onHide={() => sessions.hide(sessionId)}
              />
            ))}
          </ol>
        )}
      </div>
      <SessionComposerForm viewer={viewer} />
    </div>
  );
}
