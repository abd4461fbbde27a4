/** Every memory endpoint (api doc §4.1, 15 paths incl. ping) and its errors, through the kit's client over HTTP. */
import { describe, expect, it } from 'vitest';
import { HttpError, NotFoundError } from '../../../src/client/index.node';
import { callWire, memorySnapshot, raw, rejection, serverForThisFile } from './harness';
import {
  MEMORY_ADD_EVENT,
  MEMORY_ADD_PROFILE,
  MEMORY_ADD_SESSION,
  MEMORY_BATCH_DELETE_EVENTS,
  MEMORY_BATCH_DELETE_PROFILES,
  MEMORY_SEARCH,
  MEMORY_SEARCH_EVENTS,
  MEMORY_SEARCH_PROFILES,
  MEMORY_TRIGGER_PROFILE_UPDATE,
  MEMORY_UPDATE_EVENT,
} from '../../../src/client/endpoints';

const fx = serverForThisFile();
const LOC = { collection_name: 'sdk_test', project_name: 'default' };
const T0 = Date.UTC(2025, 0, 1);
const mem = () => fx.client.memory.collection('sdk_test');

describe('memory endpoints through the client', () => {
  it('ping (GET /api/memory/ping) answers 200 with a numeric code', async () => {
    const ping = await fx.client.memory.ping();
    expect(ping.status).toBe(200);
    const body = await raw(fx.url, '/api/memory/ping', undefined, { method: 'GET' });
    expect(body.body).toMatchObject({ code: 0 });
  });

  it('session/add then session/info; the session is searchable at once', async () => {
    const added = await mem().addSession({
      sessionId: 's-1',
      messages: [
        { role: 'user', content: 'My name is Li. I live in Hangzhou and I like hiking when it is sunny.' },
        { role: 'assistant', content: 'Sunny today, 22 degrees — a good day for a hike.' },
      ],
      metadata: { defaultUserId: 'u1', defaultAssistantId: 'a1', time: T0 },
    });
    expect(added.sessionId).toBe('s-1');
    expect(added.data['event_ids']).toHaveLength(1);
    expect(added.data['profile_ids']).toHaveLength(1);

    const info = await mem().sessionInfo('s-1');
    expect(info.messages).toHaveLength(2);
    expect(info.metadata).toMatchObject({ defaultUserId: 'u1', defaultAssistantId: 'a1', time: T0 });

    const found = await mem().search({ query: 'hiking sunny', filter: { userId: 'u1' }, limit: 5 });
    expect(found.count).toBeGreaterThanOrEqual(2);
    const types = found.items.map((i) => i.memoryType).sort();
    expect(types).toEqual(['event_v1', 'profile_v1']);
    const profile = found.items.find((i) => i.memoryType === 'profile_v1')!;
    expect(profile.memoryInfo['user_profile']).toMatch(/Name: Li.*Location: Hangzhou.*Likes: hiking/);
  });

  it('session/add as the service takes it: no session id, multi-part content, any role, per-message keys', async () => {
    const parts = [
      { type: 'text' as const, text: 'I live in Suzhou.' },
      { type: 'image_url' as const, image_url: { url: 'https://example.com/garden.png' } },
    ];
    const added = await mem().addSession({
      messages: [
        { role: 'user', content: parts, roleId: 'u9', roleName: 'Mei', time: T0 },
        { role: 'tool', content: 'weather looked up' },
      ],
      metadata: { defaultUserId: 'u9', defaultAssistantId: 'a1' },
    });
    expect(added.sessionId).toMatch(/^sess_/);
    const info = await mem().sessionInfo(added.sessionId);
    expect(info.messages).toEqual([
      { role: 'user', content: 'I live in Suzhou.', parts, roleId: 'u9', roleName: 'Mei', time: T0 },
      { role: 'tool', content: 'weather looked up' },
    ]);
    const found = await mem().profiles.search({ filter: { userId: 'u9' } });
    expect(found.items[0]!.memoryInfo['user_profile']).toMatch(/Location: Suzhou/);
  });

  it('event add / update / search / delete / batch_delete', async () => {
    const events = mem().events;
    const added = await events.add({
      eventType: 'event_v1',
      memoryInfo: { summary: 'Booked a flight to Tokyo' },
      userId: 'u2',
      assistantId: 'a1',
    });
    expect(added.eventId).toMatch(/^evt_/);
    await events.update({ eventId: added.eventId!, memoryInfo: { summary: 'Booked and paid a flight to Tokyo' } });
    const searched = await events.search({
      query: 'flight Tokyo',
      filter: { userId: 'u2' },
      timeDecayConfig: { enable: true },
    });
    expect(searched.items[0]).toMatchObject({
      id: added.eventId,
      memoryInfo: { summary: 'Booked and paid a flight to Tokyo' },
    });
    expect(searched.items[0]!.score).toBeGreaterThan(0);

    const deleted = await events.delete(added.eventId!);
    expect(deleted.data).toEqual({ event_id: added.eventId });
    expect((await events.search({ filter: { userId: 'u2' } })).count).toBe(0);

    await events.add({ eventType: 'event_v1', memoryInfo: { summary: 'one' }, userId: 'u3' });
    await events.add({ eventType: 'event_v1', memoryInfo: { summary: 'two' }, userId: 'u3' });
    const batch = await events.batchDelete({ filter: { eventType: 'event_v1', userId: 'u3' } });
    expect(batch.data).toEqual({ deleted_count: 2 });
    expect((await events.search({ filter: { userId: 'u3' } })).count).toBe(0);
  });

  it('profile add / update / search / trigger_update / delete / batch_delete', async () => {
    const profiles = mem().profiles;
    const added = await profiles.add({
      profileType: 'profile_v1',
      memoryInfo: { user_profile: 'Likes tea' },
      userId: 'u4',
    });
    expect(added.profileId).toMatch(/^prof_/);
    const upserted = await profiles.add({
      profileType: 'profile_v1',
      memoryInfo: { user_profile: 'Likes green tea' },
      userId: 'u4',
      isUpsert: true,
    });
    expect(upserted.profileId).toBe(added.profileId);
    await profiles.update({ profileId: added.profileId!, memoryInfo: { note: 'extra' } });
    const searched = await profiles.search({ filter: { userId: 'u4', memoryType: ['profile_v1'] } });
    expect(searched.items).toHaveLength(1);
    expect(searched.items[0]!.memoryInfo).toEqual({ user_profile: 'Likes green tea', note: 'extra' });

    const triggered = await profiles.triggerUpdate({ updateProfileType: 'profile_v1', filters: { user_id: 'u1' } });
    expect(triggered.data['profile_ids']).toHaveLength(1);

    expect((await profiles.delete(added.profileId!)).data).toEqual({ profile_id: added.profileId });
    await profiles.add({ profileType: 'profile_v1', memoryInfo: { user_profile: 'x' }, userId: 'u5' });
    const batch = await profiles.batchDelete({ filter: { userId: 'u5' } });
    expect(batch.data).toEqual({ deleted_count: 1 });
    expect((await profiles.search({ filter: { userId: 'u5' } })).count).toBe(0);
  });

  it('search without a query returns the newest matches; time filters bound events', async () => {
    await mem().events.add({ eventType: 'event_v1', memoryInfo: { summary: 'newest' }, userId: 'u6' });
    const all = await mem().search({ filter: { userId: 'u6' } });
    expect(all.items[0]!.memoryInfo).toEqual({ summary: 'newest' });
    const old = await mem().search({
      filter: { userId: 'u1', startTime: T0 - 1000, endTime: T0 + 1000, memoryType: ['event_v1'] },
    });
    expect(old.count).toBe(1);
    const none = await mem().search({ filter: { userId: 'u1', startTime: T0 + 1, memoryType: ['event_v1'] } });
    expect(none.count).toBe(0);
  });
});

describe('memory errors (numeric codes), rejected writes change nothing', () => {
  async function unchanged(run: () => Promise<void>): Promise<void> {
    const before = await memorySnapshot(fx.url, 'sdk_test');
    const session = await raw(fx.url, '/api/memory/session/info', { ...LOC, session_id: 's-1' });
    await run();
    expect(await memorySnapshot(fx.url, 'sdk_test')).toEqual(before);
    expect((await raw(fx.url, '/api/memory/session/info', { ...LOC, session_id: 's-1' })).body.data).toEqual(
      session.body.data,
    );
  }

  it('unknown collection → 404 code 1000005', async () => {
    const missing = fx.client.memory.collection('no_such_memory');
    const error = await rejection(missing.search({ query: 'x' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 1000005 });
    await unchanged(async () => {
      await expect(missing.events.add({ eventType: 'event_v1', memoryInfo: {} })).rejects.toMatchObject({
        code: 1000005,
      });
      const other = fx.client.memory.collection({ collection_name: 'sdk_test', project_name: 'elsewhere' });
      await expect(
        other.addSession({ sessionId: 'x', messages: [{ role: 'user', content: 'hi' }] }),
      ).rejects.toMatchObject({ code: 1000005 });
    });
  });

  it('unknown ids → 404 code 1000011', async () => {
    await unchanged(async () => {
      await expect(mem().sessionInfo('no-session')).rejects.toMatchObject({ status: 404, code: 1000011 });
      await expect(mem().events.update({ eventId: 'evt_nope', memoryInfo: { summary: 'x' } })).rejects.toMatchObject({
        code: 1000011,
      });
      await expect(mem().events.delete('evt_nope')).rejects.toMatchObject({ code: 1000011 });
      await expect(mem().profiles.update({ profileId: 'prof_nope', memoryInfo: {} })).rejects.toMatchObject({
        code: 1000011,
      });
      await expect(mem().profiles.delete('prof_nope')).rejects.toMatchObject({ code: 1000011 });
    });
  });

  it.each([
    ['bad JSON', MEMORY_ADD_SESSION, '{"session_id": ', 'not valid JSON'],
    [
      'session/add with an empty session_id',
      MEMORY_ADD_SESSION,
      { ...LOC, session_id: '', messages: [] },
      'session_id',
    ],
    [
      'session/add with a role that is not a name',
      MEMORY_ADD_SESSION,
      { ...LOC, session_id: 'z', messages: [{ role: 7, content: 'x' }] },
      'messages[0].role',
    ],
    [
      'session/add with a part without a type',
      MEMORY_ADD_SESSION,
      { ...LOC, session_id: 'z', messages: [{ role: 'user', content: [{ text: 'x' }] }] },
      'messages[0].content[0]',
    ],
    ['session/add with messages an object', MEMORY_ADD_SESSION, { ...LOC, session_id: 'z', messages: {} }, 'messages'],
    [
      'session/add with metadata.time a string',
      MEMORY_ADD_SESSION,
      { ...LOC, session_id: 'z', messages: [], metadata: { time: 'now' } },
      'metadata.time',
    ],
    ['event/add with an unknown type', MEMORY_ADD_EVENT, { ...LOC, event_type: 'nope', memory_info: {} }, 'event_type'],
    ['event/add without memory_info', MEMORY_ADD_EVENT, { ...LOC, event_type: 'event_v1' }, 'memory_info'],
    [
      'event/add with summary a number',
      MEMORY_ADD_EVENT,
      { ...LOC, event_type: 'event_v1', memory_info: { summary: 1 } },
      'memory_info.summary',
    ],
    ['event/update without event_id', MEMORY_UPDATE_EVENT, { ...LOC, memory_info: {} }, 'event_id'],
    [
      'event/batch_delete with a bad delete_type',
      MEMORY_BATCH_DELETE_EVENTS,
      { ...LOC, delete_type: 'some' },
      'delete_type',
    ],
    [
      'event/batch_delete with user_id a number',
      MEMORY_BATCH_DELETE_EVENTS,
      { ...LOC, filter: { user_id: 5 } },
      'filter.user_id',
    ],
    [
      'profile/add with is_upsert a string',
      MEMORY_ADD_PROFILE,
      { ...LOC, profile_type: 'profile_v1', memory_info: {}, is_upsert: 'yes' },
      'is_upsert',
    ],
    ['profile/batch_delete with filter a list', MEMORY_BATCH_DELETE_PROFILES, { ...LOC, filter: [] }, 'filter'],
    [
      'profile/trigger_update with an unknown type',
      MEMORY_TRIGGER_PROFILE_UPDATE,
      { ...LOC, update_profile_type: ['nope'] },
      'update_profile_type[0]',
    ],
    ['search with limit 0', MEMORY_SEARCH, { ...LOC, limit: 0 }, 'limit'],
    ['search with an unknown memory_type', MEMORY_SEARCH, { ...LOC, filter: { memory_type: ['nope'] } }, 'memory_type'],
    [
      'event/search with start_time a string',
      MEMORY_SEARCH_EVENTS,
      { ...LOC, filter: { start_time: 'yesterday' } },
      'filter.start_time',
    ],
    ['profile/search with query a number', MEMORY_SEARCH_PROFILES, { ...LOC, query: 5 }, 'query'],
    ['without a locator', MEMORY_SEARCH, { query: 'x' }, 'collection_name'],
  ])('%s → 400 code 1000003 naming %s, nothing changed', async (_label, endpoint, body, path) => {
    await unchanged(async () => {
      const error =
        typeof body === 'string'
          ? await raw(fx.url, endpoint.path, body).then((answer) => ({
              status: answer.status,
              code: answer.body.code,
              serviceMessage: answer.body.message,
            }))
          : await rejection(callWire(fx.client, endpoint, body));
      if (typeof body !== 'string') expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ status: 400, code: 1000003 });
      expect(error['serviceMessage']).toContain(path);
    });
  });
});
