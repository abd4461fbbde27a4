import { useId } from 'react';
import { cx } from '../primitives/cx';
import { useKnowledgeChatContext } from './KnowledgeChatContext';

/** The question box: Enter sends, Shift+Enter adds a line; while an answer streams only Stop acts. */
export function Composer() {
  const { state, ui } = useKnowledgeChatContext();
  const { t } = ui;
  const { composer, conversation } = state;
  const inputId = useId();
  return (
    <form {...composer.getFormProps()} className={cx('vdb-chat-composer', ui.classNames.composer)}>
      <label htmlFor={inputId} className={composer.editing ? 'vdb-chat-composer__label' : 'vdb-sr-only'}>
        {composer.editing ? t('composerEditing') : t('composerLabel')}
      </label>
      <textarea
        {...composer.getInputProps()}
        id={inputId}
        className="vdb-chat-composer__input"
        placeholder={t('composerPlaceholder')}
      />
      <div className="vdb-chat-composer__actions">
        {conversation.turns.length > 0 && !conversation.busy ? (
          <button type="button" className="vdb-button vdb-button--small vdb-chat-clear" onClick={conversation.clear}>
            {t('clear')}
          </button>
        ) : null}
        {composer.editing && !conversation.busy ? (
          <button type="button" className="vdb-button" onClick={composer.cancelEdit}>
            {t('cancelEdit')}
          </button>
        ) : null}
        {conversation.busy ? (
          <button type="button" className="vdb-button vdb-chat-stop" onClick={conversation.stop}>
            {t('stop')}
          </button>
        ) : (
          <button type="submit" className="vdb-button vdb-button--primary" disabled={!composer.canSubmit}>
            {composer.editing ? t('resend') : t('send')}
          </button>
        )}
      </div>
    </form>
  );
}
