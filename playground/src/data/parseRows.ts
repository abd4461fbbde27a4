import Papa from 'papaparse';

/** Rows read from a file, and the lines that could not be read. */
export interface ParsedRows {
  rows: Array<Record<string, unknown>>;
  problems: Array<{ line: number; message: string }>;
}

/** A CSV cell that looks like JSON (a list, an object, a number, a boolean) is read as JSON; anything else stays text. */
function readCell(cell: string): unknown {
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

/** JSONL: one JSON object per line; blank lines are skipped. */
export function parseJsonl(text: string): ParsedRows {
  const result: ParsedRows = { rows: [], problems: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error('expected a JSON object');
      result.rows.push(value as Record<string, unknown>);
    } catch (error) {
      result.problems.push({ line: i + 1, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return result;
}

/** CSV with a header row; cells that look like JSON become numbers, lists or objects. */
export function parseCsv(text: string): ParsedRows {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return {
    rows: parsed.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, readCell(v)]))),
    problems: parsed.errors.map((e) => ({ line: (e.row ?? 0) + 2, message: e.message })),
  };
}

/** Picks the parser by file name. */
export function parseRowsFile(name: string, text: string): ParsedRows {
  return /\.csv$/i.test(name) ? parseCsv(text) : parseJsonl(text);
}
