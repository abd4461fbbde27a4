import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  docOptions,
  isDocProcessing,
  useAddPoint,
  useCollectionSearch,
  useDeleteDoc,
  useDoc,
  useDocs,
  useInfiniteDocs,
  useInfinitePoints,
  useKnowledgeRerank,
  useKnowledgeSearch,
  usePoint,
  usePoints,
  useUpdateDoc,
  useUpdateDocMeta,
  useUpdatePoint,
  useDeletePoint,
  useAddDoc,
  vikingKeys,
} from '../../../src/hooks/index';
import { createWrapper, HOOKS_BASE_URL, testClient } from '../../support/hooksHarness';
import { startMswServer } from '../../support/mswServer';

const server = startMswServer();
const ok = (data: unknown) => ({ code: 0, message: 'success', request_id: 'r', data });
const kb = 'reports';

/** Answers every knowledge path with `answer(path, body)`; counts requests per path. */
function knowledgeServer(answer: (path: string, body: Record<string, unknown>) => unknown) {
  const counts: Record<string, number> = {};
  server.use(
    http.post(`${HOOKS_BASE_URL}/api/knowledge/*`, async ({ request }) => {
      const path = new URL(request.url).pathname.replace('/api/knowledge/', '');
      counts[path] = (counts[path] ?? 0) + 1;
      const body = (await request.json()) as Record<string, unknown>;
      const result = answer(path, body);
      return result instanceof Response ? result : HttpResponse.json(result as Record<string, unknown>);
    }),
  );
  return counts;
}

describe('knowledge query hooks', () => {
  it('useDoc polls while the document is processing and stops once it is done', async () => {
    const statuses = [3, 2, 0];
    let call = 0;
    const counts = knowledgeServer(() =>
      ok({ doc_id: 'd1', status: { process_status: statuses[Math.min(call++, statuses.length - 1)] } }),
    );
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useDoc({ collection: kb, docId: 'd1', pollMs: 20 }), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.data?.status?.processStatus).toBe(0), { timeout: 3000 });
    expect(counts['doc/info']).toBe(3);
    await delay(120);
    expect(counts['doc/info']).toBe(3);
  });

  it('useDoc stops polling when processing failed', async () => {
    const counts = knowledgeServer(() =>
      ok({ doc_id: 'd1', status: { process_status: 1, failed_code: 10003, failed_msg: 'bad url' } }),
    );
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useDoc({ collection: kb, docId: 'd1', pollMs: 20 }), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.data?.status?.failedMsg).toBe('bad url'));
    await delay(100);
    expect(counts['doc/info']).toBe(1);
    expect(isDocProcessing(result.current.data)).toBe(false);
  });

  it('docOptions is a plain options factory for prefetching (key under vikingKeys.knowledge)', async () => {
    knowledgeServer(() => ok({ doc_id: 'd9', status: { process_status: 0 } }));
    const queryClient = new QueryClient();
    const options = docOptions(testClient(), { collection: kb, docId: 'd9' });
    expect(options.queryKey).toEqual(vikingKeys.knowledge.doc(kb, 'd9'));
    expect(vikingKeys.knowledge.doc({ collection_name: kb, project_name: 'default' }, 'd9')).toEqual(options.queryKey);
    const doc = await queryClient.fetchQuery(options);
    expect(doc.docId).toBe('d9');
  });

  it('useInfiniteDocs follows the v2 cursor; useInfinitePoints pages by offset', async () => {
    knowledgeServer((path, body) => {
      if (path === 'doc/v2/list') {
        return body['next_token'] === undefined
          ? ok({ doc_list: [{ doc_id: 'a' }], has_more: true, next_token: 't2' })
          : ok({ doc_list: [{ doc_id: 'b' }], has_more: false });
      }
      const offset = body['offset'] as number;
      return ok({ point_list: offset === 0 ? [{ point_id: 'p0' }, { point_id: 'p1' }] : [{ point_id: 'p2' }] });
    });
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => ({
        docs: useInfiniteDocs({ collection: kb, limit: 1 }),
        points: useInfinitePoints({ collection: kb, limit: 2 }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.docs.hasNextPage).toBe(true));
    await act(() => result.current.docs.fetchNextPage());
    await waitFor(() => expect(result.current.docs.data?.pages).toHaveLength(2));
    expect(result.current.docs.hasNextPage).toBe(false);
    expect(result.current.docs.data!.pages.flatMap((p) => p.items.map((d) => d.docId))).toEqual(['a', 'b']);

    await waitFor(() => expect(result.current.points.hasNextPage).toBe(true));
    await act(() => result.current.points.fetchNextPage());
    await waitFor(() => expect(result.current.points.data?.pages).toHaveLength(2));
    expect(result.current.points.hasNextPage).toBe(false);
  });

  it('retrieval hooks are idle while the query is empty, then search', async () => {
    const counts = knowledgeServer((path) =>
      path === 'collection/search_knowledge'
        ? ok({ count: 1, result_list: [{ point_id: 'p1' }] })
        : ok({ result_list: [{ point_id: 'p2' }] }),
    );
    const { Wrapper } = createWrapper(testClient());
    const { result, rerender } = renderHook(
      ({ query }) => ({
        knowledge: useKnowledgeSearch({ collection: kb, query, limit: 3 }),
        search: useCollectionSearch({ collection: kb, query }),
      }),
      { wrapper: Wrapper, initialProps: { query: '' } },
    );
    await delay(30);
    expect(counts).toEqual({});
    expect(result.current.knowledge.fetchStatus).toBe('idle');
    rerender({ query: 'revenue' });
    await waitFor(() => expect(result.current.knowledge.data?.items[0]?.pointId).toBe('p1'));
    await waitFor(() => expect(result.current.search.data?.items[0]?.pointId).toBe('p2'));
  });
});

describe('knowledge queries: cancellation and errors', () => {
  it('a changed search aborts the request in flight (React Query signal forwarded)', async () => {
    const signals: AbortSignal[] = [];
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/knowledge/collection/search_knowledge`, async ({ request }) => {
        signals.push(request.signal);
        await delay(150);
        return HttpResponse.json(ok({ result_list: [] }));
      }),
    );
    const { Wrapper } = createWrapper(testClient());
    const { result, rerender } = renderHook(({ query }) => useKnowledgeSearch({ collection: kb, query }), {
      wrapper: Wrapper,
      initialProps: { query: 'first' },
    });
    await waitFor(() => expect(signals).toHaveLength(1));
    rerender({ query: 'second' });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(signals).toHaveLength(2);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
  });

  it('a missing document is an error with the knowledge code and a hint', async () => {
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/knowledge/doc/info`, () =>
        HttpResponse.json({ code: 1001001, message: 'doc not exist', request_id: 'r404' }, { status: 404 }),
      ),
    );
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(() => useDoc({ collection: kb, docId: 'gone' }), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ code: 1001001, status: 404, requestId: 'r404' });
    expect((result.current.error as { hint?: string }).hint).toBeTruthy();
  });
});

describe('knowledge mutation hooks invalidate exactly what they change', () => {
  function kbServer() {
    let docs = [{ doc_id: 'd1' }, { doc_id: 'd2' }];
    const counts = knowledgeServer((path, body) => {
      if (path === 'doc/list') return ok({ doc_list: docs, count: docs.length });
      if (path === 'doc/info') return ok({ doc_id: body['doc_id'], status: { process_status: 0 } });
      if (path === 'point/list') return ok({ point_list: [{ point_id: 'p1' }] });
      if (path === 'point/info') return ok({ point_id: body['point_id'] });
      if (path === 'collection/search_knowledge') return ok({ result_list: [] });
      if (path === 'doc/delete') {
        docs = docs.filter((d) => d.doc_id !== body['doc_id']);
        return ok({});
      }
      if (path === 'service/rerank') return ok({ scores: [0.5] });
      return ok({ doc_id: 'new', point_id: 'p-new' });
    });
    return { counts };
  }

  function renderAll() {
    const { Wrapper, queryClient } = createWrapper(testClient());
    const rendered = renderHook(
      () => ({
        docs: useDocs({ collection: kb }),
        doc: useDoc({ collection: kb, docId: 'd1' }),
        points: usePoints({ collection: kb }),
        point: usePoint({ collection: kb, pointId: 'p1' }),
        search: useKnowledgeSearch({ collection: kb, query: 'q' }),
        addDoc: useAddDoc(kb),
        updateDoc: useUpdateDoc(kb),
        updateMeta: useUpdateDocMeta(kb),
        deleteDoc: useDeleteDoc(kb),
        addPoint: useAddPoint(kb),
        updatePoint: useUpdatePoint(kb),
        deletePoint: useDeletePoint(kb),
        rerank: useKnowledgeRerank(),
      }),
      { wrapper: Wrapper },
    );
    return { ...rendered, queryClient };
  }

  async function settled(result: ReturnType<typeof renderAll>['result']) {
    await waitFor(() => {
      for (const key of ['docs', 'doc', 'points', 'point', 'search'] as const) {
        expect(result.current[key].isSuccess).toBe(true);
        expect(result.current[key].isFetching).toBe(false);
      }
    });
  }

  /** Runs `mutate` and returns which list/info endpoints were fetched again. */
  async function refetchedBy(
    server: ReturnType<typeof kbServer>,
    result: ReturnType<typeof renderAll>['result'],
    mutate: () => Promise<unknown>,
  ) {
    await settled(result);
    const before = { ...server.counts };
    await act(mutate);
    await settled(result);
    const reads = ['doc/list', 'doc/info', 'point/list', 'point/info', 'collection/search_knowledge'];
    return reads.filter((path) => (server.counts[path] ?? 0) > (before[path] ?? 0));
  }

  it('add doc → doc lists; rename → lists, that doc, points, search; tags → lists, doc, search', async () => {
    const s = kbServer();
    const { result } = renderAll();
    expect(await refetchedBy(s, result, () => result.current.addDoc.mutateAsync({ params: { docName: 'n' } }))).toEqual(
      ['doc/list'],
    );
    expect(
      await refetchedBy(s, result, () =>
        result.current.updateDoc.mutateAsync({ params: { docId: 'd1', docName: 'x' } }),
      ),
    ).toEqual(['doc/list', 'doc/info', 'point/list', 'point/info', 'collection/search_knowledge']);
    expect(
      await refetchedBy(s, result, () =>
        result.current.updateMeta.mutateAsync({ params: { docId: 'd1', meta: [{ fieldName: 'a', fieldValue: 1 }] } }),
      ),
    ).toEqual(['doc/list', 'doc/info', 'collection/search_knowledge']);
  });

  it('point writes → point lists (+ that point), its doc on add, search; rerank changes nothing', async () => {
    const s = kbServer();
    const { result } = renderAll();
    expect(
      await refetchedBy(s, result, () =>
        result.current.addPoint.mutateAsync({ params: { docId: 'd1', chunkType: 'text', content: 'c' } }),
      ),
    ).toEqual(['doc/info', 'point/list', 'collection/search_knowledge']);
    expect(
      await refetchedBy(s, result, () =>
        result.current.updatePoint.mutateAsync({ params: { pointId: 'p1', content: 'new' } }),
      ),
    ).toEqual(['point/list', 'point/info', 'collection/search_knowledge']);
    expect(
      await refetchedBy(s, result, () => result.current.rerank.mutateAsync({ params: { datas: [{ query: 'q' }] } })),
    ).toEqual([]);
    expect(result.current.rerank.data?.scores).toEqual([0.5]);
  });

  it('delete doc leaves cached lists at once, and comes back when the service refuses', async () => {
    kbServer();
    const { result } = renderAll();
    await settled(result);
    server.use(
      http.post(`${HOOKS_BASE_URL}/api/knowledge/doc/delete`, async () => {
        await delay(80);
        return HttpResponse.json({ code: 1000028, message: 'refused' }, { status: 400 });
      }),
    );
    let mutation!: Promise<unknown>;
    act(() => {
      mutation = result.current.deleteDoc.mutateAsync({ params: 'd1' }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.docs.data?.items.map((d) => d.docId)).toEqual(['d2']));
    await act(() => mutation);
    await waitFor(() => expect(result.current.docs.data?.items.map((d) => d.docId)).toEqual(['d1', 'd2']));
    expect(result.current.deleteDoc.error).toMatchObject({ code: 1000028 });
  });

  it('delete doc that succeeds: gone from the list after the refetch; delete point drops its query', async () => {
    const s = kbServer();
    const { result, queryClient } = renderAll();
    await settled(result);
    await act(() => result.current.deleteDoc.mutateAsync({ params: 'd2' }));
    await waitFor(() => expect(result.current.docs.data?.items.map((d) => d.docId)).toEqual(['d1']));
    expect(s.counts['doc/delete']).toBe(1);
    const mutation = result.current.deletePoint;
    await act(() => mutation.mutateAsync({ params: 'p-other' }));
    expect(queryClient.getQueryData(vikingKeys.knowledge.point(kb, 'p-other'))).toBeUndefined();
  });
});
