/**
 * CSV with a header row into rows, for `vikingdb-kit import x.csv` and the playground's Data page. Pure (no Node
 * built-ins). A cell that looks like JSON (a list, an object, a number, `true`/`false`) is read as JSON, anything else
 * stays text. A row that cannot be read exactly — an unterminated quote (which would swallow the lines after it),
 * more or fewer cells than the header names — is not returned but reported with its line number, so nothing half-read
 * is ever written.
 */
import Papa from 'papaparse';

/** A row read from the file, with the line it starts on (1-based, the header is line 1). */
export interface CsvRow {
  line: number;
  row: Record<string, unknown>;
}

/** A row that could not be read. */
export interface CsvProblem {
  line: number;
  message: string;
}

/** What {@link parseCsv} read. */
export interface ParsedCsv {
  /** The header's column names, in order. */
  columns: string[];
  rows: CsvRow[];
  problems: CsvProblem[];
}

/** A cell that looks like JSON (list, object, number, boolean) read as JSON; anything else stays the text. */
export function readCsvCell(cell: string): unknown {
  const trimmed = cell.trim();
  if (
    /^[[{]/.test(trimmed) ||
    /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(trimmed) ||
    trimmed === 'true' ||
    trimmed === 'false'
  ) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return cell;
    }
  }
  return cell;
}

function describeProblem(error: Papa.ParseError, line: number): string {
  if (error.code === 'MissingQuotes') {
    return `a quoted cell is not closed, so everything from line ${line} to the end of the file was read into it: close the quote`;
  }
  return error.message;
}

/** Parses CSV text with a header row. */
export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '');
  const lineStarts: number[] = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const result: ParsedCsv = { columns: [], rows: [], problems: [] };
  let previousEnd = -1;
  Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    step: (step) => {
      if (result.columns.length === 0) result.columns = step.meta.fields ?? [];
      // The row starts after the previous row's end (the header's, for the first): skip the line breaks between.
      let start = previousEnd < 0 ? (lineStarts[1] ?? body.length) : previousEnd;
      while (start < body.length && (body[start] === '\n' || body[start] === '\r')) start++;
      previousEnd = step.meta.cursor;
      const line = lineAt(start);
      if (step.errors.length > 0) {
        // One problem per row: the first (a missing quote also miscounts the cells).
        result.problems.push({ line, message: describeProblem(step.errors[0]!, line) });
        return;
      }
      const row: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(step.data)) row[key] = readCsvCell(value);
      result.rows.push({ line, row });
    },
  });
  return result;
}
