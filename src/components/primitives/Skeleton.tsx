import { useT } from '../i18n/TranslatorContext';
import { cx } from './cx';

/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /** Placeholder lines. Default: 6. */
  rows?: number | undefined;
  className?: string | undefined;
}

/** Placeholder lines while the first result loads; announced once as "Loading". */
export function Skeleton({ rows = 6, className }: SkeletonProps) {
  const t = useT();
  return (
    <div className={cx('vdb-skeleton', className)} role="status" aria-busy="true" aria-label={t('loading.label')}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="vdb-skeleton__row" aria-hidden="true">
          <span className="vdb-skeleton__block vdb-skeleton__block--short" />
          <span className="vdb-skeleton__block" />
        </div>
      ))}
    </div>
  );
}
