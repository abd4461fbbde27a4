/**
 * The local server at a million rows (`npm run bench -- --scale`, or `npx tsx bench/local-server-scale.ts`; takes
 * minutes, stays out of CI). Every server is the real CLI in a child process on a temporary lmdb directory.
 *
 * 1. Bulk import: 1M × 128 rows with five scalar fields through the client's `upsertAll` (batches of 100, 4 in
 *    flight) → rows/s (target ≥ 25k), timed inside `upsertAll` (not the bench's own row generation).
 * 2. Cold start: a new server on that directory, from spawn until the first search answered (target ≤ 5 s): the
 *    graceful stop after the import saved a start-up snapshot, which this start reads; then its RSS, against the raw
 *    vector bytes (target ≤ 2.5 × raw + 300 MB). Also printed: how long that stop took, and a start without the
 *    snapshot (from the records, as after a kill -9).
 * 3. Filtered exact search (a 10%-selective `must` on a string field) vs an unfiltered one over HTTP, median of
 *    interleaved rounds (target ≤ 1.5×), both checked against a naive scan (recall 1.0).
 * 4. At 100k rows: kill -9 during a stream of acknowledged upserts, restart, and count acknowledged rows lost or
 *    changed (target 0); then concurrent writers and readers, counting rows seen half-written and rows that end
 *    different from their last acknowledged version (target 0).
 *
 * `--rows N` changes the row count of 1–3 (default 1,000,000).
 */
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVikingClient, headerAuth, type VikingClient } from '../src/client/index.node.js';
import type { LocalConfigInput } from '../src/server/local/config/schema';
import { randomMatrix, shortRowOf, startChildServer, type ChildServer } from './lib/localServer';
import { median } from './lib/median';
import { metric, type BenchResult, type Metric } from './lib/metric';
import { isMain, runStandalone } from './lib/standalone';

const DIM = 128;
const K = 10;
const CHUNK = 20_000;
const CATEGORIES = 10;
const SEARCH_ROUNDS = 15;
const SAFETY_ROWS = 100_000;
const MB = 1024 * 1024;

const log = (line: string) => console.log(`[local-server-scale] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function rowsArgument(): number {
  const at = process.argv.indexOf('--rows');
  const value = at >= 0 ? Number(process.argv[at + 1]) : 1_000_000;
  if (!Number.isInteger(value) || value < 1000) throw new Error('--rows must be an integer ≥ 1000');
  return value;
}

const CONFIG: LocalConfigInput = {
  collections: [
    {
      name: 'scale',
      primaryKey: { name: 'id', type: 'int64' },
      fields: [
        { name: 'vec', type: 'vector', dim: DIM },
        { name: 'category', type: 'string' },
        { name: 'version', type: 'int64' },
        { name: 'price', type: 'float32' },
        { name: 'flag', type: 'bool' },
        { name: 'tag', type: 'string' },
      ],
      indexes: [{ name: 'idx', distance: 'ip', scalarFields: ['category', 'version', 'price', 'flag', 'tag'] }],
    },
  ],
  memoryCollections: [],
};

type ScaleRow = {
  id: number;
  vec: number[];
  category: string;
  version: number;
  price: number;
  flag: boolean;
  tag: string;
};

/** Row `i` (id i+1) at `version`: vec[0] carries the version so a reader can tell a torn row. */
function rowAt(matrix: Float32Array, i: number, version = 0): ScaleRow {
  const vec = shortRowOf(matrix, DIM, i);
  if (version > 0) vec[0] = version;
  return {
    id: i + 1,
    vec,
    category: `c${i % CATEGORIES}`,
    version,
    price: (i % 1000) / 10,
    flag: i % 2 === 0,
    tag: `t${i % 97}`,
  };
}

function clientOf(url: string): VikingClient {
  return createVikingClient({ baseUrl: url, auth: headerAuth({}), retry: { maxRetries: 0 } });
}

/** RSS of a process, and its anonymous (heap) and file-backed (lmdb's memory map, code) parts, in bytes. */
async function rssOf(pid: number): Promise<{ total: number; anon: number; file: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const read = (name: string) => {
    const kb = new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1];
    if (kb === undefined) throw new Error(`no ${name} for process ${pid}`);
    return Number(kb) * 1024;
  };
  return { total: read('VmRSS'), anon: read('RssAnon'), file: read('RssFile') };
}

/**
 * Imports `count` rows through `upsertAll` (batches of 100, 4 in flight), `CHUNK` rows per call. Returns the time spent
 * in `upsertAll` (client serialization, HTTP, the server): building the synthetic rows is left out, as an importer
 * reads its rows from elsewhere.
 */
async function importRows(url: string, matrix: Float32Array, count: number): Promise<number> {
  const collection = clientOf(url).vector.collection('scale');
  let spent = 0;
  for (let from = 0; from < count; from += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - from) }, (_, j) => rowAt(matrix, from + j));
    const started = performance.now();
    const result = await collection.upsertAll(rows, { concurrency: 4 });
    spent += performance.now() - started;
    if (result.written !== rows.length) throw new Error(`upsertAll wrote ${result.written} of ${rows.length}`);
  }
  return spent;
}

/** Best `k` row indexes by inner product among rows passing `keep` (naive reference). */
function naiveTopK(matrix: Float32Array, count: number, query: Float32Array, keep: (i: number) => boolean): number[] {
  const best: Array<{ i: number; s: number }> = [];
  for (let i = 0; i < count; i++) {
    if (!keep(i)) continue;
    let s = 0;
    for (let d = 0; d < DIM; d++) s += matrix[i * DIM + d]! * query[d]!;
    if (best.length === K && s <= best[K - 1]!.s) continue;
    best.push({ i, s });
    best.sort((a, b) => b.s - a.s || a.i - b.i);
    if (best.length > K) best.pop();
  }
  return best.map((b) => b.i);
}

async function searchRows(server: ChildServer, matrix: Float32Array, count: number) {
  const index = clientOf(server.url).vector.index('scale', 'idx');
  const queries = Array.from({ length: 8 }, (_, q) => randomMatrix(1, DIM, 500 + q));
  const filter = { op: 'must', field: 'category', conds: ['c3'] } as const;
  let found = 0;
  for (const query of queries.slice(0, 3)) {
    for (const filtered of [false, true]) {
      const expected = new Set(
        naiveTopK(matrix, count, query, (i) => !filtered || i % CATEGORIES === 3).map((i) => i + 1),
      );
      const hits = await index.search.vector({
        denseVector: Array.from(query),
        limit: K,
        outputFields: [],
        ...(filtered && { filter }),
      });
      found += hits.items.filter((hit) => expected.has(Number(hit.id))).length;
    }
  }
  const recall = found / (3 * 2 * K);
  const times = { plain: [] as number[], filtered: [] as number[] };
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    const query = Array.from(queries[round % queries.length]!);
    for (const filtered of round % 2 === 0 ? [false, true] : [true, false]) {
      const started = performance.now();
      await index.search.vector({ denseVector: query, limit: K, outputFields: [], ...(filtered && { filter }) });
      (filtered ? times.filtered : times.plain).push(performance.now() - started);
    }
  }
  const plainMs = median(times.plain.slice(2));
  const filteredMs = median(times.filtered.slice(2));
  return { recall, plainMs, filteredMs, ratio: filteredMs / plainMs };
}

/** kill -9 during acknowledged upserts, restart, count acknowledged rows lost or changed. */
async function crashCheck(dir: string, configFile: string, matrix: Float32Array) {
  const args = ['--config', configFile, '--data', dir];
  const writer = await startChildServer(args);
  const collection = clientOf(writer.url).vector.collection('scale');
  const acked = new Map<number, number>();
  let killed = false;
  let version = 1;
  const stream = async (lane: number) => {
    while (!killed) {
      const v = version++;
      const ids = Array.from({ length: 100 }, (_, j) => ((v * 100 + j + lane * 7919) % SAFETY_ROWS) + 0);
      try {
        await collection.upsert(ids.map((i) => rowAt(matrix, i, v)));
        if (!killed) for (const i of ids) if ((acked.get(i) ?? 0) < v) acked.set(i, v);
      } catch {
        return;
      }
    }
  };
  const lanes = [0, 1, 2, 3].map(stream);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  killed = true;
  await writer.kill();
  await Promise.all(lanes);
  const reader = await startChildServer(args);
  let lost = 0;
  try {
    const fetcher = clientOf(reader.url).vector.collection('scale');
    const ids = [...acked.keys()];
    for (let at = 0; at < ids.length; at += 100) {
      const batch = ids.slice(at, at + 100);
      const rows = await fetcher.fetch(batch.map((i) => i + 1));
      const byId = new Map(rows.items.map((row) => [Number(row.id), row.fields]));
      for (const i of batch) {
        const fields = byId.get(i + 1) as { version?: number; vec?: number[] } | undefined;
        // Upserts of one id race only in flight, so a row may hold a later (unacknowledged) version, never less.
        if (!fields || (fields.version ?? 0) < acked.get(i)! || fields.vec?.[0] !== fields.version) lost++;
      }
    }
  } finally {
    await reader.stop();
  }
  return { acknowledged: acked.size, lost };
}

/** Concurrent writers (disjoint ids) and readers; torn rows seen and rows not at their last acknowledged version. */
async function concurrencyCheck(dir: string, configFile: string, matrix: Float32Array) {
  const server = await startChildServer(['--config', configFile, '--data', dir]);
  const stats = { writes: 0, reads: 0, torn: 0, wrong: 0 };
  try {
    const client = clientOf(server.url);
    const collection = client.vector.collection('scale');
    const index = client.vector.index('scale', 'idx');
    const last = new Map<number, number>();
    const deadline = Date.now() + 3000;
    const writer = async (w: number) => {
      for (let v = 1; Date.now() < deadline; v++) {
        const ids = Array.from({ length: 20 }, (_, j) => w * 1000 + ((v * 20 + j) % 1000));
        await collection.upsert(ids.map((i) => rowAt(matrix, i, 1000 * w + v)));
        for (const i of ids) last.set(i, 1000 * w + v);
        stats.writes++;
      }
    };
    const reader = async (r: number) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const ids = Array.from({ length: 20 }, (_, j) => ((r + n * 37 + j * 53) % 4000) + 1);
        const rows = await collection.fetch(ids);
        const hits = await index.search.vector({
          denseVector: Array.from(randomMatrix(1, DIM, n + r)),
          limit: 20,
          outputFields: ['version', 'vec'],
        });
        for (const fields of [...rows.items, ...hits.items].map((item) => item.fields as Partial<ScaleRow>))
          if (fields.version !== undefined && fields.version > 0 && fields.vec?.[0] !== fields.version) stats.torn++;
        stats.reads++;
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer).concat([0, 1, 2, 3].map(reader)));
    const ids = [...last.keys()];
    for (let at = 0; at < ids.length; at += 100) {
      const batch = ids.slice(at, at + 100);
      const rows = await collection.fetch(batch.map((i) => i + 1));
      const byId = new Map(rows.items.map((row) => [Number(row.id), row.fields as Partial<ScaleRow>]));
      for (const i of batch) if (byId.get(i + 1)?.version !== last.get(i)) stats.wrong++;
    }
  } finally {
    await server.stop();
  }
  return stats;
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const count = rowsArgument();
  const label = count >= 1_000_000 ? `${count / 1_000_000}M × ${DIM}` : `${count / 1000}k × ${DIM}`;
  const root = await mkdtemp(join(tmpdir(), 'vikingdb-scale-'));
  const metrics: Metric[] = [];
  try {
    const configFile = join(root, 'scale.config.json');
    await writeFile(configFile, JSON.stringify(CONFIG));
    const matrix = randomMatrix(count, DIM, 4242);
    const rawBytes = count * DIM * 4;

    const dir = join(root, 'data');
    const writer = await startChildServer(['--config', configFile, '--data', dir]);
    let importMs: number;
    let stopMs: number;
    try {
      importMs = await importRows(writer.url, matrix, count);
    } finally {
      const stopping = performance.now();
      await writer.stop();
      stopMs = performance.now() - stopping;
    }
    const rowsPerSecond = count / (importMs / 1000);
    log(`import: ${label} through upsertAll in ${seconds(importMs)} → ${Math.round(rowsPerSecond)} rows/s`);

    const server = await startChildServer(['--config', configFile, '--data', dir]);
    let search: Awaited<ReturnType<typeof searchRows>>;
    let coldMs: number;
    let rss: { total: number; anon: number; file: number };
    try {
      await clientOf(server.url)
        .vector.index('scale', 'idx')
        .search.vector({ denseVector: Array.from(randomMatrix(1, DIM, 1)), limit: K, outputFields: [] });
      coldMs = performance.now() - server.startedAt;
      rss = await rssOf(server.pid);
      log(
        `cold start: first search ${seconds(coldMs)} after spawn; RSS ${(rss.total / MB).toFixed(0)} MB (anonymous ${(rss.anon / MB).toFixed(0)} MB, file-backed ${(rss.file / MB).toFixed(0)} MB) for ${(rawBytes / MB).toFixed(0)} MB of raw vectors (${(rss.total / rawBytes).toFixed(2)}×)`,
      );
      search = await searchRows(server, matrix, count);
      log(
        `search: unfiltered ${search.plainMs.toFixed(1)} ms, 10% filter ${search.filteredMs.toFixed(1)} ms → ${search.ratio.toFixed(2)}×; recall ${search.recall.toFixed(3)}`,
      );
    } finally {
      await server.stop();
    }
    // As after a kill -9 (no current snapshot): the start reads every record.
    await rm(join(dir, 'snapshots'), { recursive: true, force: true });
    const fromRecords = await startChildServer(['--config', configFile, '--data', dir]);
    let recordsMs: number;
    try {
      await clientOf(fromRecords.url)
        .vector.index('scale', 'idx')
        .search.vector({ denseVector: Array.from(randomMatrix(1, DIM, 1)), limit: K, outputFields: [] });
      recordsMs = performance.now() - fromRecords.startedAt;
    } finally {
      await fromRecords.stop();
    }
    log(
      `stop after the import (saves the start-up snapshot): ${seconds(stopMs)}; start without a snapshot (from the records, as after kill -9): first search ${seconds(recordsMs)}`,
    );
    const rssLimit = 2.5 * rawBytes + 300 * MB;
    metrics.push(
      metric(`local-server-scale: bulk import ${label} (upsertAll)`, rowsPerSecond, 'rows/s', {
        digits: 0,
        target: { op: '>=', value: 25_000 },
      }),
      metric(`local-server-scale: cold start to first search, ${label}`, coldMs / 1000, 's', {
        target: { op: '<=', value: 5 },
      }),
      metric(`local-server-scale: graceful stop after the import (writes the snapshot), ${label}`, stopMs / 1000, 's'),
      metric(`local-server-scale: start without a snapshot (records; after kill -9), ${label}`, recordsMs / 1000, 's'),
      metric(`local-server-scale: RSS after load, ${label}`, rss.total / MB, 'MB', {
        digits: 0,
        target: { op: '<=', value: Math.round(rssLimit / MB) },
      }),
      metric(`local-server-scale: of which anonymous (heap), ${label}`, rss.anon / MB, 'MB', { digits: 0 }),
      metric(`local-server-scale: raw vector bytes, ${label}`, rawBytes / MB, 'MB', { digits: 0 }),
      metric(`local-server-scale: filtered (10%) / unfiltered exact search, ${label}`, search.ratio, '×', {
        target: { op: '<=', value: 1.5 },
      }),
      metric(`local-server-scale: unfiltered exact search over HTTP, ${label}`, search.plainMs, 'ms', { digits: 1 }),
      metric(`local-server-scale: recall@10 (filtered and not) vs naive, ${label}`, search.recall, '', {
        digits: 3,
        target: { op: '==', value: 1 },
      }),
    );

    const safetyDir = join(root, 'safety');
    const seeder = await startChildServer(['--config', configFile, '--data', safetyDir]);
    try {
      await importRows(seeder.url, matrix, Math.min(SAFETY_ROWS, count));
    } finally {
      await seeder.stop();
    }
    const crash = await crashCheck(safetyDir, configFile, matrix);
    log(`kill -9: ${crash.acknowledged} acknowledged rows, ${crash.lost} lost or changed after restart`);
    const concurrency = await concurrencyCheck(safetyDir, configFile, matrix);
    log(
      `concurrency: ${concurrency.writes} writes, ${concurrency.reads} reads; ${concurrency.torn} torn rows seen, ${concurrency.wrong} rows not at their last acknowledged version`,
    );
    metrics.push(
      metric('local-server-scale: kill -9 at 100k rows, acknowledged rows lost', crash.lost, '', {
        digits: 0,
        target: { op: '==', value: 0 },
      }),
      metric(
        'local-server-scale: concurrency at 100k rows, torn or wrong rows',
        concurrency.torn + concurrency.wrong,
        '',
        { digits: 0, target: { op: '==', value: 0 } },
      ),
    );
    return {
      name: 'local-server-scale',
      metrics,
      details: {
        count,
        dim: DIM,
        importMs,
        rowsPerSecond,
        stopMs,
        coldMs,
        recordsMs,
        rss,
        rawBytes,
        search,
        crash,
        concurrency,
      },
      durationMs: performance.now() - started,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(run);
