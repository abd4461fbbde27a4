import { partialMatchKey, QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { NotFoundError, f } from '../../../src/client/index';
import {
  useDelete,
  useInfiniteScan,
  usePing,
  useUpdate,
  useUpsert,
  useVectorSearch,
  useVikingClient,
  vikingKeys,
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

const { server, requests } = startEngineServer();

async function seedBooks(client = testClient()) {
  await client.vector.collection<Book>('books').upsert(BOOKS);
  requests.length = 0;
}

describe('VikingProvider', () => {
  it('explains how to fix a hook used outside the provider', () => {
    expect(() => renderHook(() => useVikingClient())).toThrow(/no VikingProvider above this component/);
  });
});

describe('useVectorSearch', () => {
  it('goes from pending to success with typed, narrowed results', async () => {
    await seedBooks();
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () =>
        useVectorSearch<Book>({
          collection: 'books',
          index: 'books_index',
          mode: 'vector',
          denseVector: [1, 0, 0, 0],
          limit: 2,
          outputFields: ['title'],
        }),
      { wrapper: Wrapper },
    );
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.items.map((i) => i.fields.title)).toEqual(['Alpha', 'Beta']);
    expect(result.current.data!.requestId).toBeTruthy();
  });

  it('stays idle, sending nothing, while the search is empty', async () => {
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => [
        useVectorSearch({ collection: 'books', index: 'books_index', mode: 'vector', denseVector: [] }),
        useVectorSearch({ collection: 'books', index: 'books_index', mode: 'multiModal', text: '   ' }),
        useVectorSearch({ collection: 'books', index: 'books_index', mode: 'keywords', keywords: [] }),
      ],
      { wrapper: Wrapper },
    );
    await delay(30);
    for (const query of result.current) {
      expect(query.fetchStatus).toBe('idle');
      expect(query.isPending).toBe(true);
    }
    expect(requests).toHaveLength(0);
  });

  it('surfaces the typed error with its hint', async () => {
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useVectorSearch({ collection: 'nope', index: 'nope_index', mode: 'random' }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(NotFoundError);
    expect((result.current.error as NotFoundError).hint).toMatch(/collection_name/);
  });

  it('keeps the previous results while the next search loads, and refetches after invalidation', async () => {
    await seedBooks();
    const { Wrapper, queryClient } = createWrapper(testClient());
    const { result, rerender } = renderHook(
      ({ year }: { year: number }) =>
        useVectorSearch<Book>({
          collection: 'books',
          index: 'books_index',
          mode: 'scalar',
          field: 'year',
          filter: f.range('year', { gte: year }),
        }),
      { wrapper: Wrapper, initialProps: { year: 2004 } },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.items).toHaveLength(2);
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/vikingdb/data/search/scalar`, async () => {
        await delay(80);
        return HttpResponse.json({
          code: 'Success',
          message: 'ok',
          request_id: 'slow',
          result: { data: [], total_return_count: 0 },
        });
      }),
    );
    rerender({ year: 2000 });
    expect(result.current.isFetching).toBe(true);
    expect(result.current.isPending).toBe(false);
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.data!.items).toHaveLength(2);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data!.requestId).toBe('slow');

    server.resetHandlers();
    const before = requestsTo(requests, '/search/scalar').length;
    await act(() => queryClient.invalidateQueries({ queryKey: vikingKeys.vector.collection('books') }));
    await waitFor(() => expect(requestsTo(requests, '/search/scalar').length).toBe(before + 1));
  });

  it('aborts the request in flight when the search changes, and never renders the stale answer', async () => {
    const seen: Array<{ text: string; aborted: () => boolean }> = [];
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/vikingdb/data/search/keywords`, async ({ request }) => {
        const body = (await request.clone().json()) as { query: string };
        seen.push({ text: body.query, aborted: () => request.signal.aborted });
        await delay(body.query === 'first' ? 150 : 10);
        return HttpResponse.json({
          code: 'Success',
          message: 'ok',
          request_id: body.query,
          result: { data: [{ id: 1, fields: { title: body.query }, score: 1 }], total_return_count: 1 },
        });
      }),
    );
    const { Wrapper } = createWrapper(testClient());
    const { result, rerender } = renderHook(
      ({ query }: { query: string }) =>
        useVectorSearch({ collection: 'books', index: 'books_index', mode: 'keywords', query }),
      { wrapper: Wrapper, initialProps: { query: 'first' } },
    );
    await waitFor(() => expect(seen).toHaveLength(1));
    rerender({ query: 'second' });
    await waitFor(() => expect(result.current.data?.requestId).toBe('second'));
    expect(seen[0]!.aborted()).toBe(true);
    await delay(200);
    expect(result.current.data!.requestId).toBe('second');
  });

  it('debounces the key when debounceMs is set: one request for a burst of changes', async () => {
    await seedBooks();
    const { Wrapper } = createWrapper(testClient());
    const { result, rerender } = renderHook(
      ({ text }: { text: string }) =>
        useVectorSearch(
          { collection: 'books', index: 'books_index', mode: 'keywords', query: text },
          { debounceMs: 60 },
        ),
      { wrapper: Wrapper, initialProps: { text: '' } },
    );
    for (const text of ['a', 'al', 'alp', 'alph', 'alpha']) {
      rerender({ text });
      await delay(10);
    }
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await delay(100);
    const bodies = await Promise.all(
      requestsTo(requests, '/search/keywords').map((r) => r.clone().json() as Promise<{ query: string }>),
    );
    expect(bodies.map((b) => b.query)).toEqual(['alpha']);
  });
});

describe('retries happen once, in the client', () => {
  it('a 503 is retried by the client only (1 + maxRetries requests); a 400 is sent once', async () => {
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/vikingdb/data/search/random`, () =>
        HttpResponse.json({ code: 'InternalError' }, { status: 503 }),
      ),
    );
    const { Wrapper } = createWrapper(testClient(), new QueryClient({ defaultOptions: { queries: { retry: 3 } } }));
    const { result } = renderHook(
      () => useVectorSearch({ collection: 'books', index: 'books_index', mode: 'random' }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(requestsTo(requests, '/search/random')).toHaveLength(3);

    requests.length = 0;
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/vikingdb/data/search/id`, () =>
        HttpResponse.json({ code: 'InvalidParameter' }, { status: 400 }),
      ),
    );
    const second = renderHook(() => useVectorSearch({ collection: 'books', index: 'books_index', mode: 'id', id: 1 }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(second.result.current.isError).toBe(true));
    await delay(30);
    expect(requestsTo(requests, '/search/id')).toHaveLength(1);
  });
});

describe('mutations', () => {
  it('useUpsert writes rows and refreshes searches on the collection', async () => {
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => ({
        search: useVectorSearch<Book>({ collection: 'books', index: 'books_index', mode: 'random', limit: 10 }),
        upsert: useUpsert<Book>({ collection: 'books' }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.search.isSuccess).toBe(true));
    expect(result.current.search.data!.items).toHaveLength(0);
    await act(() => result.current.upsert.mutateAsync({ params: BOOKS.slice(0, 3) }));
    await waitFor(() => expect(result.current.search.data!.items).toHaveLength(3));
  });

  it('useDelete removes rows from cached results at once and restores them when the service refuses', async () => {
    await seedBooks();
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => ({
        search: useVectorSearch<Book>({
          collection: 'books',
          index: 'books_index',
          mode: 'scalar',
          field: 'year',
          order: 'asc',
        }),
        remove: useDelete({ collection: 'books' }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.search.isSuccess).toBe(true));
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/vikingdb/data/delete`, async () => {
        await delay(50);
        return HttpResponse.json({ code: 'InvalidParameter', message: 'refused' }, { status: 400 });
      }),
    );
    let settled: Promise<unknown> = Promise.resolve();
    act(() => {
      settled = result.current.remove.mutateAsync({ params: { ids: [1, 2] } }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.search.data!.items.map((i) => i.id)).toEqual([3, 4, 5]));
    await act(() => settled);
    await waitFor(() => expect(result.current.search.data!.items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]));
    expect(result.current.remove.error?.message).toMatch(/refused/);

    server.resetHandlers();
    await act(() => result.current.remove.mutateAsync({ params: { ids: [5] } }));
    await waitFor(() => expect(result.current.search.data!.items.map((i) => i.id)).toEqual([1, 2, 3, 4]));
  });

  it('useUpdate patches cached rows at once and rolls back on error', async () => {
    await seedBooks();
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => ({
        search: useVectorSearch<Book>({
          collection: 'books',
          index: 'books_index',
          mode: 'scalar',
          field: 'year',
          order: 'asc',
          outputFields: ['title'],
        }),
        update: useUpdate<Book>({ collection: 'books' }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.search.isSuccess).toBe(true));
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/vikingdb/data/update`, async () => {
        await delay(50);
        return HttpResponse.json({ code: 'InternalError', message: 'boom' }, { status: 500 });
      }),
    );
    let settled: Promise<unknown> = Promise.resolve();
    act(() => {
      settled = result.current.update.mutateAsync({ params: [{ id: 1, title: 'Alpha 2' }] }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.search.data!.items[0]!.fields.title).toBe('Alpha 2'));
    await act(() => settled);
    await waitFor(() => expect(result.current.search.data!.items[0]!.fields.title).toBe('Alpha'));

    server.resetHandlers();
    await act(() => result.current.update.mutateAsync({ params: [{ id: 1, title: 'Alpha 3' }] }));
    await waitFor(() => expect(result.current.search.data!.items[0]!.fields.title).toBe('Alpha 3'));
  });
});

describe('useInfiniteScan and usePing', () => {
  it('pages through the collection until the end', async () => {
    await seedBooks();
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () =>
        useInfiniteScan<Book>({ collection: 'books', index: 'books_index', pageSize: 2, orderBy: { field: 'year' } }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }
    const ids = result.current.data!.pages.flatMap((p) => p.items.map((i) => i.id));
    expect(ids).toEqual([5, 4, 3, 2, 1]);
  });

  it('reports latency when the host answers', async () => {
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => usePing('vector'), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe('query keys', () => {
  it('keep projects apart: invalidating a collection leaves the same name in another project alone', () => {
    const defaultProject = vikingKeys.vector.collection('docs');
    expect(vikingKeys.vector.collection({ collection_name: 'docs' })).toEqual(defaultProject);
    expect(vikingKeys.vector.collection({ collection_name: 'docs', project_name: 'default' })).toEqual(defaultProject);
    const other = vikingKeys.vector.search({ collection_name: 'docs', project_name: 'p' }, 'i', 'random', {});
    expect(partialMatchKey(other, defaultProject)).toBe(false);
    expect(partialMatchKey(vikingKeys.vector.search('docs', 'i', 'random', {}), defaultProject)).toBe(true);
  });
});
