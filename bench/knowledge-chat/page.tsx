/**
 * Browser page of bench/knowledge-chat-render.ts: renders `<KnowledgeChat>` over a knowledge service whose answer is
 * a synthetic stream of CHUNKS server-sent events (the references first, then Markdown deltas with citations, code,
 * lists and tables), delivered BURST chunks every BURST_MS — far faster than any model writes. A PerformanceObserver
 * records every long task (> 50 ms main-thread block) from the question to the end of the answer. No network and no
 * service worker: the client's `fetch` answers from memory. The page exposes `chatBench.measure()`.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { apiKey, createVikingClient, none } from '../../src/client';
import { KnowledgeChat } from '../../src/components/knowledge-chat';
import { VikingProvider } from '../../src/hooks';

export interface ChatRenderMeasurement {
  chunks: number;
  /** Characters of Markdown in the answer. */
  answerChars: number;
  /** Question sent → last chunk rendered and the answer marked done (ms). */
  totalMs: number;
  /** Every long task in that window (ms each). */
  longTasksMs: number[];
  /** Citation chips in the final answer. */
  chips: number;
  /** Blocks (top-level elements) of the rendered answer. */
  blocks: number;
}

export interface ChatPageApi {
  measure(): Promise<ChatRenderMeasurement>;
}

const params = new URLSearchParams(location.search);
const CHUNKS = Number(params.get('chunks') ?? '2000');
const BURST = Number(params.get('burst') ?? '4');
const BURST_MS = Number(params.get('burstMs') ?? '4');

/** A Markdown answer of many sections, so the stream crosses every kind of block many times. */
function answerText(): string {
  const sections: string[] = [];
  for (let i = 0; sections.join('').length < CHUNKS * 7; i++) {
    sections.push(
      `## Section ${i + 1}\n\nThe local server answers loopback hosts only [${(i % 5) + 1}], and the proxy signs ` +
        `the exact bytes it forwards [${((i + 2) % 5) + 1}]. It **never** forwards cookies or \`Authorization\`.\n\n` +
        `- first point of section ${i + 1} [1]\n- second point with *emphasis*\n- third point [3]\n\n` +
        `| header | value |\n|---|---|\n| row ${i} | ${i * 7} |\n| next | ${i * 11} |\n\n` +
        '```ts\nconst answer = await client.knowledge.serviceChat({ stream: true });\n```\n\n' +
        `> A quote of section ${i + 1}, with a [link](https://example.com/${i}).\n\n`,
    );
  }
  return sections.join('');
}

const ANSWER = answerText();
/** The answer cut into CHUNKS deltas of about equal length. */
const DELTAS: string[] = (() => {
  const size = Math.ceil(ANSWER.length / CHUNKS);
  return Array.from({ length: CHUNKS }, (_, i) => ANSWER.slice(i * size, (i + 1) * size));
})();

const REFERENCES = Array.from({ length: 5 }, (_, i) => ({
  id: `ref-${i + 1}`,
  point_id: `point-${i + 1}`,
  chunk_title: `Chunk ${i + 1}`,
  content: `Passage ${i + 1}: the proxy forwards only a few headers, and the local server refuses other sites.`,
  score: 0.9 - i / 10,
  doc_info: { doc_id: `doc-${i + 1}`, doc_name: `Document ${i + 1}.md` },
}));

const encoder = new TextEncoder();
const event = (data: Record<string, unknown>) =>
  encoder.encode(`data: ${JSON.stringify({ code: 0, message: 'success', request_id: 'rid-bench', data })}\n\n`);

/** The service's answer: references, CHUNKS deltas in bursts, then the end. */
function answerStream(): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(event({ count: 5, result_list: REFERENCES, generated_answer: '' }));
      const timer = setInterval(() => {
        for (let i = 0; i < BURST && next < DELTAS.length; i++)
          controller.enqueue(event({ generated_answer: DELTAS[next++] }));
        if (next === DELTAS.length) {
          clearInterval(timer);
          controller.enqueue(event({ generated_answer: '', end: true }));
          controller.close();
        }
      }, BURST_MS);
    },
  });
}

const fakeFetch: typeof globalThis.fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  if (!new URL(request.url).pathname.endsWith('/api/knowledge/service/chat')) {
    return new Response(JSON.stringify({ code: 1000001, message: request.url }), { status: 404 });
  }
  return new Response(answerStream(), {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', 'X-Tt-Logid': 'rid-bench' },
  });
};

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function measure(): Promise<ChatRenderMeasurement> {
  const container = document.getElementById('root')!;
  const client = createVikingClient({
    baseUrl: 'https://bench.invalid',
    auth: apiKey('k'),
    retry: none(),
    fetch: fakeFetch,
  });
  const queryClient = new QueryClient();
  createRoot(container).render(
    <QueryClientProvider client={queryClient}>
      <VikingProvider client={client}>
        <KnowledgeChat service="bench_service" suggestedQuestions={['Explain everything.']} />
      </VikingProvider>
    </QueryClientProvider>,
  );
  const suggestion = () => container.querySelector<HTMLButtonElement>('.vdb-chat-suggestion');
  while (!suggestion()) await nextFrame();
  const button = suggestion()!;
  await nextFrame();
  await nextFrame();

  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  button.click();
  const status = container.querySelector('[role="status"]')!;
  while (!/Answer complete\.$/.test(status.textContent ?? '')) await nextFrame();
  const totalMs = performance.now() - started;
  await nextFrame();
  await nextFrame();
  // Entries are delivered asynchronously: one more task for the observer to flush.
  await new Promise((resolve) => setTimeout(resolve, 50));
  longTasks.push(...observer.takeRecords());
  observer.disconnect();
  const markdown = container.querySelector('.vdb-chat-markdown')!;
  return {
    chunks: DELTAS.length,
    answerChars: ANSWER.length,
    totalMs,
    longTasksMs: longTasks.filter((task) => task.startTime >= started).map((task) => task.duration),
    chips: markdown.querySelectorAll('.vdb-chat-chip').length,
    blocks: markdown.children.length,
  };
}

(globalThis as unknown as { chatBench: ChatPageApi }).chatBench = { measure };
