/**
 * Parses a `Retry-After` header — delta seconds (`"2"`, `"0.5"`) or an HTTP date — into milliseconds from `now`.
 * Returns `undefined` when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/^[A-Za-z]{3}, /.test(text)) return undefined; // an HTTP date starts with the weekday, e.g. "Wed, "
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
