import { describe, expect, it } from 'vitest';
import { aksk, createVikingClient } from '../../../../src/client/index.node';
import { answerOnce } from '../../../support/recordCall';
import { startMswServer } from '../../../support/mswServer';

const server = startMswServer();
const client = createVikingClient({
  baseUrl: 'http://vikingdb.test',
  auth: aksk({ accessKeyId: 'AKLTmem', secretAccessKey: 'mem-secret' }),
});
const ok = (data: unknown, request_id = 'r1') => ({ code: 0, message: 'success', request_id, data });
const sdkTest = client.memory.collection('sdk_test');
const c = client.memory.collection({ collection_name: 'c', project_name: 'default' });

function expectSignedPost(call: { method: string; headers: Headers } | undefined) {
  expect(call?.method).toBe('POST');
  expect(call?.headers.get('authorization')).toMatch(
    /^HMAC-SHA256 Credential=AKLTmem\/\d{8}\/cn-beijing\/air\/request, /,
  );
}

describe('memory API: each endpoint sends the api doc request and parses its response', () => {
  it('session/add', async () => {
    const calls = answerOnce(server, '/api/memory/session/add', ok({ session_id: 'session_001' }));
    const result = await sdkTest.addSession({
      sessionId: 'session_001',
      messages: [
        { role: 'user', content: 'Hello, how is the weather today?' },
        { role: 'assistant', content: 'Today is sunny with a temperature of 22 degrees.' },
      ],
      metadata: {
        defaultUserId: 'user_3',
        defaultUserName: 'Li',
        defaultAssistantId: '111',
        defaultAssistantName: 'Smart Assistant',
        time: 1735689600000,
      },
    });
    expectSignedPost(calls[0]);
    expect(calls[0]!.body).toEqual({
      session_id: 'session_001',
      messages: [
        { role: 'user', content: 'Hello, how is the weather today?' },
        { role: 'assistant', content: 'Today is sunny with a temperature of 22 degrees.' },
      ],
      collection_name: 'sdk_test',
      project_name: 'default',
      metadata: {
        default_user_id: 'user_3',
        default_user_name: 'Li',
        default_assistant_id: '111',
        default_assistant_name: 'Smart Assistant',
        time: 1735689600000,
      },
    });
    expect(result).toMatchObject({ sessionId: 'session_001', requestId: 'r1' });
  });

  it('session/info', async () => {
    const calls = answerOnce(
      server,
      '/api/memory/session/info',
      ok(
        {
          session_id: 'session_001',
          messages: [{ role: 'user', content: 'hi' }],
          metadata: { default_user_id: 'user_3', time: 1 },
        },
        'r2',
      ),
    );
    const info = await sdkTest.sessionInfo('session_001');
    expect(calls[0]!.body).toEqual({ session_id: 'session_001', collection_name: 'sdk_test', project_name: 'default' });
    expect(info).toMatchObject({
      sessionId: 'session_001',
      messages: [{ role: 'user', content: 'hi' }],
      metadata: { defaultUserId: 'user_3', time: 1 },
      requestId: 'r2',
    });
  });

  it('search', async () => {
    const calls = answerOnce(
      server,
      '/api/memory/search',
      ok(
        {
          count: 1,
          result_list: [
            {
              id: 'evt_1',
              memory_type: 'event_v1',
              user_id: 'user_3',
              assistant_id: '111',
              memory_info: { summary: 'User asked about weather' },
              score: 0.82,
              time: 1735689600000,
              extra: 'kept',
            },
          ],
        },
        'r3',
      ),
    );
    const result = await sdkTest.search({
      query: 'how is the weather today',
      filter: {
        userId: 'user_3',
        assistantId: '111',
        memoryType: ['event_v1'],
        startTime: 1735603200000,
        endTime: 1735689600000,
      },
      limit: 10,
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'sdk_test',
      project_name: 'default',
      query: 'how is the weather today',
      filter: {
        user_id: 'user_3',
        assistant_id: '111',
        memory_type: ['event_v1'],
        start_time: 1735603200000,
        end_time: 1735689600000,
      },
      limit: 10,
    });
    expect(result.count).toBe(1);
    expect(result.items[0]).toMatchObject({
      id: 'evt_1',
      memoryType: 'event_v1',
      userId: 'user_3',
      assistantId: '111',
      memoryInfo: { summary: 'User asked about weather' },
      score: 0.82,
      time: 1735689600000,
    });
    expect(result.items[0]!.raw['extra']).toBe('kept');
  });

  it('event/search with time decay', async () => {
    const calls = answerOnce(server, '/api/memory/event/search', ok({ count: 0, result_list: [] }));
    await c.events.search({
      query: 'dinner sleep',
      filter: { userId: 'u1', assistantId: 'a1', memoryType: ['event_v1'] },
      timeDecayConfig: { enable: true },
      limit: 5,
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'c',
      project_name: 'default',
      query: 'dinner sleep',
      filter: { user_id: 'u1', assistant_id: 'a1', memory_type: ['event_v1'] },
      time_decay_config: { enable: true },
      limit: 5,
    });
  });

  it('profile/search without a query', async () => {
    const calls = answerOnce(server, '/api/memory/profile/search', ok({ count: 0, result_list: [] }));
    const result = await c.profiles.search({
      filter: { userId: 'u1', assistantId: 'a1', memoryType: ['profile_v1'] },
      limit: 5,
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'c',
      project_name: 'default',
      filter: { user_id: 'u1', assistant_id: 'a1', memory_type: ['profile_v1'] },
      limit: 5,
    });
    expect(result.items).toEqual([]);
  });

  it('profile/add (is_upsert always sent)', async () => {
    const calls = answerOnce(server, '/api/memory/profile/add', ok({ profile_id: 'prof_1' }, 'r4'));
    const result = await c.profiles.add({
      profileType: 'profile_v1',
      memoryInfo: { user_profile: 'Likes hiking' },
      userId: 'u1',
      assistantId: 'a1',
    });
    expect(calls[0]!.body).toEqual({
      profile_type: 'profile_v1',
      memory_info: { user_profile: 'Likes hiking' },
      is_upsert: false,
      collection_name: 'c',
      project_name: 'default',
      user_id: 'u1',
      assistant_id: 'a1',
    });
    expect(result.profileId).toBe('prof_1');
  });

  it('profile/update', async () => {
    const calls = answerOnce(server, '/api/memory/profile/update', ok({}));
    await c.profiles.update({ profileId: 'prof_1', memoryInfo: { user_profile: 'Likes hiking and swimming' } });
    expect(calls[0]!.body).toEqual({
      profile_id: 'prof_1',
      memory_info: { user_profile: 'Likes hiking and swimming' },
      collection_name: 'c',
      project_name: 'default',
    });
  });

  it('profile/delete', async () => {
    const calls = answerOnce(server, '/api/memory/profile/delete', ok({}));
    await c.profiles.delete('prof_1');
    expect(calls[0]!.body).toEqual({ profile_id: 'prof_1', collection_name: 'c', project_name: 'default' });
  });

  it('profile/batch_delete', async () => {
    const calls = answerOnce(server, '/api/memory/profile/batch_delete', ok({}));
    await c.profiles.batchDelete({ filter: { profileType: 'profile_v1', userId: 'u1' } });
    expect(calls[0]!.body).toEqual({
      collection_name: 'c',
      project_name: 'default',
      filter: { profile_type: 'profile_v1', user_id: 'u1' },
    });
  });

  it('profile/trigger_update (plural filters)', async () => {
    const calls = answerOnce(server, '/api/memory/profile/trigger_update', ok({}));
    await c.profiles.triggerUpdate({
      updateProfileType: ['profile_v1'],
      filters: { userId: 'u1', endTime: 1735689600000 },
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'c',
      project_name: 'default',
      update_profile_type: ['profile_v1'],
      filters: { user_id: 'u1', end_time: 1735689600000 },
    });
  });

  it('event/add', async () => {
    const calls = answerOnce(server, '/api/memory/event/add', ok({ event_id: 'evt_9' }, 'r5'));
    const result = await c.events.add({
      eventType: 'event_v1',
      memoryInfo: { summary: 'Booked a flight' },
      userId: 'u1',
      assistantId: 'a1',
    });
    expect(calls[0]!.body).toEqual({
      event_type: 'event_v1',
      memory_info: { summary: 'Booked a flight' },
      collection_name: 'c',
      project_name: 'default',
      user_id: 'u1',
      assistant_id: 'a1',
    });
    expect(result.eventId).toBe('evt_9');
  });

  it('event/update', async () => {
    const calls = answerOnce(server, '/api/memory/event/update', ok({}));
    await c.events.update({ eventId: 'evt_9', memoryInfo: { summary: 'Booked and paid a flight' } });
    expect(calls[0]!.body).toEqual({
      event_id: 'evt_9',
      memory_info: { summary: 'Booked and paid a flight' },
      collection_name: 'c',
      project_name: 'default',
    });
  });

  it('event/delete', async () => {
    const calls = answerOnce(server, '/api/memory/event/delete', ok({}));
    await c.events.delete('evt_9');
    expect(calls[0]!.body).toEqual({ event_id: 'evt_9', collection_name: 'c', project_name: 'default' });
  });

  it('event/batch_delete', async () => {
    const calls = answerOnce(server, '/api/memory/event/batch_delete', ok({}));
    await c.events.batchDelete({
      deleteType: 'filter',
      filter: { eventType: 'event_v1', userId: 'u1', startTime: 1735603200000, endTime: 1735689600000 },
    });
    expect(calls[0]!.body).toEqual({
      collection_name: 'c',
      project_name: 'default',
      delete_type: 'filter',
      filter: { event_type: 'event_v1', user_id: 'u1', start_time: 1735603200000, end_time: 1735689600000 },
    });
  });

  it('ping: GET /api/memory/ping, signed', async () => {
    const calls = answerOnce(server, '/api/memory/ping', { code: 0, message: 'pong', request_id: 'p' });
    await client.memory.ping();
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.headers.get('authorization')).toMatch(/\/cn-beijing\/air\/request/);
  });

  it('addresses a collection by resource_id, still sending project_name', async () => {
    const calls = answerOnce(server, '/api/memory/search', ok({ count: 0, result_list: [] }));
    await client.memory.collection({ resource_id: 'mem-9' }).search();
    expect(calls[0]!.body).toEqual({ resource_id: 'mem-9', project_name: 'default' });
  });
});
