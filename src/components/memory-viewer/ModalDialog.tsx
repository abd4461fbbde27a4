import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cx } from '../primitives/cx';

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  open: boolean;
  title: string;
  /** Called on Escape and on the close button. */
  onClose: () => void;
  children: ReactNode;
  className?: string | undefined;
}

/**
 * A modal `<dialog>`: opened with `showModal()` after mount (SSR-safe), focus trapped by the browser, Escape closes,
 * focus returns to where it was.
 */
export function ModalDialog({ open, title, onClose, children, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const previous = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={cx('vdb-memory-dialog', className)}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <h2 id={titleId} className="vdb-memory-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
