import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './metric';
import { writeResult } from './results';
import { formatMisses, formatTable } from './table';

/** Whether the module at `moduleUrl` is the script Node was started with (`npx tsx bench/<name>.ts`). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Runs one benchmark on its own: prints its table, writes its JSON; exit code 1 only if it crashes. */
export async function runStandalone(run: () => Promise<BenchResult>): Promise<void> {
  try {
    const result = await run();
    const path = await writeResult(result);
    console.log(`\n${formatTable(result.metrics)}\n${formatMisses(result.metrics)}\nwrote ${path}`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
