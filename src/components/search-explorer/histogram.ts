/** One bar of a histogram: `[from, to)` (the last bar includes `to`). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Counts values into `bins` equal-width bins between their min and max. Default: 20 bins. No values → no bins. */
export function histogram(values: readonly number[], bins = 20): HistogramBin[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ from: min, to: max, count: finite.length }];
  const width = (max - min) / bins;
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: i === bins - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of finite) out[Math.min(bins - 1, Math.floor((v - min) / width))]!.count += 1;
  return out;
}
