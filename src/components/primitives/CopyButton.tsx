import { useEffect, useState } from 'react';
import { usePrimitiveText } from './PrimitiveText';
import { cx } from './cx';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** Text put on the clipboard. */
  text: string;
  /** Accessible label. Default: the `copy.label` string. */
  label?: string | undefined;
  className?: string | undefined;
  /** Ms the "Copied" state lasts. Default: 1500. */
  resetMs?: number | undefined;
}

/** Copies text to the clipboard (in the click handler only, so it is SSR-safe) and says so politely. */
export function CopyButton({ text, label, className, resetMs = 1500 }: CopyButtonProps) {
  const t = usePrimitiveText();
  const [status, setStatus] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), resetMs);
    return () => clearTimeout(timer);
  }, [status, resetMs]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('done');
    } catch {
      setStatus('failed');
    }
  };
  const shown =
    status === 'done' ? t('copy.done') : status === 'failed' ? t('copy.failed') : (label ?? t('copy.label'));
  return (
    <button type="button" className={cx('vdb-button', 'vdb-button--small', className)} onClick={() => void copy()}>
      <span aria-live="polite">{shown}</span>
    </button>
  );
}
