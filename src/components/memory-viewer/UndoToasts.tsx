import { cx } from '../primitives/cx';
import type { UndoQueue } from './useUndoQueue';
import { useViewerUi } from './viewerUi';

/** The open undo windows: "Deleted event … · Undo · ×", in a polite live region. */
export function UndoToasts({ undo }: { undo: UndoQueue }) {
  const { t, classNames } = useViewerUi();
  return (
    <ul className="vdb-memory-toasts" aria-live="polite">
      {undo.entries.map((entry) => (
        <li key={entry.id} className={cx('vdb-memory-toast', classNames.toast)}>
          <span>{t(entry.message.key, entry.message.values)}</span>
          <button type="button" className="vdb-button vdb-button--small" onClick={() => void undo.undo(entry.id)}>
            {t('undo')}
          </button>
          <button
            type="button"
            className="vdb-button vdb-button--small vdb-memory-toast__dismiss"
            aria-label={t('dismiss')}
            onClick={() => undo.dismiss(entry.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
