import { cx } from '../primitives/cx';
import { UndoToasts } from '../primitives/UndoToasts';
import { useSearchExplorerContext } from './SearchExplorerContext';

/**
 * "Deleted row 7. Undo ×" for each deleted row that can still be restored (the undo queue); below them the last
 * notice (restored, failed).
 */
export function UndoToast() {
  const { state, ui } = useSearchExplorerContext();
  const { t, say, classNames } = ui;
  const { undo, notice } = state.rows;
  const idOf = (values: Readonly<Record<string, string | number>> | undefined) => String(values?.['id'] ?? '');
  return (
    <UndoToasts
      queue={undo}
      className={cx('vdb-toast-region', classNames.toast)}
      itemClassName="vdb-toast"
      undoClassName="vdb-button vdb-button--small vdb-button--primary"
      dismissClassName="vdb-button vdb-button--small vdb-button--quiet"
      describe={(entry) => say(entry.message)}
      undoLabel={t('undo.action')}
      dismissLabel={(entry) => t('undo.dismiss', { id: idOf(entry.message.values) })}
    >
      {notice && notice.kind !== 'deleted' ? (
        <div key={notice.id} className={cx('vdb-toast', notice.kind === 'error' && 'vdb-toast--error')}>
          {say(notice)}
        </div>
      ) : null}
    </UndoToasts>
  );
}
