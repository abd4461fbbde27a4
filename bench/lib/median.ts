/** The median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Combines two per-round series measured in the same rounds (e.g. `a / b` or `a - b`) and returns the median
 * of the per-round values. Pairing by round cancels slow drift (thermal, GC, other load) that hits both.
 */
export function medianOfPairs(
  a: readonly number[],
  b: readonly number[],
  combine: (x: number, y: number) => number,
): number {
  if (a.length !== b.length) throw new RangeError(`paired series differ in length: ${a.length} vs ${b.length}`);
  return median(a.map((x, i) => combine(x, b[i]!)));
}
