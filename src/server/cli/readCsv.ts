/**
 * Reads a CSV file with a header row (see parseCsv for how cells are read) in batches, for `vikingdb-kit import`.
 */
import { readFile } from 'node:fs/promises';
import { parseCsv } from './parseCsv';
import type { JsonlBatch } from './readJsonl';

/** How many unreadable lines an error lists before "and N more". */
const LISTED_PROBLEMS = 20;

/**
 * Yields batches of up to `size` rows, each with its file line.
 * @throws Error naming the file and every line that cannot be read exactly (before any batch: nothing is written).
 */
export async function* readCsvBatches(path: string, size: number): AsyncGenerator<JsonlBatch> {
  const { rows, problems } = parseCsv(await readFile(path, 'utf8'));
  if (problems.length > 0) {
    const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `  ${path}:${p.line}: ${p.message}`);
    if (problems.length > LISTED_PROBLEMS) listed.push(`  … and ${problems.length - LISTED_PROBLEMS} more`);
    throw new Error(
      `${path}: ${problems.length === 1 ? '1 line' : `${problems.length} lines`} cannot be read; nothing was imported. Fix ${problems.length === 1 ? 'it' : 'them'} and run again:\n${listed.join('\n')}`,
    );
  }
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    yield { rows: batch.map((r) => r.row), firstLine: batch[0]!.line, lines: batch.map((r) => r.line) };
  }
}
