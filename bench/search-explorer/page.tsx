/**
 * Browser page of bench/search-explorer-render.ts: renders `<SearchExplorer>` (random search on mount, `limit` N)
 * with a client whose `fetch` answers the search endpoint at once from a pre-serialized envelope of N rows, and
 * times render start → the first frame painted after the result rows are in the DOM. No service worker and no
 * network: what is timed is decoding the answer and rendering it. N comes from the page URL (`?n=`); the page
 * exposes `explorerBench.measure()`, called once per fresh page.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { apiKey, createVikingClient, none } from '../../src/client';
import type { FieldSpec } from '../../src/components/search-explorer/fieldTypes';
import { SearchExplorer } from '../../src/components/search-explorer/SearchExplorer';
import { VikingProvider } from '../../src/hooks';

export interface RenderMeasurement {
  n: number;
  /** render() called → first paint showing the result rows (ms). */
  firstPaintMs: number;
  /** render() called → the fake fetch was asked for the search (ms). */
  fetchCalledMs: number;
  /** render() called → the result rows appeared in the DOM (ms). */
  rowsInDomMs: number;
  /** Result rows (`[data-index]`) in the DOM at that paint. */
  domRows: number;
  /** `aria-setsize` of the first row: how many results the list holds. */
  setSize: number;
  /** The status line's count text, e.g. `10000 results`. */
  statusText: string;
}

export interface ExplorerPageApi {
  measure(): Promise<RenderMeasurement>;
}

const WORDS = ['vector', 'filter', 'memory', 'embedding', 'rerank', 'hiking', 'coffee', 'tea', 'city', 'react'];

/** The fields the rows carry (passed as `fields`, as an app would, so no sampling search runs first). */
const FIELDS: FieldSpec[] = [
  { name: 'id', type: 'int64' },
  { name: 'title', type: 'string' },
  { name: 'lang', type: 'string' },
  { name: 'year', type: 'int64' },
  { name: 'rating', type: 'float32' },
];

/** The search envelope with `count` rows (ids 1..count, scores descending), like the stories' `manyRows`. */
function envelope(count: number): string {
  const data = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    fields: {
      title: `Synthetic row ${i + 1}: ${WORDS[i % WORDS.length]} notes`,
      lang: i % 3 === 0 ? 'zh' : 'en',
      year: 2015 + (i % 10),
      rating: Math.round(((i * 37) % 50) + 1) / 10,
    },
    score: 1 - i / count,
    ann_score: 1 - i / count,
  }));
  return JSON.stringify({
    code: 'Success',
    message: 'The API call was executed successfully.',
    request_id: 'rid-bench',
    api: 'SearchVikingdbIndex',
    result: { data, total_return_count: data.length, filter_matched_count: data.length },
  });
}

const n = Number(new URLSearchParams(location.search).get('n') ?? '100');
// Serialized before the clock starts: the fake network costs nothing inside the timed window.
const body = envelope(n);
let fetchCalledAt = Number.NaN;

const fakeFetch: typeof globalThis.fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  if (!/\/api\/vikingdb\/data\/search\//.test(new URL(request.url).pathname)) {
    return new Response(JSON.stringify({ code: 'NotFound', message: request.url }), { status: 404 });
  }
  fetchCalledAt = performance.now();
  const { limit } = (await request.json()) as { limit?: number };
  const text = limit === undefined || limit >= n ? body : envelope(limit);
  return new Response(text, {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'X-Tt-Logid': 'rid-bench' },
  });
};

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves with the time the first result row enters `root` (checked on every DOM mutation). */
function rowsAppear(root: HTMLElement): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!root.querySelector('[data-index]')) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

async function measure(): Promise<RenderMeasurement> {
  const container = document.getElementById('root')!;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const client = createVikingClient({
    baseUrl: 'https://bench.invalid',
    auth: apiKey('bench-key'),
    retry: none(),
    fetch: fakeFetch,
  });
  // Start from a settled frame, so the clock does not include a pending layout of the empty page.
  await nextFrame();
  const appeared = rowsAppear(container);
  const started = performance.now();
  createRoot(container).render(
    <QueryClientProvider client={queryClient}>
      <VikingProvider client={client}>
        <SearchExplorer
          collection="bench_docs"
          index="bench_docs_index"
          fields={FIELDS}
          searchOnMount
          initialQuery={{ mode: 'random' }}
          limit={n}
        />
      </VikingProvider>
    </QueryClientProvider>,
  );
  const rowsAt = await appeared;
  // The frame that lays out and paints the rows runs next; the rAF after it starts once that frame is presented.
  await nextFrame();
  await nextFrame();
  const paintedAt = performance.now();
  const rows = container.querySelectorAll('[data-index]');
  return {
    n,
    firstPaintMs: paintedAt - started,
    fetchCalledMs: fetchCalledAt - started,
    rowsInDomMs: rowsAt - started,
    domRows: rows.length,
    setSize: Number(rows[0]?.getAttribute('aria-setsize') ?? Number.NaN),
    statusText: container.querySelector('.vdb-status__count')?.textContent ?? '',
  };
}

const api: ExplorerPageApi = { measure };
(globalThis as unknown as { explorerBench: ExplorerPageApi }).explorerBench = api;
