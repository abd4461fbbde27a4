/** Props of {@link DismissibleNotice}. */
export interface DismissibleNoticeProps {
  /** The notice's text; `undefined` shows the (empty) live region only. */
  text: string | undefined;
  /** Changes whenever a new notice replaces the last, so screen readers announce a repeated text again. */
  noticeId: string | number | undefined;
  /** Accessible name of the × button. */
  dismissLabel: string;
  onDismiss: () => void;
  /** Class of the live region (the component's notice class and its tone modifier). */
  className: string;
}

/** The last notice of a component with its × button, in a polite live region that stays mounted. */
export function DismissibleNotice({ text, noticeId, dismissLabel, onDismiss, className }: DismissibleNoticeProps) {
  return (
    <p className={className} role="status" aria-live="polite">
      {text === undefined ? null : (
        <>
          <span key={noticeId}>{text}</span>
          <button type="button" className="vdb-button vdb-button--small" aria-label={dismissLabel} onClick={onDismiss}>
            ×
          </button>
        </>
      )}
    </p>
  );
}
