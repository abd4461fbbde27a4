import { parseCsv } from '../../../src/server/cli/parseCsv';

/** Rows read from a file (each with the line it starts on), and the lines that could not be read. */
export interface ParsedRows {
  /** The columns (CSV header) or the keys seen (JSONL), in order. */
  columns: string[];
  rows: Array<Record<string, unknown>>;
  /** The file line of each row of `rows`. */
  lines: number[];
  problems: Array<{ line: number; message: string }>;
}

/** JSONL: one JSON object per line; blank lines are skipped. */
export function parseJsonl(text: string): ParsedRows {
  const result: ParsedRows = { columns: [], rows: [], lines: [], problems: [] };
  const columns = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error('expected a JSON object');
      result.rows.push(value as Record<string, unknown>);
      result.lines.push(i + 1);
      for (const key of Object.keys(value)) columns.add(key);
    } catch (error) {
      result.problems.push({ line: i + 1, message: error instanceof Error ? error.message : String(error) });
    }
  });
  result.columns = [...columns];
  return result;
}

/**
 * CSV with a header row (the same reader as `vikingdb-kit import x.csv`): cells that look like JSON become numbers,
 * lists or objects; rows that cannot be read exactly (unterminated quote, too many or too few cells) are left out and
 * reported with their line.
 */
export function parseCsvRows(text: string): ParsedRows {
  const parsed = parseCsv(text);
  return {
    columns: parsed.columns,
    rows: parsed.rows.map((r) => r.row),
    lines: parsed.rows.map((r) => r.line),
    problems: parsed.problems,
  };
}

/** Picks the parser by file name. */
export function parseRowsFile(name: string, text: string): ParsedRows {
  return /\.csv$/i.test(name) ? parseCsvRows(text) : parseJsonl(text);
}
