/**
 * The local server's benchmarks, in one run that shares its data:
 *
 * 1. Bulk import: 100k × 128 rows through the client's `upsertAll` (batches of 100, 4 in flight) into the real CLI
 *    server in a child process on a temporary lmdb directory → rows/s.
 * 2. Cold start on that data: a new server process on the same directory, from spawn until the first search has
 *    answered (and, for reference, the same on an empty directory).
 * 3. Exact vector search over HTTP vs an in-process naive Float32Array scan on the same data and thread, at
 *    100k × 128 (the imported lmdb data, loaded by an in-process server) and 10k × 1024 (in memory, loaded over HTTP);
 *    inner product, top 10, one query at a time through the kit's client. Target: HTTP QPS ≥ 2× the scan's (the
 *    server scans with usearch's SIMD exact search when the optional package is installed), and recall@10 = 1.0
 *    against the scan (the server's search is exact). Each size also prints its memory-bandwidth bound: the bytes
 *    one query scans ÷ the measured sequential-read bandwidth of a Float32Array (`lib/bandwidth.ts`).
 *
 * The million-row rows (`--scale`) are in `local-server-scale.ts`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVikingClient, headerAuth, type VikingClient } from '../src/client/index.node.js';
import { createLocalServer, type LocalServerOptions } from '../src/server/local/createLocalServer';
import { gigabytesPerSecond, measureReadBandwidth, type ReadBandwidth } from './lib/bandwidth';
import {
  benchConfig,
  benchConfigInput,
  naiveTopK,
  randomMatrix,
  rowOf,
  shortRowOf,
  startChildServer,
} from './lib/localServer';
import { median, medianOfPairs } from './lib/median';
import { metric, type BenchResult, type Metric } from './lib/metric';
import { runRounds, series, type RoundsOptions } from './lib/rounds';
import { isMain, runStandalone } from './lib/standalone';

const ROUNDS: RoundsOptions = { rounds: 9, warmupRounds: 2, batchMs: 300 };
const K = 10;
const QUERIES = 16;
const IMPORT = { count: 100_000, dim: 128 } as const;
const WIDE = { count: 10_000, dim: 1024 } as const;

const log = (line: string) => console.log(`[local-server] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const seedOf = (dim: number) => 7 + dim;

function clientOf(url: string): VikingClient {
  return createVikingClient({ baseUrl: url, auth: headerAuth({}), retry: { maxRetries: 0 } });
}

/** Rows `{id, vec}` of a matrix (ids from 1). */
function rowsOf(matrix: Float32Array, dim: number, from: number, to: number) {
  return Array.from({ length: to - from }, (_, i) => ({ id: from + i + 1, vec: shortRowOf(matrix, dim, from + i) }));
}

async function importAndColdStart(dir: string, configFile: string) {
  const { count, dim } = IMPORT;
  const matrix = randomMatrix(count, dim, seedOf(dim));
  const rows = rowsOf(matrix, dim, 0, count);
  const writer = await startChildServer(['--config', configFile, '--data', dir]);
  let importMs: number;
  try {
    const started = performance.now();
    const result = await clientOf(writer.url).vector.collection(`bench_${dim}`).upsertAll(rows, { concurrency: 4 });
    importMs = performance.now() - started;
    if (result.written !== count) throw new Error(`upsertAll wrote ${result.written} of ${count} rows`);
  } finally {
    await writer.stop();
  }
  const rowsPerSecond = count / (importMs / 1000);
  log(`import: ${count} × ${dim} through upsertAll in ${seconds(importMs)} → ${Math.round(rowsPerSecond)} rows/s`);

  const query = rowOf(randomMatrix(1, dim, 1), dim, 0);
  async function coldStart(args: string[], collection: string, expectRows: boolean): Promise<number> {
    const server = await startChildServer(args);
    try {
      const hits = await clientOf(server.url)
        .vector.index(collection, 'idx')
        .search.vector({ denseVector: query, limit: K, outputFields: [] });
      const answeredAfter = performance.now() - server.startedAt;
      if (hits.items.length !== (expectRows ? K : 0))
        throw new Error(`cold start search found ${hits.items.length} rows`);
      return answeredAfter;
    } finally {
      await server.stop();
    }
  }
  const coldMs = await coldStart(['--config', configFile, '--data', dir], `bench_${dim}`, true);
  const emptyDir = await mkdtemp(join(tmpdir(), 'vikingdb-bench-empty-'));
  let emptyMs: number;
  try {
    emptyMs = await coldStart(['--config', configFile, '--data', emptyDir], `bench_${dim}`, false);
  } finally {
    await rm(emptyDir, { recursive: true, force: true });
  }
  log(
    `cold start: first search answered ${seconds(coldMs)} after spawn with ${count} rows (${seconds(emptyMs)} empty)`,
  );
  return {
    matrix,
    metrics: [
      metric(`local-server: bulk import ${count / 1000}k × ${dim} (upsertAll)`, rowsPerSecond, 'rows/s', { digits: 0 }),
      metric(`local-server: cold start to first search, ${count / 1000}k × ${dim}`, coldMs / 1000, 's'),
      metric('local-server: cold start to first search, empty', emptyMs / 1000, 's'),
    ],
    details: { importMs, rowsPerSecond, coldStartMs: coldMs, emptyColdStartMs: emptyMs },
  };
}

async function searchBench(
  count: number,
  dim: number,
  matrix: Float32Array,
  options: LocalServerOptions,
  load: boolean,
  bandwidth: ReadBandwidth,
): Promise<{ metrics: Metric[]; details: Record<string, unknown> }> {
  const label = `${count / 1000}k × ${dim}`;
  const server = await createLocalServer({ port: 0, log: false, ...options });
  try {
    const client = clientOf(server.url);
    const index = client.vector.index(`bench_${dim}`, 'idx');
    if (load) {
      const collection = client.vector.collection(`bench_${dim}`);
      const started = performance.now();
      await collection.upsertAll(rowsOf(matrix, dim, 0, count), { concurrency: 4 });
      log(`search ${label}: loaded over HTTP in ${seconds(performance.now() - started)}`);
    }
    const queryMatrix = randomMatrix(QUERIES, dim, 99 + dim);
    const queries = Array.from({ length: QUERIES }, (_, q) => queryMatrix.subarray(q * dim, (q + 1) * dim));
    const queryArrays = queries.map((q) => Array.from(q));

    let found = 0;
    for (const [q, query] of queries.entries()) {
      const expected = new Set(naiveTopK(matrix, dim, query, K).map((i) => i + 1));
      const hits = await index.search.vector({ denseVector: queryArrays[q]!, limit: K, outputFields: [] });
      found += hits.items.filter((hit) => expected.has(Number(hit.id))).length;
    }
    const recall = found / (QUERIES * K);

    let httpQuery = 0;
    let naiveQuery = 0;
    const result = await runRounds(
      [
        {
          name: 'http',
          op: () =>
            index.search.vector({ denseVector: queryArrays[httpQuery++ % QUERIES]!, limit: K, outputFields: [] }),
          async: true,
        },
        { name: 'naive', op: () => naiveTopK(matrix, dim, queries[naiveQuery++ % QUERIES]!, K) },
      ],
      ROUNDS,
    );
    const [http, naive] = [series(result, 'http'), series(result, 'naive')];
    const qps = { http: 1000 / median(http), naive: 1000 / median(naive) };
    const ratio = medianOfPairs(naive, http, (n, h) => n / h);
    const bytesPerQuery = count * dim * 4;
    const boundQps = bandwidth.best / bytesPerQuery;
    log(
      `search ${label}: HTTP ${qps.http.toFixed(1)} QPS, naive scan ${qps.naive.toFixed(1)} QPS → ${ratio.toFixed(2)}×; recall@${K} ${recall.toFixed(3)} over ${QUERIES} queries`,
    );
    log(
      `search ${label}: bandwidth bound ${(bytesPerQuery / 1e6).toFixed(1)} MB per query ÷ ${gigabytesPerSecond(bandwidth.best)} = ${boundQps.toFixed(1)} QPS; HTTP reaches ${((100 * qps.http) / boundQps).toFixed(0)}%`,
    );
    return {
      metrics: [
        metric(`local-server: search ${label}, HTTP QPS / naive scan QPS`, ratio, '×', {
          target: { op: '>=', value: 2 },
        }),
        metric(`local-server: search ${label}, HTTP QPS`, qps.http, 'QPS', { digits: 1 }),
        metric(`local-server: search ${label}, memory-bandwidth bound`, boundQps, 'QPS', { digits: 1 }),
        metric(`local-server: search ${label}, HTTP QPS / bandwidth bound`, (100 * qps.http) / boundQps, '%', {
          digits: 0,
        }),
        metric(`local-server: search ${label}, recall@10 vs naive`, recall, '', {
          digits: 3,
          target: { op: '==', value: 1 },
        }),
      ],
      details: {
        count,
        dim,
        qps,
        ratio,
        recall,
        bytesPerQuery,
        boundQps,
        perRoundMs: result.perOpMs,
        iterations: result.iterations,
      },
    };
  } finally {
    await server.close();
  }
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'vikingdb-bench-'));
  try {
    const configFile = join(dir, 'bench.config.json');
    await writeFile(configFile, JSON.stringify(benchConfigInput([IMPORT.dim])));
    const dataDir = join(dir, 'data');
    const imported = await importAndColdStart(dataDir, configFile);
    const bandwidth = measureReadBandwidth();
    log(
      `Float32Array sequential read: ${gigabytesPerSecond(bandwidth.jsLoop)} (JavaScript loop), ${gigabytesPerSecond(bandwidth.nativeCopy)} (native copy)`,
    );
    const narrow = await searchBench(
      IMPORT.count,
      IMPORT.dim,
      imported.matrix,
      { dataDir, config: benchConfig([IMPORT.dim]) },
      false,
      bandwidth,
    );
    const wide = await searchBench(
      WIDE.count,
      WIDE.dim,
      randomMatrix(WIDE.count, WIDE.dim, seedOf(WIDE.dim)),
      { inMemory: true, config: benchConfig([WIDE.dim]) },
      true,
      bandwidth,
    );
    return {
      name: 'local-server',
      metrics: [...wide.metrics, ...narrow.metrics, ...imported.metrics],
      details: {
        rounds: ROUNDS,
        k: K,
        queries: QUERIES,
        import: imported.details,
        readBandwidth: bandwidth,
        [`search ${WIDE.count}x${WIDE.dim}`]: wide.details,
        [`search ${IMPORT.count}x${IMPORT.dim}`]: narrow.details,
      },
      durationMs: performance.now() - started,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(run);
