import type { QueryKey } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isVikingDBError } from '../../../src/client/index';
import {
  indexRef,
  useAggregate,
  useEmbedding,
  useEventSearch,
  useFetchIndexRows,
  useFetchMany,
  useFetchRows,
  useInfiniteScan,
  useMemorySearch,
  usePing,
  useProfileSearch,
  useRerank,
  useSessionInfo,
  useSort,
  useVectorSearch,
  vikingKeys,
} from '../../../src/hooks/index';
import { BOOKS, createWrapper, requestsTo, startEngineServer, testClient, type Book } from '../../support/hooksHarness';

const { requests } = startEngineServer();
const books = indexRef<Book>('books', 'books_index');
const missing = indexRef<Book>('nope', 'nope_index');
const mem = { collection_name: 'mem', project_name: 'default' };
const noMem = { collection_name: 'no_such_memory', project_name: 'default' };

/**
 * Each query hook, called once against data that exists and once against something that does not:
 * it must go pending → success, pending → error carrying a hint, and refetch when its own subtree of `vikingKeys` is
 * invalidated, but not when a sibling subtree is.
 */
interface Case {
  name: string;
  path: string;
  /** The narrowest documented `vikingKeys` subtree holding the hook's query. */
  subtree: QueryKey;
  /** A subtree next to it, which does not hold the hook's query. */
  sibling: QueryKey;
  useOk: () => { isPending: boolean; isSuccess: boolean; data?: unknown };
  useFailing?: () => { isError: boolean; error: unknown };
}

const cases: Case[] = [
  {
    name: 'useVectorSearch',
    path: '/search/vector',
    subtree: vikingKeys.vector.index('books', 'books_index'),
    sibling: vikingKeys.vector.index('books', 'other_index'),
    useOk: () => useVectorSearch({ ...books, mode: 'vector', denseVector: [1, 0, 0, 0] }),
    useFailing: () => useVectorSearch({ ...missing, mode: 'vector', denseVector: [1, 0, 0, 0] }),
  },
  {
    name: 'useFetchRows',
    path: '/fetch_in_collection',
    subtree: vikingKeys.vector.collection('books'),
    sibling: vikingKeys.vector.index('books', 'books_index'),
    useOk: () => useFetchRows<Book>({ collection: 'books', ids: [1, 2] }),
    useFailing: () => useFetchRows({ collection: 'nope', ids: [1] }),
  },
  {
    name: 'useFetchMany',
    path: '/fetch_in_collection',
    subtree: vikingKeys.vector.collection('books'),
    sibling: vikingKeys.vector.index('books', 'books_index'),
    useOk: () => useFetchMany<Book>({ collection: 'books', ids: [1, 2, 3], batchSize: 2 }),
    useFailing: () => useFetchMany({ collection: 'nope', ids: [1] }),
  },
  {
    name: 'useSort',
    path: '/data/sort',
    subtree: vikingKeys.vector.index('books', 'books_index'),
    sibling: vikingKeys.vector.collection('nope'),
    useOk: () => useSort({ ...books, ids: [1, 3], queryVector: [1, 0, 0, 0] }),
    useFailing: () => useSort({ ...missing, ids: [1], queryVector: [1, 0, 0, 0] }),
  },
  {
    name: 'useFetchIndexRows',
    path: '/fetch_in_index',
    subtree: vikingKeys.vector.index('books', 'books_index'),
    sibling: vikingKeys.vector.index('books', 'other_index'),
    useOk: () => useFetchIndexRows({ ...books, ids: [1] }),
    useFailing: () => useFetchIndexRows({ ...missing, ids: [1] }),
  },
  {
    name: 'useAggregate',
    path: '/data/agg',
    subtree: vikingKeys.vector.index('books', 'books_index'),
    sibling: vikingKeys.vector.collection('nope'),
    useOk: () => useAggregate({ ...books, field: 'year' }),
    useFailing: () => useAggregate({ ...missing }),
  },
  {
    name: 'useInfiniteScan',
    path: '/search/random',
    subtree: vikingKeys.vector.index('books', 'books_index'),
    sibling: vikingKeys.vector.collection('nope'),
    useOk: () => useInfiniteScan({ ...books, pageSize: 2 }),
    useFailing: () => useInfiniteScan({ ...missing }),
  },
  {
    name: 'useEmbedding',
    path: '/embedding',
    subtree: ['vikingdb', 'models', 'embedding'],
    sibling: ['vikingdb', 'models', 'rerank'],
    useOk: () => useEmbedding({ data: [{ text: 'hello' }], denseModel: { name: 'bge-m3', dim: 8 } }),
    useFailing: () => useEmbedding({ data: [{ image: 'tos://bucket/cat.png' }], denseModel: { name: 'bge-m3' } }),
  },
  {
    name: 'useRerank',
    path: '/rerank',
    subtree: ['vikingdb', 'models', 'rerank'],
    sibling: ['vikingdb', 'models', 'embedding'],
    useOk: () => useRerank({ modelName: 'doubao-seed-rerank', query: 'apple', data: ['an apple', 'a pear'] }),
  },
  {
    name: 'useMemorySearch',
    path: '/memory/search',
    subtree: [...vikingKeys.memory.collection(mem), 'search'],
    sibling: [...vikingKeys.memory.collection(mem), 'events'],
    useOk: () => useMemorySearch({ collection: mem, query: 'tea' }),
    useFailing: () => useMemorySearch({ collection: noMem }),
  },
  {
    name: 'useEventSearch',
    path: '/event/search',
    subtree: [...vikingKeys.memory.collection(mem), 'events'],
    sibling: [...vikingKeys.memory.collection(mem), 'profiles'],
    useOk: () => useEventSearch({ collection: mem }),
    useFailing: () => useEventSearch({ collection: noMem }),
  },
  {
    name: 'useProfileSearch',
    path: '/profile/search',
    subtree: [...vikingKeys.memory.collection(mem), 'profiles'],
    sibling: [...vikingKeys.memory.collection(mem), 'search'],
    useOk: () => useProfileSearch({ collection: mem }),
    useFailing: () => useProfileSearch({ collection: noMem }),
  },
  {
    name: 'useSessionInfo',
    path: '/session/info',
    subtree: vikingKeys.memory.session(mem, 's-1'),
    sibling: vikingKeys.memory.session(mem, 's-2'),
    useOk: () => useSessionInfo({ collection: mem, sessionId: 's-1' }),
    useFailing: () => useSessionInfo({ collection: mem, sessionId: 'never-added' }),
  },
  {
    name: 'usePing',
    path: '/Ping',
    subtree: vikingKeys.ping('vector'),
    sibling: vikingKeys.ping('memory'),
    useOk: () => usePing('vector'),
  },
];

async function seed() {
  const client = testClient();
  await client.vector.collection<Book>('books').upsert(BOOKS);
  await client.memory.collection(mem).addSession({
    sessionId: 's-1',
    messages: [{ role: 'user', content: 'I like green tea.' }],
    metadata: { defaultUserId: 'u1', defaultAssistantId: 'a1' },
  });
  requests.length = 0;
}

describe('every query hook', () => {
  for (const c of cases) {
    it(`${c.name}: pending → success; refetches when its own subtree is invalidated, not when a sibling's is`, async () => {
      await seed();
      const { Wrapper, queryClient } = createWrapper(testClient());
      const { result } = renderHook(c.useOk, { wrapper: Wrapper });
      expect(result.current.isPending).toBe(true);
      await waitFor(() => expect(result.current.isSuccess).toBe(true));
      expect(result.current.data).toBeDefined();
      const before = requestsTo(requests, c.path).length;
      expect(before).toBeGreaterThan(0);
      const [query, ...others] = queryClient.getQueryCache().getAll();
      expect(others).toHaveLength(0);

      await act(() => queryClient.invalidateQueries({ queryKey: c.sibling }));
      expect(query!.state.isInvalidated).toBe(false);
      expect(requestsTo(requests, c.path)).toHaveLength(before);

      await act(() => queryClient.invalidateQueries({ queryKey: c.subtree }));
      await waitFor(() => expect(requestsTo(requests, c.path).length).toBeGreaterThan(before));
    });

    if (c.useFailing) {
      const useFailing = c.useFailing;
      it(`${c.name}: surfaces a typed error with a hint`, async () => {
        const { Wrapper } = createWrapper(testClient());
        const { result } = renderHook(useFailing, { wrapper: Wrapper });
        await waitFor(() => expect(result.current.isError).toBe(true));
        expect(isVikingDBError(result.current.error)).toBe(true);
        expect((result.current.error as { hint?: string }).hint).toBeTruthy();
      });
    }
  }
});
