/**
 * Knowledge bases in the local engine, with the default hashing embedder:
 *
 * - ingestion: Markdown documents (copies of the project's own README and API contracts) added with `doc/v2/add` (data: URIs) into an lmdb store and imported in the
 *   background (parse, chunk, embed, index, durable commit), timed from the first add until every doc is done →
 *   MB/s of Markdown (target ≥ 2 MB/s); printed next to the rows/s of a plain `data/upsert` of chunk-sized texts
 *   into a vectorized collection of the same dim in the same store; with the CPU seconds and the seconds spent in
 *   durable lmdb commits (encode, write, fsync, event loop blocked), which on a busy disk are most of the wall-clock;
 * - retrieval: `collection/search_knowledge` (hybrid BM25 + dense, no rerank, top 10) over ≥ 20k points vs
 *   `search/vector` (top 10) over a collection of the same number of rows and dim, p50 of interleaved rounds in
 *   process → ratio (target ≤ 1.5×); then the first `search_knowledge` after each of a few writes (a doc added and
 *   imported) against that p50 → ratio (the index follows writes point by point, so target ≤ 2×);
 * - chat: streamed `service/chat` of the extractive model on a loopback HTTP server (`createLocalServer`), time from
 *   sending the request to the first SSE event (the references chunk; target ≤ 50 ms) and to the first answer delta.
 *
 * `BENCH_SMALL=1` runs everything at a tenth of the size (for development; the targets then mean little).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLocalConfig } from '../src/server/local/config/schema';
import { createLocalServer } from '../src/server/local/createLocalServer';
import { createLocalEngine } from '../src/server/local/engine/createLocalEngine';
import type { LocalEngine } from '../src/server/local/engine/protocol';
import { createLmdbStorage } from '../src/server/local/storage/lmdbStorage';
import type { Storage } from '../src/server/local/engine/storage/Storage';
import { seededRandom } from './lib/localServer';
import { median, medianOfPairs } from './lib/median';
import { metric, type BenchResult } from './lib/metric';
import { runRounds, series, type RoundsOptions } from './lib/rounds';
import { isMain, runStandalone } from './lib/standalone';

const SMALL = process.env['BENCH_SMALL'] === '1';
const MARKDOWN_BYTES = SMALL ? 1_000_000 : 10_000_000;
const DOC_BYTES = 100_000;
const DIM = 256;
const CHAT_RUNS = SMALL ? 10 : 40;
const AFTER_WRITE_RUNS = 7;
const ROUNDS: RoundsOptions = { rounds: SMALL ? 3 : 7, warmupRounds: 1, batchMs: 300 };

const log = (line: string) => console.log(`[knowledge] ${line}`);

const { KNOWLEDGE_CORPUS } = await import('../src/server/local/seed/knowledgeCorpus');

/** Words of the corpus (for queries and the baseline rows), fixed order. */
const VOCABULARY = [...new Set(KNOWLEDGE_CORPUS.flatMap((file) => file.text.toLowerCase().match(/[a-z]{3,}/g) ?? []))];

function wordOf(random: () => number): string {
  return VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
}

/**
 * Real Markdown of about `bytes` bytes: the project's own docs (README, API contracts), copy `seed` of them under a
 * heading naming the copy.
 */
function markdownDoc(seed: number, bytes: number): string {
  const parts: string[] = [`# Copy ${seed}`];
  let size = 0;
  for (let i = seed; size < bytes; i++) {
    const file = KNOWLEDGE_CORPUS[i % KNOWLEDGE_CORPUS.length]!;
    const text = file.text.slice(0, bytes - size);
    parts.push(text);
    size += text.length;
  }
  return parts.join('\n\n');
}

function configOf() {
  return parseLocalConfig({
    collections: [
      {
        name: 'bench_rows',
        primaryKey: { name: 'id', type: 'int64' },
        fields: [{ name: 'text', type: 'text' }],
        vectorize: { textField: 'text', model: 'bge-m3', dim: DIM },
        indexes: [{ name: 'bench_rows_index', distance: 'ip' }],
      },
    ],
    knowledgeCollections: [{ name: 'bench_kb', chunking: { size: 500, overlap: 50 }, embedding: { dim: DIM } }],
  });
}

async function call(engine: LocalEngine, path: string, body: unknown): Promise<Record<string, unknown>> {
  const answer = await engine.handle({ method: 'POST', path, body: JSON.stringify(body), requestId: 'bench' });
  if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Storage whose commits are timed (the durable lmdb write: encode, write, fsync, with the event loop blocked). */
function timedCommits(storage: Storage): { storage: Storage; commitSeconds: () => number } {
  let seconds = 0;
  const commit = storage.commit.bind(storage);
  storage.commit = async (writes) => {
    const started = performance.now();
    try {
      await commit(writes);
    } finally {
      seconds += (performance.now() - started) / 1000;
    }
  };
  return { storage, commitSeconds: () => seconds };
}

async function ingestion(engine: LocalEngine, commitSeconds: () => number) {
  const docs = Array.from({ length: Math.ceil(MARKDOWN_BYTES / DOC_BYTES) }, (_, i) => markdownDoc(i + 1, DOC_BYTES));
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc), 0);
  const uris = docs.map((doc) => `data:text/markdown;base64,${Buffer.from(doc).toString('base64')}`);
  const cpuBefore = process.cpuUsage();
  const commitsBefore = commitSeconds();
  const started = performance.now();
  for (const [i, uri] of uris.entries())
    await call(engine, '/api/knowledge/doc/v2/add', { collection_name: 'bench_kb', doc_id: `d${i}`, uri });
  await engine.settled();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const list = (await call(engine, '/api/knowledge/point/list', { collection_name: 'bench_kb', limit: 1 }))['data'] as {
    total_num: number;
  };
  const failed = (
    (await call(engine, '/api/knowledge/doc/list', { collection_name: 'bench_kb' }))['data'] as {
      doc_list: Array<{ status: { process_status: number } }>;
    }
  ).doc_list.filter((doc) => doc.status.process_status !== 0).length;
  if (failed > 0) throw new Error(`${failed} bench documents did not import`);
  const inCommits = commitSeconds() - commitsBefore;
  return { bytes, seconds, cpuSeconds, inCommits, points: list.total_num, mbPerSecond: bytes / 1e6 / seconds };
}

async function upsertBaseline(engine: LocalEngine, rows: number) {
  const random = seededRandom(99);
  const text = () => Array.from({ length: 70 }, () => wordOf(random)).join(' ');
  const batches = Array.from({ length: Math.ceil(rows / 100) }, (_, b) =>
    Array.from({ length: Math.min(100, rows - b * 100) }, (_, i) => ({ id: b * 100 + i + 1, text: text() })),
  );
  const started = performance.now();
  for (const data of batches) await call(engine, '/api/vikingdb/data/upsert', { collection_name: 'bench_rows', data });
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, rowsPerSecond: rows / seconds };
}

async function retrieval(engine: LocalEngine) {
  const random = seededRandom(5);
  const queries = Array.from({ length: 64 }, () => Array.from({ length: 4 }, () => wordOf(random)).join(' '));
  const vectors = Array.from({ length: 64 }, () => {
    const v = Array.from({ length: DIM }, () => random() - 0.5);
    const norm = Math.hypot(...v);
    return v.map((x) => Math.round((x / norm) * 1e4) / 1e4);
  });
  let k = 0;
  let v = 0;
  const knowledge = () =>
    call(engine, '/api/knowledge/collection/search_knowledge', {
      collection_name: 'bench_kb',
      query: queries[k++ % 64],
      limit: 10,
    });
  const vector = () =>
    call(engine, '/api/vikingdb/data/search/vector', {
      collection_name: 'bench_rows',
      index_name: 'bench_rows_index',
      dense_vector: vectors[v++ % 64],
      limit: 10,
    });
  await knowledge();
  await vector();
  const result = await runRounds(
    [
      { name: 'knowledge', op: knowledge, async: true },
      { name: 'vector', op: vector, async: true },
    ],
    ROUNDS,
  );
  const [knowledgeMs, vectorMs] = [series(result, 'knowledge'), series(result, 'vector')];
  const afterWriteMs: number[] = [];
  for (let i = 0; i < AFTER_WRITE_RUNS; i++) {
    const doc = markdownDoc(1000 + i, 5_000);
    await call(engine, '/api/knowledge/doc/v2/add', {
      collection_name: 'bench_kb',
      doc_id: `after-write-${i}`,
      uri: `data:text/markdown;base64,${Buffer.from(doc).toString('base64')}`,
    });
    await engine.settled();
    const started = performance.now();
    await knowledge();
    afterWriteMs.push(performance.now() - started);
  }
  const knowledgeP50 = median(knowledgeMs);
  return {
    knowledgeP50,
    vectorP50: median(vectorMs),
    ratio: medianOfPairs(knowledgeMs, vectorMs, (a, b) => a / b),
    afterWriteP50: median(afterWriteMs),
    afterWriteRatio: median(afterWriteMs) / knowledgeP50,
  };
}

async function chatLatency() {
  const server = await createLocalServer({ port: 0, inMemory: true, log: false });
  try {
    for (const file of KNOWLEDGE_CORPUS) {
      await fetch(`${server.url}/api/knowledge/doc/v2/add`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          collection_name: 'demo_kb',
          doc_id: file.docId,
          uri: `data:text/markdown;base64,${Buffer.from(file.text).toString('base64')}`,
        }),
      });
    }
    for (let i = 0; i < 500; i++) {
      const list = (await (
        await fetch(`${server.url}/api/knowledge/doc/list`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"collection_name":"demo_kb"}',
        })
      ).json()) as { data: { doc_list: Array<{ status: { process_status: number } }> } };
      if (list.data.doc_list.every((doc) => doc.status.process_status === 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const questions = [
      'How do I stream a service chat answer?',
      'What is the default rerank model?',
      'How are int64 ids kept exact?',
    ];
    const first: number[] = [];
    const firstAnswer: number[] = [];
    for (let run = 0; run < CHAT_RUNS + 3; run++) {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/knowledge/service/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({
          service_resource_id: 'demo_kb_service',
          messages: [{ role: 'user', content: questions[run % 3] }],
          stream: true,
        }),
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let firstAt: number | undefined;
      let answerAt: number | undefined;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        firstAt ??= text.includes('\n\n') ? performance.now() : undefined;
        if (answerAt === undefined && /"generated_answer":"[^"]/.test(text.split('\n\n').slice(1).join('\n\n')))
          answerAt = performance.now();
      }
      if (run < 3) continue; // warm-up
      first.push(firstAt! - started);
      firstAnswer.push((answerAt ?? performance.now()) - started);
    }
    return { firstChunkP50: median(first), firstAnswerP50: median(firstAnswer) };
  } finally {
    await server.close();
  }
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'vikingdb-bench-knowledge-'));
  try {
    const { storage, commitSeconds } = timedCommits(await createLmdbStorage(dir));
    const engine = await createLocalEngine({ config: configOf(), storage });
    let ingest;
    let upsert;
    let search;
    try {
      ingest = await ingestion(engine, commitSeconds);
      log(
        `ingested ${(ingest.bytes / 1e6).toFixed(1)} MB of Markdown into ${ingest.points} points in ${ingest.seconds.toFixed(2)} s → ${ingest.mbPerSecond.toFixed(2)} MB/s (${(ingest.points / ingest.seconds).toFixed(0)} chunks/s; ${ingest.cpuSeconds.toFixed(2)} s of CPU → ${(ingest.bytes / 1e6 / ingest.cpuSeconds).toFixed(2)} MB per CPU second; ${ingest.inCommits.toFixed(2)} s in durable lmdb commits)`,
      );
      upsert = await upsertBaseline(engine, ingest.points);
      log(
        `plain upsert of ${upsert.rows} chunk-sized rows: ${upsert.seconds.toFixed(2)} s → ${upsert.rowsPerSecond.toFixed(0)} rows/s`,
      );
      search = await retrieval(engine);
      log(
        `search_knowledge over ${ingest.points} points p50 ${search.knowledgeP50.toFixed(2)} ms; search/vector over ${upsert.rows} rows p50 ${search.vectorP50.toFixed(2)} ms → ${search.ratio.toFixed(2)}×`,
      );
      log(
        `first search_knowledge after a write (doc added and imported) p50 ${search.afterWriteP50.toFixed(2)} ms → ${search.afterWriteRatio.toFixed(2)}× the p50 above`,
      );
    } finally {
      await engine.close();
    }
    const chat = await chatLatency();
    log(
      `streamed extractive service/chat on loopback: first chunk p50 ${chat.firstChunkP50.toFixed(1)} ms, first answer delta p50 ${chat.firstAnswerP50.toFixed(1)} ms`,
    );
    const scale = SMALL ? ' (small run)' : '';
    log(
      `load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')} (wall-clock rates drop on a busy machine)`,
    );
    return {
      name: 'knowledge',
      metrics: [
        metric(`knowledge: Markdown ingestion (parse, chunk, embed, index, lmdb)${scale}`, ingest.mbPerSecond, 'MB/s', {
          target: { op: '>=', value: 2 },
        }),
        metric(
          `knowledge: ingestion chunks/s vs plain upsert rows/s${scale}`,
          ingest.points / ingest.seconds / upsert.rowsPerSecond,
          '×',
          {
            measured: `${(ingest.points / ingest.seconds).toFixed(0)} vs ${upsert.rowsPerSecond.toFixed(0)}`,
          },
        ),
        metric(
          `knowledge: search_knowledge / search/vector p50 over ${ingest.points} points${scale}`,
          search.ratio,
          '×',
          { target: { op: '<=', value: 1.5 } },
        ),
        metric(
          `knowledge: first search_knowledge after a write / search_knowledge p50${scale}`,
          search.afterWriteRatio,
          '×',
          { target: { op: '<=', value: 2 } },
        ),
        metric(`knowledge: streamed extractive chat, first chunk p50 (loopback)${scale}`, chat.firstChunkP50, 'ms', {
          digits: 1,
          target: { op: '<=', value: 50 },
        }),
      ],
      details: { small: SMALL, ingest, upsert, search, chat, loadAverage: loadavg() },
      durationMs: performance.now() - started,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(run);
