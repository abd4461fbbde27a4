import type { ExplorerFieldType, FieldSpec } from './fieldTypes';

function typeOf(value: unknown): ExplorerFieldType | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float32';
  if (typeof value === 'string') return value.length > 120 ? 'text' : 'string';
  if (Array.isArray(value)) {
    if (value.length > 32 && value.every((v) => typeof v === 'number')) return 'vector';
    return value.every((v) => typeof v === 'number') && value.length > 0 ? 'list<int64>' : 'list<string>';
  }
  return 'unknown';
}

/** Widens two guesses for one field (an int seen next to a float is a float; strings seen long are text). */
function merge(a: ExplorerFieldType | undefined, b: ExplorerFieldType | undefined): ExplorerFieldType | undefined {
  if (a === undefined) return b;
  if (b === undefined || a === b) return a;
  const pair = new Set([a, b]);
  if (pair.has('int64') && pair.has('float32')) return 'float32';
  if (pair.has('string') && pair.has('text')) return 'text';
  if (pair.has('list<int64>') && pair.has('list<string>')) return 'list<string>';
  return 'unknown';
}

/**
 * Guesses field specs from sample rows (for when the caller gives no `fields`): numbers that are all whole are
 * int64, long strings are text, long number arrays are vectors. Fields keep their first-seen order.
 */
export function inferFields(rows: ReadonlyArray<{ fields: Readonly<Record<string, unknown>> }>): FieldSpec[] {
  const types = new Map<string, ExplorerFieldType | undefined>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.fields)) types.set(name, merge(types.get(name), typeOf(value)));
  }
  return [...types].map(([name, type]) => ({ name, type: type ?? 'unknown' }));
}
