import type { ExplorerFieldType } from './fieldTypes';

/** An edited value, parsed for its field type, or the reason it cannot be. */
export type ParsedValue = { ok: true; value: unknown } | { ok: false; expected: string };

/** The text shown in an edit box for a value (lists as comma-separated text). */
export function editText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Parses edit-box text for a field type: numbers for int64/float32, true/false for bool, lists from commas. */
export function parseFieldValue(text: string, type: ExplorerFieldType): ParsedValue {
  const trimmed = text.trim();
  switch (type) {
    case 'int64': {
      const value = Number(trimmed);
      return trimmed !== '' && Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, expected: 'int64' };
    }
    case 'float32': {
      const value = Number(trimmed);
      return trimmed !== '' && Number.isFinite(value) ? { ok: true, value } : { ok: false, expected: 'float32' };
    }
    case 'bool':
      return trimmed === 'true' || trimmed === 'false'
        ? { ok: true, value: trimmed === 'true' }
        : { ok: false, expected: 'true / false' };
    case 'list<string>':
      return { ok: true, value: splitList(trimmed) };
    case 'list<int64>': {
      const value = splitList(trimmed).map(Number);
      return value.every(Number.isSafeInteger) ? { ok: true, value } : { ok: false, expected: 'list<int64>' };
    }
    default:
      return { ok: true, value: text };
  }
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
