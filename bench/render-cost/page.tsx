/**
 * Browser page of bench/render-cost.ts (React's profiling build, so `<Profiler>` reports commits). Two scenes, both
 * on a client whose `fetch` answers from an in-page table of 100 rows (no network):
 *
 * - `?scene=box`: a search box built on `useVectorSearch` (multi-modal text search, debounce 0) inside a
 *   `<Profiler>`; the box counts its own renders. The bench types into it and reads the counts.
 * - `?scene=explorer`: `<SearchExplorer>` listing the 100 rows through a memoized `renderRow` component that counts
 *   its renders per row id, next to a button that updates one row with `useUpdate` (optimistic patch, then the
 *   refetch). The bench clicks it and reads which rows rendered again.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { memo, Profiler, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { apiKey, createVikingClient, none } from '../../src/client';
import type { FieldSpec } from '../../src/components/search-explorer/fieldTypes';
import { SearchExplorer } from '../../src/components/search-explorer/SearchExplorer';
import type { ExplorerRow } from '../../src/components/search-explorer/useSearchExplorer';
import { useUpdate, useVectorSearch, VikingProvider } from '../../src/hooks';

export interface RenderCounts {
  /** Renders of the search box component (its function ran). */
  boxRenders: number;
  /** Commits the box's `<Profiler>` reported. */
  boxCommits: number;
  /** Renders of each row component by row id. */
  rowRenders: Record<string, number>;
  /** Requests the fake service answered, by path. */
  requests: Record<string, number>;
}

export interface RenderCostPageApi {
  counts(): RenderCounts;
  reset(): void;
}

const COLLECTION = 'bench_docs';
const INDEX = 'bench_docs_index';
const FIELDS: FieldSpec[] = [
  { name: 'id', type: 'int64' },
  { name: 'title', type: 'string' },
  { name: 'year', type: 'int64' },
];

const table = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, fields: { title: `Row ${i + 1}`, year: 2000 + i } }));
const counts: RenderCounts = { boxRenders: 0, boxCommits: 0, rowRenders: {}, requests: {} };

function envelope(api: string, result: unknown): Response {
  return new Response(JSON.stringify({ code: 'Success', message: 'ok', request_id: 'rid', api, result }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

const fakeFetch: typeof globalThis.fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const path = new URL(request.url).pathname;
  counts.requests[path] = (counts.requests[path] ?? 0) + 1;
  const body = (await request.json()) as { limit?: number; data?: Array<{ id: number; title?: string }> };
  if (path.endsWith('/data/update')) {
    for (const change of body.data ?? []) {
      const row = table.find((r) => r.id === change.id);
      if (row && change.title !== undefined) row.fields = { ...row.fields, title: change.title };
    }
    return envelope('UpdateVikingdbData', { token_usage: {} });
  }
  const data = table
    .slice(0, body.limit ?? 10)
    .map((row, i) => ({ id: row.id, fields: row.fields, score: 1 - i / 100, ann_score: 1 - i / 100 }));
  return envelope('SearchVikingdbIndex', {
    data,
    total_return_count: data.length,
    filter_matched_count: data.length,
  });
};

/** Counts one render (called from render bodies on purpose: a render is what is counted). */
function noteRender(rowId?: string): void {
  if (rowId === undefined) counts.boxRenders++;
  else counts.rowRenders[rowId] = (counts.rowRenders[rowId] ?? 0) + 1;
}

function SearchBox() {
  noteRender();
  const [text, setText] = useState('');
  const search = useVectorSearch(
    { collection: COLLECTION, index: INDEX, mode: 'multiModal', text, limit: 10 },
    { debounceMs: 0 },
  );
  return (
    <div>
      <input aria-label="search" value={text} onChange={(event) => setText(event.target.value)} />
      <ul data-settled={search.isFetching ? '' : text}>
        {search.data?.items.map((item) => (
          <li key={String(item.id)}>{String(item.fields['title'])}</li>
        ))}
      </ul>
    </div>
  );
}

const CountingRow = memo(function CountingRow({ row }: { row: ExplorerRow }) {
  const id = String(row.id);
  noteRender(id);
  return <span data-row-title={id}>{String((row.fields as Record<string, unknown>)['title'])}</span>;
});

function EditButton() {
  const update = useUpdate({ collection: COLLECTION });
  return (
    <button
      type="button"
      data-edit-status={update.status}
      onClick={() => update.mutate({ params: [{ id: 2, title: 'Row 2, edited' }] })}
    >
      edit row 2
    </button>
  );
}

const scene = new URLSearchParams(location.search).get('scene') ?? 'box';
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
const client = createVikingClient({
  baseUrl: 'https://bench.invalid',
  auth: apiKey('k'),
  retry: none(),
  fetch: fakeFetch,
});

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <VikingProvider client={client}>
      {scene === 'box' ? (
        <Profiler id="box" onRender={() => counts.boxCommits++}>
          <SearchBox />
        </Profiler>
      ) : (
        <>
          <EditButton />
          <SearchExplorer
            collection={COLLECTION}
            index={INDEX}
            fields={FIELDS}
            searchOnMount
            initialQuery={{ mode: 'random' }}
            limit={100}
            renderRow={(row) => <CountingRow row={row} />}
          />
        </>
      )}
    </VikingProvider>
  </QueryClientProvider>,
);

const api: RenderCostPageApi = {
  counts: () => structuredClone(counts),
  reset: () => {
    counts.boxRenders = 0;
    counts.boxCommits = 0;
    counts.rowRenders = {};
    counts.requests = {};
  },
};
(globalThis as unknown as { renderCost: RenderCostPageApi }).renderCost = api;
