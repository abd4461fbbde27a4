import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  useAddEvent,
  useAddProfile,
  useAddSession,
  useBatchDeleteEvents,
  useBatchDeleteProfiles,
  useDeleteEvent,
  useDeleteProfile,
  useTriggerProfileUpdate,
  useUpdateEvent,
  useUpdateProfile,
  useDelete,
  useDeleteDoc,
  useDeletePoint,
  useUpdate,
  useUpdateDoc,
  useUpdateDocMeta,
  useUpdatePoint,
  useUpsert,
} from '../../../src/hooks/index';
import { createWrapper, HOOKS_BASE_URL, testClient } from '../../support/hooksHarness';
import { startMswServer } from '../../support/mswServer';

const server = startMswServer();

/** Answers every vector, memory and knowledge call with success and records the bodies sent, by path. */
function recordBodies() {
  const bodies: Array<{ path: string; body: unknown }> = [];
  server.use(
    http.post(`${HOOKS_BASE_URL}/api/*`, async ({ request }) => {
      const path = new URL(request.url).pathname;
      bodies.push({ path, body: await request.json() });
      return path.startsWith('/api/vikingdb/')
        ? HttpResponse.json({ code: 'Success', message: 'The API call was executed successfully.', request_id: 'r' })
        : HttpResponse.json({ code: 0, message: 'success', request_id: 'r', data: {} });
    }),
  );
  return bodies;
}

function renderMutations() {
  const { Wrapper } = createWrapper(testClient());
  return renderHook(
    () => ({
      upsert: useUpsert({ collection: 'books' }),
      update: useUpdate({ collection: 'books' }),
      remove: useDelete({ collection: 'books' }),
      addEvent: useAddEvent('mem'),
      updateDoc: useUpdateDoc('kb'),
      updateDocMeta: useUpdateDocMeta('kb'),
      deleteDoc: useDeleteDoc('kb'),
      updatePoint: useUpdatePoint('kb'),
      deletePoint: useDeletePoint('kb'),
    }),
    { wrapper: Wrapper },
  ).result;
}

describe('mutation variables: { params, options? } everywhere', () => {
  it('params is the client method’s first argument, options its options', async () => {
    const bodies = recordBodies();
    const result = renderMutations();
    await act(async () => {
      await result.current.upsert.mutateAsync({ params: [{ id: 1, title: 'a' }], options: { ttl: 60 } });
      await result.current.update.mutateAsync({ params: [{ id: 1, title: 'b' }] });
      await result.current.remove.mutateAsync({ params: { ids: [1] } });
      await result.current.addEvent.mutateAsync({
        params: { eventType: 'event_v1', memoryInfo: { summary: 's' }, userId: 'u' },
      });
      await result.current.updateDoc.mutateAsync({ params: { docId: 'd1', docName: 'New name' } });
      await result.current.updateDocMeta.mutateAsync({
        params: { docId: 'd1', meta: [{ fieldName: 'a', fieldValue: 1 }] },
      });
      await result.current.deleteDoc.mutateAsync({ params: 'd1' });
      await result.current.updatePoint.mutateAsync({ params: { pointId: 'p1', content: 'changed' } });
      await result.current.deletePoint.mutateAsync({ params: 'p1' });
    });
    expect(bodies).toEqual([
      { path: '/api/vikingdb/data/upsert', body: { collection_name: 'books', data: [{ id: 1, title: 'a' }], ttl: 60 } },
      { path: '/api/vikingdb/data/update', body: { collection_name: 'books', data: [{ id: 1, title: 'b' }] } },
      { path: '/api/vikingdb/data/delete', body: { collection_name: 'books', ids: [1] } },
      {
        path: '/api/memory/event/add',
        body: {
          event_type: 'event_v1',
          memory_info: { summary: 's' },
          user_id: 'u',
          collection_name: 'mem',
          project_name: 'default',
        },
      },
      { path: '/api/knowledge/doc/update', body: { collection_name: 'kb', doc_id: 'd1', doc_name: 'New name' } },
      {
        path: '/api/knowledge/doc/update_meta',
        body: { collection_name: 'kb', doc_id: 'd1', meta: [{ field_name: 'a', field_value: 1 }] },
      },
      { path: '/api/knowledge/doc/delete', body: { collection_name: 'kb', doc_id: 'd1' } },
      { path: '/api/knowledge/point/update', body: { collection_name: 'kb', point_id: 'p1', content: 'changed' } },
      { path: '/api/knowledge/point/delete', body: { collection_name: 'kb', point_id: 'p1' } },
    ]);
  });

  it('the earlier shapes ({ rows }, { target }, { docId, … }, { pointId, params }) send exactly the same bodies', async () => {
    const current = recordBodies();
    const result = renderMutations();
    await act(async () => {
      await result.current.upsert.mutateAsync({ params: [{ id: 2 }], options: { ttl: 5 } });
      await result.current.update.mutateAsync({ params: [{ id: 2, title: 't' }] });
      await result.current.remove.mutateAsync({ params: { all: true } });
      await result.current.updateDoc.mutateAsync({
        params: { docId: 'd2', docName: 'n' },
        options: { requestId: 'x' },
      });
      await result.current.updateDocMeta.mutateAsync({ params: { docId: 'd2', meta: [] } });
      await result.current.deleteDoc.mutateAsync({ params: 'd2' });
      await result.current.updatePoint.mutateAsync({ params: { pointId: 'p2', chunkTitle: 'T', content: 'c' } });
      await result.current.deletePoint.mutateAsync({ params: 'p2' });
    });
    const sent = current.splice(0);
    expect(sent).toHaveLength(8);
    await act(async () => {
      await result.current.upsert.mutateAsync({ rows: [{ id: 2 }], options: { ttl: 5 } });
      await result.current.update.mutateAsync({ rows: [{ id: 2, title: 't' }] });
      await result.current.remove.mutateAsync({ target: { all: true } });
      await result.current.updateDoc.mutateAsync({ docId: 'd2', docName: 'n', options: { requestId: 'x' } });
      await result.current.updateDocMeta.mutateAsync({ docId: 'd2', meta: [] });
      await result.current.deleteDoc.mutateAsync({ docId: 'd2' });
      await result.current.updatePoint.mutateAsync({ pointId: 'p2', params: { chunkTitle: 'T', content: 'c' } });
      await result.current.deletePoint.mutateAsync({ pointId: 'p2' });
    });
    expect(current).toEqual(sent);
  });

  it('every memory mutation takes the memory call’s params as `params`', async () => {
    const bodies = recordBodies();
    const { Wrapper } = createWrapper(testClient());
    const { result } = renderHook(
      () => ({
        addSession: useAddSession('mem'),
        updateEvent: useUpdateEvent('mem'),
        deleteEvent: useDeleteEvent('mem'),
        batchDeleteEvents: useBatchDeleteEvents('mem'),
        addProfile: useAddProfile('mem'),
        updateProfile: useUpdateProfile('mem'),
        deleteProfile: useDeleteProfile('mem'),
        batchDeleteProfiles: useBatchDeleteProfiles('mem'),
        triggerProfileUpdate: useTriggerProfileUpdate('mem'),
      }),
      { wrapper: Wrapper },
    );
    await act(async () => {
      const m = result.current;
      await m.addSession.mutateAsync({ params: { sessionId: 's', messages: [{ role: 'user', content: 'hi' }] } });
      await m.updateEvent.mutateAsync({ params: { eventId: 'e1', memoryInfo: { a: 1 } } });
      await m.deleteEvent.mutateAsync({ params: 'e1' });
      await m.batchDeleteEvents.mutateAsync({ params: { filter: { userId: 'u' } } });
      await m.addProfile.mutateAsync({ params: { profileType: 'p', memoryInfo: {}, userId: 'u' } });
      await m.updateProfile.mutateAsync({ params: { profileId: 'p1', memoryInfo: { a: 2 } } });
      await m.deleteProfile.mutateAsync({ params: 'p1' });
      await m.batchDeleteProfiles.mutateAsync({ params: { filter: { userId: 'u' } } });
      await m.triggerProfileUpdate.mutateAsync({ params: { updateProfileType: 'p' }, options: { requestId: 'r1' } });
    });
    const where = { collection_name: 'mem', project_name: 'default' };
    expect(bodies).toEqual([
      {
        path: '/api/memory/session/add',
        body: { session_id: 's', messages: [{ role: 'user', content: 'hi' }], ...where },
      },
      { path: '/api/memory/event/update', body: { event_id: 'e1', memory_info: { a: 1 }, ...where } },
      { path: '/api/memory/event/delete', body: { event_id: 'e1', ...where } },
      { path: '/api/memory/event/batch_delete', body: { filter: { user_id: 'u' }, ...where } },
      {
        path: '/api/memory/profile/add',
        body: { is_upsert: false, profile_type: 'p', memory_info: {}, user_id: 'u', ...where },
      },
      { path: '/api/memory/profile/update', body: { profile_id: 'p1', memory_info: { a: 2 }, ...where } },
      { path: '/api/memory/profile/delete', body: { profile_id: 'p1', ...where } },
      { path: '/api/memory/profile/batch_delete', body: { filter: { user_id: 'u' }, ...where } },
      { path: '/api/memory/profile/trigger_update', body: { update_profile_type: 'p', ...where } },
    ]);
  });
});
