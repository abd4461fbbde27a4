import type { ValidationIssue } from '../errors/ValidationError';

/** Most rows one upsert or update request may carry, as VikingDB allows. */
export const MAX_ROWS_PER_REQUEST = 100;

/** The path of field `name` of row `row`, as issues name it. */
function fieldPath(row: number, name: string): string {
  return `data[${row}].${name}`;
}

/** The issue with field `name` of row `row`, if its value has one (the path is built only then). */
function valueIssue(value: unknown, row: number, name: string): ValidationIssue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : { path: fieldPath(row, name), message: 'expected a finite number' };
  if (Array.isArray(value)) {
    const numeric = typeof value[0] === 'number' || value.some((v) => typeof v === 'number');
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (numeric) {
        if (typeof item !== 'number' || !Number.isFinite(item))
          return { path: `${fieldPath(row, name)}[${i}]`, message: 'expected a finite number' };
      } else if (typeof item !== 'string') {
        return { path: `${fieldPath(row, name)}[${i}]`, message: 'expected a string (lists hold strings or numbers)' };
      }
    }
    return undefined;
  }
  if (typeof value === 'object') {
    // A sparse vector (token → weight) or an object form such as a media field's `{ value, fps }`: its numbers must be
    // finite (JSON would send NaN as null); the rest is the service's to check.
    for (const [key, member] of Object.entries(value)) {
      if (typeof member === 'number' && !Number.isFinite(member)) {
        return { path: `${fieldPath(row, name)}.${key}`, message: 'expected a finite number' };
      }
    }
    return undefined;
  }
  return { path: fieldPath(row, name), message: `unsupported value of type ${typeof value}` };
}

/**
 * Checks rows for upsert/update: 1 to 100 objects whose values are strings, finite numbers, booleans,
 * lists of strings or numbers, or objects (sparse vectors, media `{ value, fps }`) whose numbers are finite. `requireKey` (update) names fields of which each row needs one.
 */
export function rowIssues(rows: unknown, options: { max?: number; requireKey?: boolean } = {}): ValidationIssue[] {
  if (!Array.isArray(rows)) return [{ path: 'data', message: 'expected an array of rows' }];
  const max = options.max ?? MAX_ROWS_PER_REQUEST;
  if (rows.length === 0) return [{ path: 'data', message: 'expected at least one row' }];
  if (rows.length > max) {
    return [{ path: 'data', message: `at most ${max} rows per request (got ${rows.length}); use upsertAll for more` }];
  }
  const issues: ValidationIssue[] = [];
  rows.forEach((row: unknown, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      issues.push({ path: `data[${i}]`, message: 'expected a row object' });
      return;
    }
    const names = Object.keys(row);
    if (names.length === 0) issues.push({ path: `data[${i}]`, message: 'expected at least one field' });
    for (const name of names) {
      const value: unknown = (row as Record<string, unknown>)[name];
      if (value === undefined) continue;
      const issue = valueIssue(value, i, name);
      if (issue) issues.push(issue);
    }
  });
  return issues;
}
