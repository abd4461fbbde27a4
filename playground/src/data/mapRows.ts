import { playgroundText } from '../i18n/playgroundText';
import type { SchemaField } from '../schema/readSchema';
import type { PlaygroundLocale } from '../settings/useSetting';

/** What to do with each column of a file: the field it fills, or `''` to leave it out. */
export type ColumnMapping = Readonly<Record<string, string>>;

/** Rows ready to write, each with its file line, and the rows left out with why. */
export interface MappedRows {
  rows: Array<Record<string, unknown>>;
  lines: number[];
  problems: Array<{ line: number; message: string }>;
}

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * A file value as the field's type wants it, or a problem. Text read from a CSV cell that looks like a number stays
 * text for string fields; strings of digits become integers for int64 fields. Problems are worded in `locale`
 * (default: English).
 */
export function toFieldValue(
  value: unknown,
  type: string,
  locale: PlaygroundLocale = 'en',
): { value: unknown } | { problem: string } {
  const show = JSON.stringify(value)?.slice(0, 40) ?? String(value);
  const problem = (key: Parameters<typeof playgroundText>[1]) => ({
    problem: playgroundText(locale, key, { value: show, type }),
  });
  switch (type) {
    case 'string':
    case 'text':
      return typeof value === 'string'
        ? { value }
        : typeof value === 'number' || typeof value === 'boolean'
          ? { value: String(value) }
          : problem('notAType');
    case 'int64':
      if (isInteger(value)) return { value };
      if (typeof value === 'string' && /^-?\d+$/.test(value.trim()) && Number.isSafeInteger(Number(value)))
        return { value: Number(value) };
      return problem('notAnInteger');
    case 'float32':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : problem('notANumber');
    case 'bool':
      return typeof value === 'boolean' ? { value } : problem('notABool');
    case 'list<string>':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? { value } : problem('notAStringList');
    case 'list<int64>':
      return Array.isArray(value) && value.every(isInteger) ? { value } : problem('notAnIntegerList');
    case 'vector':
      return Array.isArray(value) && value.every((v) => typeof v === 'number') ? { value } : problem('notAVector');
    default:
      return { value };
  }
}

/**
 * The mapping a file starts with: each column to the key of the same name (a column the schema does not know is kept
 * too, so the server says what it thinks of it; the preview flags it and the user can leave it out).
 */
export function defaultMapping(columns: readonly string[]): ColumnMapping {
  return Object.fromEntries(columns.map((column) => [column, column]));
}

/**
 * Renames and type-checks rows by the mapping against the schema. A row with a value that does not fit its field is
 * left out and reported with its line, worded in `locale` (default: English); without a schema (`fields` empty) rows
 * pass through as read.
 */
export function mapRows(
  rows: ReadonlyArray<Record<string, unknown>>,
  lines: readonly number[],
  mapping: ColumnMapping,
  fields: readonly SchemaField[],
  locale: PlaygroundLocale = 'en',
): MappedRows {
  const result: MappedRows = { rows: [], lines: [], problems: [] };
  const types = new Map(fields.map((field) => [field.name, field.type]));
  rows.forEach((row, i) => {
    const line = lines[i] ?? i + 1;
    const out: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const [column, value] of Object.entries(row)) {
      const field = mapping[column] ?? column;
      if (!field) continue;
      // An empty CSV cell is an absent value (the field keeps its default), not an empty string or a zero.
      if (value === '' || value === undefined || value === null) continue;
      const type = types.get(field);
      const checked = type ? toFieldValue(value, type, locale) : { value };
      if ('problem' in checked)
        problems.push(playgroundText(locale, 'columnProblem', { column, field, problem: checked.problem }));
      else out[field] = checked.value;
    }
    if (problems.length > 0)
      result.problems.push({ line, message: problems.join(playgroundText(locale, 'problemSeparator')) });
    else {
      result.rows.push(out);
      result.lines.push(line);
    }
  });
  return result;
}
