/**
 * The optional approximate index (config `ann: { kind: 'hnsw' }`, usearch HNSW) against exact search, in one server
 * on the same rows: a collection of 100k × 128 clustered vectors (100 Gaussian centres plus noise, like embeddings;
 * uniform random vectors have no neighbourhood structure and no ANN reaches high recall on them) with two inner
 * product indexes, `exact` and `ann` (default HNSW parameters). Rows are written straight into a temporary lmdb
 * directory; the real server (`createLocalServer`) loads them.
 *
 * - index build time: server start with both indexes minus server start with the exact index only;
 * - QPS of search/vector (top 10, one query at a time over HTTP through the kit's client), ANN vs exact, interleaved
 *   rounds; target ≥ 10×;
 * - recall@10 of the ANN index against the exact one; target ≥ 0.95.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVikingClient, headerAuth } from '../src/client/index.node.js';
import { parseLocalConfig, type LocalConfig } from '../src/server/local/config/schema';
import { createLocalServer, type LocalServer } from '../src/server/local/createLocalServer';
import { rowSpace } from '../src/server/local/engine/vector/VectorCollection';
import { createLmdbStorage } from '../src/server/local/storage/lmdbStorage';
import { rowOf, seededRandom } from './lib/localServer';
import { median, medianOfPairs } from './lib/median';
import { metric, type BenchResult } from './lib/metric';
import { runRounds, series, type RoundsOptions } from './lib/rounds';
import { isMain, runStandalone } from './lib/standalone';

const COUNT = 100_000;
const DIM = 128;
const CENTRES = 100;
const K = 10;
const QUERIES = 64;
const ROUNDS: RoundsOptions = { rounds: 7, warmupRounds: 2, batchMs: 300 };
const COLLECTION = 'bench_ann';

const log = (line: string) => console.log(`[ann] ${line}`);

/** `count` vectors around `CENTRES` seeded Gaussian centres (σ 0.35 noise), rounded to 3 decimals. */
function clusteredMatrix(count: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = seededRandom(1234);
  const centre = Array.from({ length: CENTRES * DIM }, () => {
    const u = 1 - centres();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * centres());
  });
  const data = new Float32Array(count * DIM);
  for (let row = 0; row < count; row++) {
    const c = Math.floor(random() * CENTRES) * DIM;
    for (let d = 0; d < DIM; d++) data[row * DIM + d] = Math.round((centre[c + d]! + 0.35 * gauss()) * 1000) / 1000;
  }
  return data;
}

function configOf(withAnn: boolean): LocalConfig {
  return parseLocalConfig({
    collections: [
      {
        name: COLLECTION,
        primaryKey: { name: 'id', type: 'int64' },
        fields: [{ name: 'vec', type: 'vector', dim: DIM }],
        indexes: [
          { name: 'exact', distance: 'ip' },
          ...(withAnn ? [{ name: 'ann', distance: 'ip' as const, ann: { kind: 'hnsw' as const } }] : []),
        ],
      },
    ],
  });
}

async function timedStart(dataDir: string, withAnn: boolean): Promise<{ server: LocalServer; ms: number }> {
  const started = performance.now();
  const server = await createLocalServer({ port: 0, log: false, dataDir, config: configOf(withAnn) });
  return { server, ms: performance.now() - started };
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'vikingdb-bench-ann-'));
  try {
    const matrix = clusteredMatrix(COUNT, 42);
    const storage = await createLmdbStorage(dir);
    const space = rowSpace(COLLECTION);
    for (let from = 0; from < COUNT; from += 10_000) {
      const writes = Array.from({ length: Math.min(10_000, COUNT - from) }, (_, i) => ({
        space,
        key: String(from + i + 1),
        value: { id: from + i + 1, fields: { vec: rowOf(matrix, DIM, from + i) } },
      }));
      await storage.commit(writes);
    }
    await storage.close();

    const exactOnly = await timedStart(dir, false);
    await exactOnly.server.close();
    const { server, ms: annStartMs } = await timedStart(dir, true);
    const buildMs = Math.max(0, annStartMs - exactOnly.ms);
    log(
      `${COUNT / 1000}k × ${DIM}: server start ${(exactOnly.ms / 1000).toFixed(2)} s exact only, ` +
        `${(annStartMs / 1000).toFixed(2)} s with the HNSW index → build ≈ ${(buildMs / 1000).toFixed(2)} s`,
    );
    try {
      const client = createVikingClient({ baseUrl: server.url, auth: headerAuth({}), retry: { maxRetries: 0 } });
      const exact = client.vector.index(COLLECTION, 'exact');
      const ann = client.vector.index(COLLECTION, 'ann');
      const queryMatrix = clusteredMatrix(QUERIES, 7);
      const queries = Array.from({ length: QUERIES }, (_, q) => rowOf(queryMatrix, DIM, q));
      const search = (index: typeof exact, q: number) =>
        index.search.vector({ denseVector: queries[q % QUERIES]!, limit: K, outputFields: [] });

      let found = 0;
      for (let q = 0; q < QUERIES; q++) {
        const expected = new Set((await search(exact, q)).items.map((hit) => String(hit.id)));
        found += (await search(ann, q)).items.filter((hit) => expected.has(String(hit.id))).length;
      }
      const recall = found / (QUERIES * K);

      let exactQuery = 0;
      let annQuery = 0;
      const result = await runRounds(
        [
          { name: 'exact', op: () => search(exact, exactQuery++), async: true },
          { name: 'ann', op: () => search(ann, annQuery++), async: true },
        ],
        ROUNDS,
      );
      const [exactMs, annMs] = [series(result, 'exact'), series(result, 'ann')];
      const qps = { exact: 1000 / median(exactMs), ann: 1000 / median(annMs) };
      const ratio = medianOfPairs(exactMs, annMs, (e, a) => e / a);
      const label = `${COUNT / 1000}k × ${DIM}`;
      log(
        `search ${label} over HTTP: ANN ${qps.ann.toFixed(1)} QPS, exact ${qps.exact.toFixed(1)} QPS → ` +
          `${ratio.toFixed(2)}×; recall@${K} ${recall.toFixed(3)} over ${QUERIES} queries`,
      );
      return {
        name: 'ann',
        metrics: [
          metric(`ann (usearch hnsw): search ${label}, ANN QPS / exact QPS`, ratio, '×', {
            target: { op: '>=', value: 10 },
          }),
          metric(`ann (usearch hnsw): search ${label}, recall@10 vs exact`, recall, '', {
            digits: 3,
            target: { op: '>=', value: 0.95 },
          }),
          metric(`ann (usearch hnsw): search ${label}, ANN QPS`, qps.ann, 'QPS', { digits: 1 }),
          metric(`ann (usearch hnsw): index build ${label}`, buildMs / 1000, 's'),
        ],
        details: {
          count: COUNT,
          dim: DIM,
          data: `${CENTRES} Gaussian clusters, σ 0.35`,
          k: K,
          queries: QUERIES,
          rounds: ROUNDS,
          qps,
          ratio,
          recall,
          startMs: { exactOnly: exactOnly.ms, withAnn: annStartMs },
          buildMs,
          perRoundMs: result.perOpMs,
          iterations: result.iterations,
        },
        durationMs: performance.now() - started,
      };
    } finally {
      await server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(run);
