/**
 * `npm run bench`: runs every benchmark in sequence, writes `bench/results/<name>.json` for each and prints one
 * table. A missed target is reported but exits 0; only a benchmark that crashes makes the exit code non-zero.
 * `npm run bench -- --scale` adds the million-row local-server rows (`local-server-scale.ts`, minutes; not in CI).
 */
import { run as runAnn } from './ann';
import { run as runBundleSize } from './bundle-size';
import { run as runClientOverhead } from './client-overhead';
import { run as runKnowledgeChatRender } from './knowledge-chat-render';
import { run as runKnowledgeClient } from './knowledge-client';
import { run as runKnowledgeServer } from './knowledge-server';
import { run as runLocalServer } from './local-server';
import { run as runLocalServerScale } from './local-server-scale';
import { run as runRenderCost } from './render-cost';
import { run as runSearchExplorerRender } from './search-explorer-render';
import { metric, type BenchResult, type Metric } from './lib/metric';
import { writeResult } from './lib/results';
import { formatMisses, formatTable } from './lib/table';
import { run as runSigner } from './signer';

const BENCHMARKS: ReadonlyArray<readonly [string, () => Promise<BenchResult>]> = [
  ['signer', runSigner],
  ['client-overhead', runClientOverhead],
  ['bundle-size', runBundleSize],
  ['knowledge-client', runKnowledgeClient],
  ['local-server', runLocalServer],
  ['ann', runAnn],
  ['knowledge-server', runKnowledgeServer],
  ['search-explorer-render', runSearchExplorerRender],
  ['render-cost', runRenderCost],
  ['knowledge-chat-render', runKnowledgeChatRender],
  ...(process.argv.includes('--scale') ? [['local-server-scale', runLocalServerScale] as const] : []),
];

const started = performance.now();
const metrics: Metric[] = [];
const crashed: string[] = [];
for (const [name, run] of BENCHMARKS) {
  console.log(`\n=== ${name} ===`);
  try {
    const result = await run();
    metrics.push(...result.metrics);
    console.log(`[${name}] done in ${(result.durationMs / 1000).toFixed(2)} s, wrote ${await writeResult(result)}`);
  } catch (error) {
    console.error(`[${name}] CRASHED:`, error);
    crashed.push(name);
    metrics.push({ ...metric(`${name}: crashed`, Number.NaN, ''), measured: 'crashed', met: false });
  }
}

console.log(`\n${formatTable(metrics)}\n${formatMisses(metrics)}`);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (crashed.length > 0) {
  console.error(`crashed: ${crashed.join(', ')}`);
  process.exitCode = 1;
}
