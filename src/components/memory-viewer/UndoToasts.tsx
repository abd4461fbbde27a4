import { cx } from '../primitives/cx';
import { UndoToasts as UndoToastList } from '../primitives/UndoToasts';
import type { UndoQueue } from '../primitives/useUndoQueue';
import type { MessageRef } from './types';
import { useViewerUi } from './viewerUi';

/** The open undo windows: "Deleted event … · Undo · ×", in a polite live region. */
export function UndoToasts({ undo }: { undo: UndoQueue<MessageRef> }) {
  const { t, classNames } = useViewerUi();
  return (
    <UndoToastList
      queue={undo}
      className="vdb-memory-toasts"
      itemClassName={cx('vdb-memory-toast', classNames.toast)}
      dismissClassName="vdb-button vdb-button--small vdb-memory-toast__dismiss"
      describe={(entry) => t(entry.message.key, entry.message.values)}
      undoLabel={t('undo')}
      dismissLabel={() => t('dismiss')}
    />
  );
}
