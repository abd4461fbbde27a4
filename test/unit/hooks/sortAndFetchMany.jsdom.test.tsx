import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fetchManyOptions, indexRef, sortOptions, useFetchMany, useSort, vikingKeys } from '../../../src/hooks/index';
import { BOOKS, createWrapper, requestsTo, startEngineServer, testClient, type Book } from '../../support/hooksHarness';

const { requests } = startEngineServer();
const books = indexRef<Book>('books', 'books_index');

async function seed() {
  await testClient().vector.collection<Book>('books').upsert(BOOKS);
  requests.length = 0;
}

describe('useFetchMany', () => {
  it('fetches any number of ids in batches and merges them in order', async () => {
    await seed();
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => useFetchMany<Book>({ collection: 'books', ids: [5, 1, 99, 3, 2], batchSize: 2, concurrency: 1 }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.items.map((row) => row.id)).toEqual([5, 1, 3, 2]);
    expect(result.current.data!.idsNotExist).toEqual([99]);
    expect(result.current.data!.items[0]!.fields.title).toBe('Epsilon');
    expect(requestsTo(requests, '/fetch_in_collection')).toHaveLength(3);
  });

  it('stays idle without ids, and refetches when its collection is invalidated', async () => {
    await seed();
    const { Wrapper, queryClient } = createWrapper(testClient());
    const idle = renderHook(() => useFetchMany({ collection: 'books', ids: [] }), { wrapper: Wrapper });
    expect(idle.result.current.fetchStatus).toBe('idle');
    const { result } = renderHook(() => useFetchMany({ collection: 'books', ids: [1] }), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(requestsTo(requests, '/fetch_in_collection')).toHaveLength(1);
    await act(() => queryClient.invalidateQueries({ queryKey: vikingKeys.vector.collection('books') }));
    await waitFor(() => expect(requestsTo(requests, '/fetch_in_collection')).toHaveLength(2));
  });
});

describe('useSort', () => {
  it('rescores the given ids against the query vector, best first, and reports missing ids', async () => {
    await seed();
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useSort({ ...books, ids: [3, 1, 2, 42], queryVector: [1, 0, 0, 0] }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.items.map((item) => item.id)).toEqual([1, 2, 3]);
    expect(result.current.data!.items[0]!.score).toBeGreaterThan(result.current.data!.items[2]!.score);
    expect(result.current.data!.idsNotExist).toEqual([42]);
  });

  it('stays idle while ids or the query vector are empty', async () => {
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useSort({ ...books, ids: [], queryVector: [1, 0, 0, 0] }), {
      wrapper: Wrapper,
    });
    const noVector = renderHook(() => useSort({ ...books, ids: [1], queryVector: [] }), { wrapper: Wrapper });
    expect(result.current.fetchStatus).toBe('idle');
    expect(noVector.result.current.fetchStatus).toBe('idle');
    expect(requestsTo(requests, '/data/sort')).toHaveLength(0);
  });
});

describe('sortOptions and fetchManyOptions', () => {
  it('prefetch outside React, under the keys of their index and collection', async () => {
    await seed();
    const client = testClient();
    const queryClient = new QueryClient();
    const sort = sortOptions<Book>(client, { ...books, ids: [1, 2], queryVector: [0, 1, 0, 0] });
    const many = fetchManyOptions<Book>(client, { collection: 'books', ids: [4, 5] });
    expect(sort.queryKey.slice(0, 4)).toEqual(vikingKeys.vector.index('books', 'books_index'));
    expect(many.queryKey.slice(0, 3)).toEqual(vikingKeys.vector.collection('books'));
    await queryClient.prefetchQuery(sort);
    await queryClient.prefetchQuery(many);
    expect(queryClient.getQueryData(sort.queryKey)!.items.map((item) => item.id)).toEqual([2, 1]);
    expect(queryClient.getQueryData(many.queryKey)!.items.map((row) => row.fields.title)).toEqual(['Delta', 'Epsilon']);
  });
});
