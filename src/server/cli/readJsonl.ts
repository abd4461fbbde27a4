/**
 * Reads a JSON Lines file row by row (blank lines skipped), in batches.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A batch of rows with the line number of its first row, and of each row. */
export interface JsonlBatch {
  rows: unknown[];
  firstLine: number;
  /** The file line of each row (blank lines are skipped, so lines and rows differ). */
  lines: number[];
}

/**
 * Yields batches of up to `size` parsed rows.
 * @throws Error naming the file and line when a line is not JSON.
 */
export async function* readJsonlBatches(path: string, size: number): AsyncGenerator<JsonlBatch> {
  const input = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let rows: unknown[] = [];
  let lines: number[] = [];
  let firstLine = 0;
  let lineNumber = 0;
  for await (const line of input) {
    lineNumber++;
    if (line.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${lineNumber} is not JSON: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    if (rows.length === 0) firstLine = lineNumber;
    rows.push(row);
    lines.push(lineNumber);
    if (rows.length >= size) {
      yield { rows, firstLine, lines };
      rows = [];
      lines = [];
    }
  }
  if (rows.length > 0) yield { rows, firstLine, lines };
}
