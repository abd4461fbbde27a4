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
    <div className="vk-memory-sessions">
      <div className="vk-memory-sessions__timeline">
        <div className="vk-memory-toolbar">
          <h3 id={`${id}-title`} className="vk-memory-heading">
            {t('sessionsHeading')}
          </h3>
          <form {...viewer.getOpenSessionFormProps()} className="vk-memory-inline-form">
            <label className="vk-memory-field vk-memory-field--inline">
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
        <p className="vk-memory-hint">{t('sessionsHowFound')}</p>
        {sessions.sessionIds.length === 0 ? (
          <div className="vdb-empty vk-memory-state" role="status">
            <p className="vdb-empty__title">{t('sessionsIdle')}</p>
          </div>
        ) : (
          <ol className="vk-memory-timeline" aria-labelledby={`${id}-title`}>
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
