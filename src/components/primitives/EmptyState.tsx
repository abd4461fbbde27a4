import type { ReactNode } from 'react';
import { cx } from './cx';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: string;
  /** The reason, or what to do next. Default: none. */
  children?: ReactNode;
  className?: string | undefined;
}

/** A quiet panel for "nothing here" with a title and a reason. */
export function EmptyState({ title, children, className }: EmptyStateProps) {
  return (
    <div className={cx('vdb-empty', className)} role="status">
      <p className="vdb-empty__title">{title}</p>
      {children ? <div className="vdb-empty__body">{children}</div> : null}
    </div>
  );
}
