/**
 * Knowledge budgets. (1) Client-side overhead per streamed chunk: a loopback server streams the same chat answer of
 * CHUNKS server-sent events; the time to read it through `client.knowledge.chatCompletion({ stream: true })` is
 * compared with raw `fetch` + the same SSE parser (`eventsource-parser`) + `JSON.parse` per event, interleaved per
 * round; the paired difference of the median round, divided by CHUNKS, is the overhead per chunk (parse + typed chunk
 * + delivery through the async iterator). (2) Browser bundle sizes of the built package (esbuild, gzip -9, as
 * bench/bundle-size.ts and size-limit measure them): the smallest knowledge app (createVikingCore + searchKnowledge + streamed
 * chatCompletion), the knowledge hooks beyond the whole client, and a check that no knowledge module reaches the
 * one-search vector app.
 */
import { createParser } from 'eventsource-parser';
import { fileURLToPath } from 'node:url';
import { apiKey, createVikingClient } from '../src/client/index.node.js';
import { bundleForBrowser } from './lib/browserBundle';
import { ensureBuiltPackage } from './lib/builtPackage';
import { startLoopbackServer } from './lib/httpServer';
import { median, medianOfPairs } from './lib/median';
import { metric, type BenchResult } from './lib/metric';
import { runRounds, series, type RoundsOptions } from './lib/rounds';
import { isMain, runStandalone } from './lib/standalone';

const CHUNKS = 2000;
const ROUNDS: RoundsOptions = { rounds: 15, warmupRounds: 4, batchMs: 300 };
const PATH = '/api/knowledge/chat/completions';

const log = (line: string) => console.log(`[knowledge] ${line}`);

/** A streamed answer as the service sends it: CHUNKS envelopes, the last with `end` and `usage`. */
function streamBody(): Buffer {
  let text = '';
  for (let i = 0; i < CHUNKS; i++) {
    const last = i === CHUNKS - 1;
    const data = last
      ? { generated_answer: '.', end: true, usage: '{"total_tokens": 512}', finish_reason: 'stop' }
      : { generated_answer: `token${i} ` };
    text += `data:${JSON.stringify({ code: 0, message: 'success', request_id: 'bench', data })}\n\n`;
  }
  return Buffer.from(text);
}

async function measureStreaming() {
  const body = streamBody();
  const server = await startLoopbackServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Content-Length': body.length });
      res.end(body);
    });
  });
  try {
    const client = createVikingClient({ auth: apiKey('k'), baseUrl: server.url });
    const params = { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true } as const;
    const requestBody = JSON.stringify(params);
    const headers = { ...client.transport.config.headers, Accept: 'text/event-stream', Authorization: 'Bearer k' };

    const ours = async () => {
      let text = '';
      for await (const chunk of await client.knowledge.chatCompletion(params)) text += chunk.generatedAnswer;
      return text;
    };
    const raw = async () => {
      const response = await fetch(`${server.url}${PATH}`, { method: 'POST', body: requestBody, headers });
      let text = '';
      const parser = createParser({
        onEvent: (event) => {
          const envelope = JSON.parse(event.data) as { data: { generated_answer: string } };
          text += envelope.data.generated_answer;
        },
      });
      const decoder = new TextDecoder();
      const reader = response.body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        parser.feed(decoder.decode(read.value, { stream: true }));
      }
      return text;
    };
    const expected = await raw();
    if ((await ours()) !== expected) throw new Error('knowledge bench: the client read a different answer');

    const result = await runRounds(
      [
        { name: 'ours', op: ours, async: true },
        { name: 'raw', op: raw, async: true },
      ],
      ROUNDS,
    );
    const [o, r] = [series(result, 'ours'), series(result, 'raw')];
    const perChunkUs = medianOfPairs(o, r, (x, y) => ((x - y) * 1000) / CHUNKS);
    log(`loopback stream of ${CHUNKS} chunks, median of ${ROUNDS.rounds} rounds:`);
    log(`  ours ${median(o).toFixed(3)} ms/stream, raw fetch + eventsource-parser ${median(r).toFixed(3)} ms/stream`);
    log(`  overhead ${perChunkUs.toFixed(2)} µs per chunk`);
    return { perChunkUs, oursMs: median(o), rawMs: median(r), iterations: result.iterations };
  } finally {
    await server.close();
  }
}

const source = (path: string) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));
/** The sources, for the check that names modules (the built package has shared chunks instead). */
const CLIENT_SOURCES = source('../src/client/index.ts');
/** The built package, as an app installs it: what the sizes are measured on (as size-limit does). */
const CLIENT = "'vikingdb-kit/client'";
const HOOKS = "'vikingdb-kit/hooks'";

const KNOWLEDGE_APP = `
import { chatCompletion, createVikingCore, searchKnowledge, signingProxy } from ${CLIENT};

const viking = createVikingCore({ auth: signingProxy('/vikingdb') });
const found = await searchKnowledge(viking, 'kb', { query: 'revenue', limit: 3 });
const stream = await chatCompletion(viking, { model: 'm', messages: [{ role: 'user', content: found.items.length + '' }], stream: true });
for await (const chunk of stream) console.log(chunk.generatedAnswer);
`;
const searchAppSource = (client: string) => `
import { createVikingCore, searchByMultiModal, signingProxy } from ${client};

const viking = createVikingCore({ auth: signingProxy('/vikingdb') });
const hits = await searchByMultiModal(viking, { collection: 'text', index: 'text_index' }, { text: 'hello', limit: 5 });
console.log(hits.items.length);
`;
const KNOWLEDGE_HOOKS = [
  'useKnowledgeSearch',
  'useCollectionSearch',
  'useDocs',
  'useInfiniteDocs',
  'useDoc',
  'usePoints',
  'useInfinitePoints',
  'usePoint',
  'useAddDoc',
  'useUpdateDoc',
  'useUpdateDocMeta',
  'useDeleteDoc',
  'useAddPoint',
  'useUpdatePoint',
  'useDeletePoint',
  'useKnowledgeRerank',
  'useChatCompletion',
  'useServiceChat',
  'VikingProvider',
];

async function measureBundles() {
  ensureBuiltPackage(log);
  const build = (entry: string) => bundleForBrowser({ source: entry });
  const knowledgeApp = await build(KNOWLEDGE_APP);
  const searchApp = await build(searchAppSource(CLIENT));
  const client = await build(`export * from ${CLIENT};`);
  const withHooks = await build(`export * from ${CLIENT};\nexport { ${KNOWLEDGE_HOOKS.join(', ')} } from ${HOOKS};`);
  const searchAppSources = await bundleForBrowser({ source: searchAppSource(CLIENT_SOURCES), useTsconfigPaths: true });
  const knowledgeInSearch = Object.keys(searchAppSources.inputs).filter(
    (path) => path.includes('/knowledge/') || path.includes('eventsource-parser'),
  );
  const hooksBeyondClient = withHooks.gzipBytes - client.gzipBytes;
  log(`createVikingCore + searchKnowledge + streamed chatCompletion: gzip -9 ${knowledgeApp.gzipBytes} B`);
  log(
    `createVikingCore + searchByMultiModal: gzip -9 ${searchApp.gzipBytes} B; knowledge inputs in it: ${knowledgeInSearch.length}`,
  );
  log(`knowledge hooks beyond the whole client: ${hooksBeyondClient} B`);
  return { knowledgeApp: knowledgeApp.gzipBytes, searchApp: searchApp.gzipBytes, knowledgeInSearch, hooksBeyondClient };
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const streaming = await measureStreaming();
  const bundles = await measureBundles();
  return {
    name: 'knowledge-client',
    metrics: [
      metric('knowledge: overhead per streamed chunk vs raw fetch + eventsource-parser', streaming.perChunkUs, 'µs', {
        digits: 2,
        target: { op: '<=', value: 20 },
      }),
      metric('knowledge: core + searchKnowledge + streamed chat, gzip -9', bundles.knowledgeApp / 1000, 'kB', {
        target: { op: '<=', value: 18 },
      }),
      metric('knowledge: one vector search app, gzip -9 (no knowledge code)', bundles.searchApp / 1000, 'kB', {
        target: { op: '<=', value: 16 },
      }),
      metric('knowledge: knowledge modules in the one-search app', bundles.knowledgeInSearch.length, '', {
        digits: 0,
        target: { op: '==', value: 0 },
      }),
      metric('knowledge: knowledge hooks beyond the client, gzip -9', bundles.hooksBeyondClient / 1000, 'kB', {
        target: { op: '<=', value: 4 },
      }),
    ],
    details: { chunks: CHUNKS, rounds: ROUNDS, ...streaming, ...bundles },
    durationMs: performance.now() - started,
  };
}

if (isMain(import.meta.url)) await runStandalone(run);
