import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './metric';

/** `bench/results/` (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** Writes a benchmark's result to `bench/results/<name>.json` and returns the path. */
export async function writeResult(result: BenchResult): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}${result.name}.json`;
  const json = {
    ...result,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    at: new Date().toISOString(),
  };
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
  return path;
}
