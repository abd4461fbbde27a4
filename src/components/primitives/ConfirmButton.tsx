import { useEffect, useState, type ReactNode } from 'react';
import { usePrimitiveText } from './PrimitiveText';
import { cx } from './cx';

/** Props of {@link ConfirmButton}. */
export interface ConfirmButtonProps {
  /** Runs on the second press. */
  onConfirm: () => void;
  children: ReactNode;
  /** Text of the armed button. Default: the `confirm.ask` string. */
  confirmLabel?: string | undefined;
  /** Accessible label of the unarmed button (when `children` is an icon or too short). Default: none. */
  'aria-label'?: string | undefined;
  /** Ms before an armed button disarms by itself. Default: 4000. */
  timeoutMs?: number | undefined;
  /** Tab order of the buttons. Default: 0. */
  tabIndex?: number | undefined;
  className?: string | undefined;
  disabled?: boolean | undefined;
}

/**
 * A destructive action that needs two presses: the first arms it ("Confirm?" + Cancel), the second runs it.
 * Escape, Cancel or the timeout disarm it.
 */
export function ConfirmButton({
  onConfirm,
  children,
  confirmLabel,
  timeoutMs = 4000,
  tabIndex = 0,
  className,
  disabled,
  'aria-label': ariaLabel,
}: ConfirmButtonProps) {
  const t = usePrimitiveText();
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), timeoutMs);
    return () => clearTimeout(timer);
  }, [armed, timeoutMs]);
  if (!armed) {
    return (
      <button
        type="button"
        className={cx('vdb-button', 'vdb-button--small', 'vdb-button--danger-quiet', className)}
        aria-label={ariaLabel}
        tabIndex={tabIndex}
        disabled={disabled}
        onClick={(event) => {
          event.stopPropagation();
          setArmed(true);
        }}
      >
        {children}
      </button>
    );
  }
  return (
    <span
      className="vdb-confirm"
      role="group"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          setArmed(false);
        }
      }}
    >
      <button
        type="button"
        className={cx('vdb-button', 'vdb-button--small', 'vdb-button--danger', className)}
        tabIndex={tabIndex}
        autoFocus
        onClick={(event) => {
          event.stopPropagation();
          setArmed(false);
          onConfirm();
        }}
      >
        {confirmLabel ?? t('confirm.ask')}
      </button>
      <button
        type="button"
        className="vdb-button vdb-button--small"
        tabIndex={tabIndex}
        onClick={(event) => {
          event.stopPropagation();
          setArmed(false);
        }}
      >
        {t('confirm.cancel')}
      </button>
    </span>
  );
}
