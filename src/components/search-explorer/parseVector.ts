/**
 * Reads a pasted vector: a JSON array (`[0.1, 0.2]`) or numbers separated by commas, spaces or newlines.
 * Returns `undefined` when any part is not a finite number, or when there is nothing.
 */
export function parseVector(text: string): number[] | undefined {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  if (!body) return undefined;
  const parts = body.split(/[\s,;]+/).filter(Boolean);
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v)) ? values : undefined;
}

/** Formats a vector for the query box, with a few digits so it stays readable. */
export function formatVector(vector: readonly number[], digits = 6): string {
  return `[${vector.map((v) => Number(v.toFixed(digits))).join(', ')}]`;
}
