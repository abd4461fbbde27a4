import { usePrimitiveText } from './PrimitiveText';
import { cx } from './cx';

/** Props of {@link ScoreBar}. */
export interface ScoreBarProps {
  score: number;
  /** Score shown as an empty bar. Default: 0. */
  min?: number | undefined;
  /** Score shown as a full bar. Default: 1. */
  max?: number | undefined;
  /** Digits after the point in the label. Default: 3. */
  digits?: number | undefined;
  className?: string | undefined;
}

/** A score as a bar and a number; the bar is decoration, the number is what screen readers read. */
export function ScoreBar({ score, min = 0, max = 1, digits = 3, className }: ScoreBarProps) {
  const t = usePrimitiveText();
  const span = max - min;
  const ratio = span > 0 ? Math.min(1, Math.max(0, (score - min) / span)) : 1;
  const text = Number.isFinite(score) ? score.toFixed(digits) : String(score);
  return (
    <span className={cx('vdb-score', className)} title={t('score.label', { score: text })}>
      <span className="vdb-score__track" aria-hidden="true">
        <span className="vdb-score__fill" style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
      </span>
      <span className="vdb-score__value">{text}</span>
    </span>
  );
}
