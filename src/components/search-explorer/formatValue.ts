/** A field value as short display text: long number arrays (vectors) are summarised, lists joined. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    if (value.length > 16 && value.every((v) => typeof v === 'number')) return `[${value.length} numbers]`;
    return value.map(String).join(', ');
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
