/**
 * Reads a JSON Lines file row by row (blank lines skipped), in batches.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A batch of rows with the line number of its first row. */
export interface JsonlBatch {
  rows: unknown[];
  firstLine: number;
}

/**
 * Yields batches of up to `size` parsed rows.
 * @throws Error naming the file and line when a line is not JSON.
 */
export async function* readJsonlBatches(path: string, size: number): AsyncGenerator<JsonlBatch> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let rows: unknown[] = [];
  let firstLine = 0;
  let lineNumber = 0;
  for await (const line of lines) {
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
    if (rows.length >= size) {
      yield { rows, firstLine };
      rows = [];
    }
  }
  if (rows.length > 0) yield { rows, firstLine };
}
