import { cx } from '../primitives/cx';
import type { SearchExplorerClassNames } from './classNames';
import type { SearchExplorerState } from './useSearchExplorer';

/** Props of {@link UndoToast}. */
export interface UndoToastProps {
  explorer: SearchExplorerState;
  classNames?: SearchExplorerClassNames | undefined;
}

/** "Deleted row 7. Undo" while the row can still be restored; afterwards the last notice (restored, failed). */
export function UndoToast({ explorer, classNames }: UndoToastProps) {
  const { t, pendingUndo, notice } = explorer;
  return (
    <div className={cx('vdb-toast-region', classNames?.toast)} role="status" aria-live="polite">
      {pendingUndo ? (
        <div className="vdb-toast">
          <span>{t('undo.deleted', { id: String(pendingUndo.id) })}</span>
          <button
            type="button"
            className="vdb-button vdb-button--small vdb-button--primary"
            onClick={() => void explorer.undoDelete()}
          >
            {t('undo.action')}
          </button>
          <button
            type="button"
            className="vdb-button vdb-button--small vdb-button--quiet"
            aria-label={t('undo.dismiss', { id: String(pendingUndo.id) })}
            onClick={explorer.dismissUndo}
          >
            ✕
          </button>
        </div>
      ) : notice && notice.kind !== 'deleted' ? (
        <div className={cx('vdb-toast', notice.kind === 'error' && 'vdb-toast--error')}>{notice.text}</div>
      ) : null}
    </div>
  );
}
