import { usePrimitiveText } from './PrimitiveText';
import { cx } from './cx';

/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /** Placeholder lines. Default: 6. */
  rows?: number | undefined;
  /** What screen readers announce; `''` announces nothing (e.g. while the locale's strings load). Default: "Loading". */
  label?: string | undefined;
  className?: string | undefined;
}

/** Placeholder lines while the first result loads; announced once as "Loading". */
export function Skeleton({ rows = 6, label, className }: SkeletonProps) {
  const t = usePrimitiveText();
  const name = label ?? t('loading.label');
  return (
    <div className={cx('vdb-skeleton', className)} role="status" aria-busy="true" aria-label={name || undefined}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="vdb-skeleton__row" aria-hidden="true">
          <span className="vdb-skeleton__block vdb-skeleton__block--short" />
          <span className="vdb-skeleton__block" />
        </div>
      ))}
    </div>
  );
}
