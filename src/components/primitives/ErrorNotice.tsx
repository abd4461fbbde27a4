import { usePrimitiveText } from './PrimitiveText';
import { cx } from './cx';
import { describeError } from './describeError';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  error: unknown;
  /** Shows a "Try again" button. Default: none. */
  onRetry?: (() => void) | undefined;
  className?: string | undefined;
}

/** An alert with the error's message, code, status, request id (copyable) and hint. */
export function ErrorNotice({ error, onRetry, className }: ErrorNoticeProps) {
  const t = usePrimitiveText();
  const { message, code, status, requestId, hint } = describeError(error);
  return (
    <div className={cx('vdb-error', className)} role="alert">
      <p className="vdb-error__title">{t('error.title')}</p>
      <p className="vdb-error__message">{message}</p>
      <dl className="vdb-error__facts">
        {code !== undefined ? (
          <div>
            <dt>{t('error.code')}</dt>
            <dd>
              <code>{code}</code>
            </dd>
          </div>
        ) : null}
        {status !== undefined ? (
          <div>
            <dt>{t('error.status')}</dt>
            <dd>{status}</dd>
          </div>
        ) : null}
        {requestId ? (
          <div>
            <dt>{t('error.requestId')}</dt>
            <dd>
              <code>{requestId}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      {hint ? (
        <p className="vdb-error__hint">
          <strong>{t('error.hint')}: </strong>
          {hint}
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="vdb-button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      ) : null}
    </div>
  );
}
