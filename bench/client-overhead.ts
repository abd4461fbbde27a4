/**
 * Per-request overhead of our client over the libraries underneath, on a loopback server: sequential POSTs of
 * the same body answered with the same vector envelope, via (a) `client.transport.call`, (b) bare ky,
 * (c) raw fetch. Variants are interleaved per round; ratios and differences are paired per round, median round.
 */
import ky from 'ky';
import { apiKey, createVikingClient } from '../src/client/index.node.js';
import type { Endpoint } from '../src/client/transport/Endpoint';
import { startLoopbackServer } from './lib/httpServer';
import { median, medianOfPairs } from './lib/median';
import { metric, type BenchResult } from './lib/metric';
import { runRounds, series, type RoundsOptions } from './lib/rounds';
import { isMain, runStandalone } from './lib/standalone';

const ROUNDS: RoundsOptions = { rounds: 61, warmupRounds: 12, batchMs: 100 };

const ENDPOINT: Endpoint = {
  name: 'vector.search.random',
  method: 'POST',
  path: '/api/vikingdb/data/search/random',
  domain: 'vector',
  idempotent: true,
};

const REQUEST_BODY = { collection_name: 'demo', index_name: 'demo_idx', limit: 10, output_fields: ['title', 'tag'] };

/** A vector search answer with 10 hits, as the service wraps it. */
const ENVELOPE = JSON.stringify({
  code: 'Success',
  message: 'ok',
  request_id: 'r1',
  result: {
    data: Array.from({ length: 10 }, (_, i) => ({
      id: `doc-${i}`,
      score: 1 - i / 100,
      fields: { title: `Document ${i}`, tag: i % 2 === 0 ? 'even' : 'odd' },
    })),
    total_return_count: 10,
  },
});

const log = (line: string) => console.log(`[client-overhead] ${line}`);

interface Envelope {
  request_id: string;
  result: { data: unknown[] };
}

function checkEnvelope(name: string, body: unknown): void {
  const envelope = body as Envelope;
  if (envelope.request_id !== 'r1' || envelope.result.data.length !== 10) {
    throw new Error(`client-overhead: ${name} did not return the envelope: ${JSON.stringify(body)}`);
  }
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const responseBytes = Buffer.from(ENVELOPE);
  const server = await startLoopbackServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': responseBytes.length });
      res.end(responseBytes);
    });
  });
  try {
    const client = createVikingClient({ auth: apiKey('k'), baseUrl: server.url });
    const url = `${server.url}${ENDPOINT.path}`;
    const body = JSON.stringify(REQUEST_BODY);
    // The headers our client sends (Accept, Content-Type, User-Agent, Authorization), for ky and fetch too.
    const headers = { ...client.transport.config.headers, Authorization: 'Bearer k' };

    const ours = async () => (await client.transport.call<{ data: unknown[] }>(ENDPOINT, REQUEST_BODY)).body;
    const bareKy = () => ky.post(url, { body, headers, retry: 0 }).json<unknown>();
    const rawFetch = async () => (await fetch(url, { method: 'POST', body, headers })).json() as Promise<unknown>;

    checkEnvelope('ours', await ours());
    checkEnvelope('ky', await bareKy());
    checkEnvelope('fetch', await rawFetch());

    const result = await runRounds(
      [
        { name: 'ours', op: ours, async: true },
        { name: 'ky', op: bareKy, async: true },
        { name: 'fetch', op: rawFetch, async: true },
      ],
      ROUNDS,
    );
    const [o, k, f] = [series(result, 'ours'), series(result, 'ky'), series(result, 'fetch')];
    const perRequestMs = { ours: median(o), ky: median(k), fetch: median(f) };
    const ratioToKy = medianOfPairs(o, k, (x, y) => x / y);
    const aboveFetchMs = medianOfPairs(o, f, (x, y) => x - y);
    const aboveKyMs = medianOfPairs(o, k, (x, y) => x - y);
    log(
      `loopback ${server.url}, ${result.iterations['ours']} sequential requests per batch, median of ${ROUNDS.rounds} rounds:`,
    );
    for (const [name, ms] of Object.entries(perRequestMs)) log(`  ${name.padEnd(6)} ${ms.toFixed(3)} ms/request`);
    log(`  ours − ky ${aboveKyMs.toFixed(3)} ms, ours − fetch ${aboveFetchMs.toFixed(3)} ms per request`);

    return {
      name: 'client-overhead',
      metrics: [
        metric('client-overhead: ours / bare ky per request', ratioToKy, '×', { target: { op: '<=', value: 1.1 } }),
        metric('client-overhead: ours − raw fetch per request', aboveFetchMs, 'ms', {
          digits: 3,
          target: { op: '<=', value: 0.3 },
          // Reported, not gated: an absolute sub-millisecond difference is noise on a shared machine.
          gated: false,
          measured: `${aboveFetchMs >= 0 ? '+' : ''}${aboveFetchMs.toFixed(3)} ms`,
        }),
      ],
      details: {
        rounds: ROUNDS,
        perRequestMs,
        ratioToKy,
        aboveFetchMs,
        aboveKyMs,
        iterations: result.iterations,
        perRoundMs: result.perOpMs,
      },
      durationMs: performance.now() - started,
    };
  } finally {
    await server.close();
  }
}

if (isMain(import.meta.url)) await runStandalone(run);
