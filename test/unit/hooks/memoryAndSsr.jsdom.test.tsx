import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/client/index';
import {
  useAddEvent,
  useAddSession,
  useBulkUpsert,
  useDeleteEvent,
  useEventSearch,
  useMemorySearch,
  useProfileSearch,
  useSessionInfo,
  useSuspenseVectorSearch,
  useVectorSearch,
  VikingProvider,
  vectorSearchOptions,
} from '../../../src/hooks/index';
import {
  BOOKS,
  createWrapper,
  HOOKS_BASE_URL,
  requestsTo,
  startEngineServer,
  testClient,
  type Book,
} from '../../support/hooksHarness';

const { requests, server } = startEngineServer();
const mem = { collection_name: 'mem', project_name: 'default' };

describe('memory hooks', () => {
  it('adds a session, reads it back, and finds its memories; searches refresh after writes', async () => {
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => ({
        add: useAddSession(mem),
        info: useSessionInfo({ collection: mem, sessionId: 's-1' }),
        search: useMemorySearch({ collection: mem, query: 'hiking', filter: { userId: 'u1' } }),
        events: useEventSearch({ collection: mem, filter: { userId: 'u1', memoryType: ['event_v1'] } }),
        profiles: useProfileSearch({ collection: mem, filter: { userId: 'u1' } }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.search.isSuccess).toBe(true));
    expect(result.current.search.data!.items).toHaveLength(0);
    await act(() =>
      result.current.add.mutateAsync({
        params: {
          sessionId: 's-1',
          messages: [
            { role: 'user', content: 'I like hiking in the mountains.' },
            { role: 'assistant', content: 'Hiking is a great way to spend a weekend.' },
          ],
          metadata: { defaultUserId: 'u1', defaultAssistantId: 'a1', time: Date.now() },
        },
      }),
    );
    await waitFor(() => expect(result.current.info.isSuccess).toBe(true));
    expect(result.current.info.data!.messages).toHaveLength(2);
    await waitFor(() => expect(result.current.events.data?.items.length).toBeGreaterThan(0));
    await waitFor(() => expect(result.current.search.data?.items.length).toBeGreaterThan(0));
  });

  it('adds and deletes events, refreshing the collection’s searches', async () => {
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => ({
        add: useAddEvent(mem),
        remove: useDeleteEvent(mem),
        events: useEventSearch({ collection: mem, filter: { userId: 'u2' } }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.events.isSuccess).toBe(true));
    const added = await act(() =>
      result.current.add.mutateAsync({
        params: { eventType: 'event_v1', memoryInfo: { summary: 'Booked a flight' }, userId: 'u2' },
      }),
    );
    await waitFor(() => expect(result.current.events.data!.items).toHaveLength(1));
    await act(() => result.current.remove.mutateAsync({ params: added.eventId! }));
    await waitFor(() => expect(result.current.events.data!.items).toHaveLength(0));
  });
});

describe('useBulkUpsert', () => {
  it('reports progress, then success, and refreshes the collection', async () => {
    const { Wrapper } = createWrapper(testClient());
    const rows = Array.from({ length: 45 }, (_, i) => ({
      id: i + 1,
      title: `t${i}`,
      year: 2000 + i,
      vector: [1, i, 0, 0],
    }));
    const { result } = renderHook(
      () => ({
        bulk: useBulkUpsert<Book>({ collection: 'books', batchSize: 10, concurrency: 2 }),
        search: useVectorSearch<Book>({ collection: 'books', index: 'books_index', mode: 'random', limit: 100 }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.search.isSuccess).toBe(true));
    act(() => {
      void result.current.bulk.start(rows);
    });
    await waitFor(() => expect(result.current.bulk.status).toBe('success'));
    expect(result.current.bulk.result!.written).toBe(45);
    expect(result.current.bulk.progress).toMatchObject({ written: 45, batchesDone: 5, batchesTotal: 5 });
    await waitFor(() => expect(result.current.search.data!.items).toHaveLength(45));
  });

  it('cancels: status cancelled with written and unsent rows accounted for', async () => {
    // Slow each upsert down, then let the engine answer (a resolver that returns nothing falls through).
    server.use(http.post(`${HOOKS_BASE_URL}/api/vikingdb/data/upsert`, () => delay(15)));
    const { Wrapper } = createWrapper(testClient());
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      title: `t${i}`,
      year: 2000,
      vector: [1, 0, 0, 0],
    }));
    const { result } = renderHook(() => useBulkUpsert<Book>({ collection: 'books', batchSize: 5, concurrency: 1 }), {
      wrapper: Wrapper,
    });
    let run: Promise<unknown> = Promise.resolve();
    act(() => {
      run = result.current.start(rows);
    });
    await waitFor(() => expect(result.current.progress?.batchesDone ?? 0).toBeGreaterThan(1));
    act(() => result.current.cancel());
    await act(() => run);
    await waitFor(() => expect(result.current.status).toBe('cancelled'));
    const error = result.current.error!;
    expect(error.writtenRows.length + error.uncertainRows.length + error.unsentRows.length).toBe(300);
    expect(error.unsentRows.length).toBeGreaterThan(0);
  });

  it('a failure that is not a BulkWriteError ends the run in error, rejects with it, and writes nothing', async () => {
    const client = testClient();
    await client.vector.collection<Book>('books').upsert(BOOKS);
    const { Wrapper } = createWrapper(client);
    // `concurrency: 0` is refused by upsertAll before any batch is sent (a ValidationError naming the option).
    const { result } = renderHook(() => useBulkUpsert<Book>({ collection: 'books', concurrency: 0 }), {
      wrapper: Wrapper,
    });
    let failure: unknown;
    await act(async () => {
      failure = await result.current.start([{ id: 99, title: 'new', year: 2030, vector: [1, 0, 0, 0] }]).then(
        () => undefined,
        (error: unknown) => error,
      );
    });
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).issues.map((issue) => issue.path)).toEqual(['concurrency']);
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.failure).toBe(failure);
    expect(result.current.error).toBeUndefined();
    const stored = await client.vector.collection<Book>('books').fetch([99, ...BOOKS.map((b) => b.id)]);
    expect(stored.idsNotExist).toEqual([99]);
    expect(stored.items).toHaveLength(BOOKS.length);
  });
});

describe('Suspense and SSR', () => {
  it('useSuspenseVectorSearch suspends, then renders the result', async () => {
    const client = testClient();
    await client.vector.collection<Book>('books').upsert(BOOKS);
    const { Wrapper } = createWrapper(client);
    function Titles() {
      const { data } = useSuspenseVectorSearch<Book>({
        collection: 'books',
        index: 'books_index',
        mode: 'scalar',
        field: 'year',
        order: 'asc',
        outputFields: ['title'],
      });
      return <p>{data.items.map((i) => i.fields.title).join(',')}</p>;
    }
    render(
      <Wrapper>
        <Suspense fallback={<p>loading</p>}>
          <Titles />
        </Suspense>
      </Wrapper>,
    );
    expect(screen.queryByText('loading')).not.toBeNull();
    expect((await screen.findByText(/^Alpha,/)).textContent).toBe('Alpha,Beta,Gamma,Delta,Epsilon');
  });

  it('a search prefetched on the server hydrates on the client without a second request', async () => {
    const client = testClient();
    await client.vector.collection<Book>('books').upsert(BOOKS);
    const input = {
      collection: 'books',
      index: 'books_index',
      mode: 'vector',
      denseVector: [0, 1, 0, 0],
      limit: 1,
      outputFields: ['title'],
    } as const;

    const serverQueryClient = new QueryClient();
    await serverQueryClient.prefetchQuery(vectorSearchOptions<Book>(client, input));
    function Top() {
      const { data } = useVectorSearch<Book>(input);
      return <p>top: {data?.items[0]?.fields.title ?? 'none'}</p>;
    }
    const html = renderToString(
      <QueryClientProvider client={serverQueryClient}>
        <VikingProvider client={client}>
          <Top />
        </VikingProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('top: <!-- -->Gamma');
    const state = JSON.parse(JSON.stringify(dehydrate(serverQueryClient))) as ReturnType<typeof dehydrate>;

    requests.length = 0;
    const browserQueryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    render(
      <QueryClientProvider client={browserQueryClient}>
        <VikingProvider client={client}>
          <HydrationBoundary state={state}>
            <Top />
          </HydrationBoundary>
        </VikingProvider>
      </QueryClientProvider>,
    );
    expect(screen.queryByText('top: Gamma')).not.toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(requestsTo(requests, '/search/vector')).toHaveLength(0);
  });
});
