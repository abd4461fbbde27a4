import { cx } from '../primitives/cx';
import { DismissibleNotice } from '../primitives/DismissibleNotice';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';

/** The last notice and the open undo windows ("Deleted guide.md · Undo"), in polite live regions. */
export function NoticeArea() {
  const { state, ui } = useKnowledgeBaseContext();
  const { t, classNames } = ui;
  const { notice, deletes } = state;
  return (
    <>
      <DismissibleNotice
        className={cx('vdb-kb-notice', notice && `vdb-kb-notice--${notice.tone}`)}
        text={notice ? t(notice.key, notice.values) : undefined}
        noticeId={notice?.id}
        dismissLabel={t('dismiss')}
        onDismiss={state.dismissNotice}
      />
      <ul className="vdb-kb-toasts" aria-live="polite">
        {deletes.entries.map((entry) => (
          <li key={entry.docId} className={cx('vdb-kb-toast', classNames.toast)}>
            <span>{t('deleted', { name: entry.name })}</span>
            <button type="button" className="vdb-button vdb-button--small" onClick={() => deletes.undo(entry.docId)}>
              {t('undo')}
            </button>
            <button
              type="button"
              className="vdb-button vdb-button--small"
              aria-label={t('dismiss')}
              onClick={() => deletes.commit(entry.docId)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
