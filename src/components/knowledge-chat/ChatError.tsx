import { describeError } from '../primitives/describeError';
import { useKnowledgeChatContext } from './KnowledgeChatContext';

/** A failed answer: the typed error's message, code, request id and hint, and a retry. */
export function ChatError({ error, onRetry }: { error: unknown; onRetry: (() => void) | undefined }) {
  const { t } = useKnowledgeChatContext().ui;
  const { message, code, requestId, hint } = describeError(error);
  return (
    <div className="vdb-chat-error" role="alert">
      <p className="vdb-chat-error__title">{t('errorTitle')}</p>
      <p className="vdb-chat-error__message">{message}</p>
      {code !== undefined || requestId ? (
        <p className="vdb-chat-error__facts">
          {code !== undefined ? <code>{t('errorCode', { code: String(code) })}</code> : null}
          {requestId ? <code>{t('errorRequestId', { id: requestId })}</code> : null}
        </p>
      ) : null}
      {hint ? <p className="vdb-chat-error__hint">{hint}</p> : null}
      {onRetry ? (
        <button type="button" className="vdb-button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}
