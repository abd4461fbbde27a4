import type { BatchDeleteState } from './useMemoryList';
import type { MemoryKind } from './types';
import { MemoryField } from './MemoryField';
import { ModalDialog } from './ModalDialog';
import { useViewerUi } from './viewerUi';

/** Props of {@link BatchDeleteDialog}. */
export interface BatchDeleteDialogProps {
  kind: MemoryKind;
  batch: BatchDeleteState;
  /** Types offered in the type picker. */
  types: readonly string[];
}

/** Asks for the filter of a batch delete and for confirmation; Escape or Cancel closes without deleting. */
export function BatchDeleteDialog({ kind, batch, types }: BatchDeleteDialogProps) {
  const { t, classNames } = useViewerUi();
  const isEvents = kind === 'events';
  return (
    <ModalDialog
      open={batch.isOpen}
      title={isEvents ? t('batchTitleEvents') : t('batchTitleProfiles')}
      onClose={batch.close}
      className={classNames.dialog}
    >
      <form
        className="vdb-memory-dialog__body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void batch.confirm();
        }}
      >
        <div className="vdb-memory-fields">
          <label className="vdb-memory-field">
            <span>{t('type')}</span>
            <select
              className="vdb-input"
              value={batch.draft.type}
              onChange={(event) => batch.setDraft({ type: event.target.value })}
            >
              <option value="">{t('anyType')}</option>
              {types.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </label>
          <MemoryField label={t('user')} value={batch.draft.userId} onChange={(userId) => batch.setDraft({ userId })} />
          <MemoryField
            label={t('assistant')}
            value={batch.draft.assistantId}
            onChange={(assistantId) => batch.setDraft({ assistantId })}
          />
          {isEvents ? (
            <>
              <MemoryField
                label={t('searchFrom')}
                type="datetime-local"
                value={batch.draft.from}
                onChange={(from) => batch.setDraft({ from })}
              />
              <MemoryField
                label={t('searchTo')}
                type="datetime-local"
                value={batch.draft.to}
                onChange={(to) => batch.setDraft({ to })}
              />
            </>
          ) : null}
        </div>
        <p className="vdb-memory-warning">{t('batchWarning')}</p>
        {batch.isUnfiltered ? (
          <p className="vdb-memory-warning vdb-memory-warning--strong">
            {isEvents ? t('batchNoFilterEvents') : t('batchNoFilterProfiles')}
          </p>
        ) : null}
        <div className="vdb-memory-actions">
          <button type="button" className="vdb-button" onClick={batch.close}>
            {t('cancel')}
          </button>
          <button type="submit" className="vdb-button vdb-button--danger" disabled={batch.isPending}>
            {batch.isPending ? t('deleting') : t('batchConfirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
