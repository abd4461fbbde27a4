import { describe, expect, it } from 'vitest';
import { parseLocalConfig } from '../../../../src/server/local/config/schema';
import { createHarness, type Harness } from './engineHarness';

const M = '/api/memory';
const ON = { collection_name: 'mem', project_name: 'default' };

async function withSession(): Promise<Harness> {
  const h = await createHarness();
  const answer = await h.call(`${M}/session/add`, {
    ...ON,
    session_id: 's1',
    messages: [
      { role: 'user', content: 'Hello, my name is Li. I live in Beijing and I love hiking.' },
      { role: 'assistant', content: 'Nice to meet you, Li!' },
      { role: 'system', content: 'be brief' },
    ],
    metadata: { default_user_id: 'u1', default_assistant_id: 'a1', time: Date.UTC(2025, 0, 1) },
  });
  expect(answer.status).toBe(200);
  return h;
}

describe('memory: sessions and derived memories', () => {
  it('takes any role, multi-part content and per-message keys, and generates a session id when none is given', async () => {
    const h = await createHarness();
    const messages = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'My name is Li.' },
          { type: 'image_url', image_url: { url: 'https://x/cat.png' } },
          { type: 'text', text: 'I love tea.' },
        ],
        role_id: 'u-7',
        role_name: 'Li',
        time: 5,
      },
      { role: 'tool', content: 'lookup done' },
    ];
    const added = await h.call(`${M}/session/add`, {
      ...ON,
      messages,
      metadata: { default_user_id: 'u1', default_assistant_id: 'a1' },
    });
    expect(added.status).toBe(200);
    const sessionId = added.body.data.session_id as string;
    expect(sessionId).toMatch(/^sess_/);
    const info = await h.call(`${M}/session/info`, { ...ON, session_id: sessionId });
    expect(info.body.data.messages).toEqual(messages);
    const events = await h.call(`${M}/event/search`, { ...ON, filter: { user_id: 'u1' } });
    expect(events.body.data.result_list[0].memory_info.summary).toBe('User: My name is Li.\nI love tea.');
    const other = await h.call(`${M}/session/add`, { ...ON, messages: [{ role: 'user', content: 'hi' }] });
    expect(other.body.data.session_id).not.toBe(sessionId);
  });

  it('stores sessions and returns them from session/info with the memory envelope', async () => {
    const h = await withSession();
    const info = await h.call(`${M}/session/info`, { ...ON, session_id: 's1' });
    expect(info.body).toMatchObject({ code: 0, message: 'success', request_id: 'req-2' });
    expect(info.body.data.session_id).toBe('s1');
    expect(info.body.data.messages).toHaveLength(3);
    expect(info.body.data.metadata.default_user_id).toBe('u1');
    await h.call(`${M}/session/add`, {
      ...ON,
      session_id: 's1',
      messages: [{ role: 'user', content: 'I enjoy tea.' }],
    });
    const again = await h.call(`${M}/session/info`, { ...ON, session_id: 's1' });
    expect(again.body.data.messages).toHaveLength(4);
    const missing = await h.call(`${M}/session/info`, { ...ON, session_id: 'nope' });
    expect(missing).toMatchObject({ status: 404, body: { code: 1000011 } });
  });

  it('derives one event and profile facts by the documented rule', async () => {
    const h = await withSession();
    const events = await h.call(`${M}/event/search`, { ...ON, filter: { user_id: 'u1' } });
    expect(events.body.data.count).toBe(1);
    expect(events.body.data.result_list[0]).toMatchObject({
      memory_type: 'event_v1',
      user_id: 'u1',
      assistant_id: 'a1',
      memory_info: { summary: 'User: Hello, my name is Li. I live in Beijing and I love hiking.' },
      time: Date.UTC(2025, 0, 1),
      session_id: 's1',
    });
    await h.call(`${M}/session/add`, {
      ...ON,
      session_id: 's2',
      messages: [{ role: 'user', content: '我喜欢绿茶。I do not like hiking.' }],
      metadata: { default_user_id: 'u1', default_assistant_id: 'a1' },
    });
    const profiles = await h.call(`${M}/profile/search`, {
      ...ON,
      filter: { user_id: 'u1', memory_type: ['profile_v1'] },
    });
    expect(profiles.body.data.count).toBe(1);
    expect(profiles.body.data.result_list[0].memory_info.user_profile).toBe(
      'Name: Li. Location: Beijing. Likes: 绿茶. Dislikes: hiking.',
    );
  });

  it('validates session/add', async () => {
    const h = await createHarness();
    for (const [body, path] of [
      [{ ...ON, session_id: '', messages: [] }, 'session_id'],
      [{ ...ON, session_id: 's', messages: [{ role: 7, content: 'x' }] }, 'messages[0].role'],
      [
        { ...ON, session_id: 's', messages: [{ role: 'user', content: [{ type: 'text' }] }] },
        'messages[0].content[0].text',
      ],
      [{ ...ON, session_id: 's', messages: [{ role: 'user', content: 1 }] }, 'messages[0].content'],
      [{ ...ON, session_id: 's', messages: [], metadata: { time: 'x' } }, 'metadata.time'],
    ] as const) {
      const answer = await h.call(`${M}/session/add`, body);
      expect(answer).toMatchObject({ status: 400, body: { code: 1000003 } });
      expect(answer.body.message).toContain(path);
    }
    expect(h.commits).toHaveLength(0);
    const unknown = await h.call(`${M}/session/add`, { collection_name: 'nope', session_id: 's', messages: [] });
    expect(unknown).toMatchObject({ status: 404, body: { code: 1000005 } });
    const wrongProject = await h.call(`${M}/search`, { collection_name: 'mem', project_name: 'p2' });
    expect(wrongProject.body.code).toBe(1000005);
    expect((await h.call(`${M}/search`, { resource_id: 'mem' })).status).toBe(200);
    expect((await h.call(`${M}/search`, {})).body.code).toBe(1000003);
  });
});

describe('memory: events and profiles', () => {
  it('checks typed memory_info fields: int64 whole, in range and exact, with nothing stored on a 400', async () => {
    const config = parseLocalConfig({
      memoryCollections: [
        {
          name: 'mem',
          eventTypes: [
            {
              name: 'counted',
              fields: [
                { name: 'count', type: 'int64' },
                { name: 'ok', type: 'bool' },
              ],
            },
          ],
        },
      ],
    });
    const h = await createHarness({ config });
    const add = (memory_info: Record<string, unknown>) =>
      h.call(`${M}/event/add`, { ...ON, event_type: 'counted', memory_info, user_id: 'u1' });
    expect((await add({ count: 3, ok: true })).status).toBe(200);
    for (const [count, message] of [
      [1.5, /int64/],
      ['9007199254740993', /2\^53/],
      [2 ** 63, /outside the int64 range/],
    ] as const) {
      const answer = await add({ count });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/memory_info\.count/);
      expect(answer.body.message).toMatch(message);
    }
    expect((await add({ ok: 'yes' })).body.message).toMatch(/memory_info\.ok must be true or false/);
    const stored = await h.call(`${M}/event/search`, { ...ON, filter: { user_id: 'u1' } });
    expect(stored.body.data.result_list).toHaveLength(1);
  });

  it('adds, updates, deletes events', async () => {
    const h = await createHarness();
    const added = await h.call(`${M}/event/add`, {
      ...ON,
      event_type: 'event_v1',
      memory_info: { summary: 'Booked a flight' },
      user_id: 'u1',
      assistant_id: 'a1',
    });
    const id = added.body.data.event_id as string;
    expect(id).toMatch(/^evt_/);
    const updated = await h.call(`${M}/event/update`, {
      ...ON,
      event_id: id,
      memory_info: { summary: 'Booked and paid a flight' },
    });
    expect(updated.body.data).toEqual({ event_id: id });
    const found = await h.call(`${M}/event/search`, { ...ON, query: 'paid flight' });
    expect(found.body.data.result_list[0].memory_info.summary).toBe('Booked and paid a flight');
    expect((await h.call(`${M}/event/delete`, { ...ON, event_id: id })).status).toBe(200);
    expect(await h.call(`${M}/event/delete`, { ...ON, event_id: id })).toMatchObject({
      status: 404,
      body: { code: 1000011 },
    });
    expect(await h.call(`${M}/event/update`, { ...ON, event_id: id, memory_info: {} })).toMatchObject({ status: 404 });
    expect((await h.call(`${M}/event/add`, { ...ON, event_type: 'nope', memory_info: {} })).body.message).toContain(
      'event_type',
    );
    expect(
      (await h.call(`${M}/event/add`, { ...ON, event_type: 'event_v1', memory_info: { summary: 3 } })).body.message,
    ).toContain('memory_info.summary');
    expect((await h.call(`${M}/event/add`, { ...ON, event_type: 'event_v1' })).body.code).toBe(1000003);
  });

  it('batch deletes events by filter and time window', async () => {
    const h = await createHarness();
    for (const [user, day] of [
      ['u1', 0],
      ['u1', 2],
      ['u2', 2],
    ] as const) {
      h.clock.now = Date.UTC(2025, 0, 1 + day);
      await h.call(`${M}/event/add`, { ...ON, event_type: 'event_v1', memory_info: { summary: user }, user_id: user });
    }
    const answer = await h.call(`${M}/event/batch_delete`, {
      ...ON,
      delete_type: 'filter',
      filter: {
        event_type: 'event_v1',
        user_id: 'u1',
        start_time: Date.UTC(2025, 0, 2),
        end_time: Date.UTC(2025, 0, 4),
      },
    });
    expect(answer.body.data).toEqual({ deleted_count: 1 });
    expect((await h.call(`${M}/event/search`, ON)).body.data.count).toBe(2);
    expect((await h.call(`${M}/event/batch_delete`, { ...ON, delete_type: 'x' })).status).toBe(400);
    expect((await h.call(`${M}/event/batch_delete`, { ...ON, delete_type: 'all' })).body.data).toEqual({
      deleted_count: 2,
    });
  });

  it('adds (with is_upsert), updates, deletes, batch deletes profiles', async () => {
    const h = await createHarness();
    const first = await h.call(`${M}/profile/add`, {
      ...ON,
      profile_type: 'profile_v1',
      memory_info: { user_profile: 'Likes hiking' },
      is_upsert: false,
      user_id: 'u1',
      assistant_id: 'a1',
    });
    const id = first.body.data.profile_id as string;
    const upsert = await h.call(`${M}/profile/add`, {
      ...ON,
      profile_type: 'profile_v1',
      memory_info: { age: 30 },
      is_upsert: true,
      user_id: 'u1',
      assistant_id: 'a1',
    });
    expect(upsert.body.data.profile_id).toBe(id);
    await h.call(`${M}/profile/update`, {
      ...ON,
      profile_id: id,
      memory_info: { user_profile: 'Likes hiking and swimming' },
    });
    const found = await h.call(`${M}/profile/search`, {
      ...ON,
      filter: { user_id: 'u1', assistant_id: 'a1', memory_type: ['profile_v1'] },
      limit: 5,
    });
    expect(found.body.data.result_list).toEqual([
      expect.objectContaining({ id, memory_info: { user_profile: 'Likes hiking and swimming', age: 30 }, score: 1 }),
    ]);
    await h.call(`${M}/profile/add`, { ...ON, profile_type: 'profile_v1', memory_info: {}, user_id: 'u2' });
    expect(
      (await h.call(`${M}/profile/batch_delete`, { ...ON, filter: { profile_type: 'profile_v1', user_id: 'u1' } })).body
        .data,
    ).toEqual({ deleted_count: 1 });
    expect(await h.call(`${M}/profile/delete`, { ...ON, profile_id: id })).toMatchObject({
      status: 404,
      body: { code: 1000011 },
    });
    expect(await h.call(`${M}/profile/update`, { ...ON, profile_id: id, memory_info: {} })).toMatchObject({
      status: 404,
    });
    expect((await h.call(`${M}/profile/batch_delete`, ON)).body.data).toEqual({ deleted_count: 1 });
    expect((await h.call(`${M}/profile/add`, { ...ON, profile_type: 'event_v1', memory_info: {} })).status).toBe(400);
  });

  it('trigger_update rebuilds profiles from stored sessions', async () => {
    const h = await withSession();
    const profiles = await h.call(`${M}/profile/search`, ON);
    const id = profiles.body.data.result_list[0].id;
    await h.call(`${M}/profile/batch_delete`, ON);
    const answer = await h.call(`${M}/profile/trigger_update`, {
      ...ON,
      update_profile_type: ['profile_v1'],
      filters: { user_id: 'u1', end_time: Date.UTC(2025, 0, 2) },
    });
    expect(answer.body.data.profile_ids).toHaveLength(1);
    expect(answer.body.data.profile_ids[0]).not.toBe(id);
    const none = await h.call(`${M}/profile/trigger_update`, { ...ON, filters: { user_id: 'nobody' } });
    expect(none.body.data.profile_ids).toEqual([]);
    expect((await h.call(`${M}/profile/trigger_update`, { ...ON, update_profile_type: 'nope' })).status).toBe(400);
  });
});

describe('memory: search', () => {
  it('ranks by query, filters, limits; newest first without query; time decay', async () => {
    const h = await createHarness();
    const add = async (summary: string, day: number, user = 'u1', type = 'event_v1') => {
      h.clock.now = Date.UTC(2025, 0, 1 + day);
      const info = type === 'event_v1' ? { summary } : { subject: summary };
      return (
        await h.call(`${M}/event/add`, {
          ...ON,
          event_type: type,
          memory_info: info,
          user_id: user,
          assistant_id: 'a1',
          group_id: 'g',
        })
      ).body.data.event_id as string;
    };
    const weather = await add('asked about the weather today', 0);
    const dinner = await add('had dinner and slept early', 10);
    const email = await add('weather report email', 20, 'u2', 'event_email');
    h.clock.now = Date.UTC(2025, 0, 30);
    const byQuery = await h.call(`${M}/search`, { ...ON, query: 'how is the weather today', limit: 10 });
    const list = byQuery.body.data.result_list as Array<{ id: string; score: number; group_id: string }>;
    expect(list[0]!.id).toBe(weather);
    expect(list.at(-1)!.id).toBe(dinner);
    expect(list[0]!.group_id).toBe('g');
    const newest = await h.call(`${M}/search`, ON);
    expect(newest.body.data.result_list.map((r: { id: string }) => r.id)).toEqual([email, dinner, weather]);
    const typed = await h.call(`${M}/search`, { ...ON, filter: { memory_type: ['event_email'] } });
    expect(typed.body.data.result_list.map((r: { id: string }) => r.id)).toEqual([email]);
    const window = await h.call(`${M}/event/search`, {
      ...ON,
      filter: { user_id: 'u1', start_time: Date.UTC(2025, 0, 5), end_time: Date.UTC(2025, 0, 15) },
    });
    expect(window.body.data.result_list.map((r: { id: string }) => r.id)).toEqual([dinner]);
    const decayed = await h.call(`${M}/event/search`, { ...ON, query: 'weather', time_decay_config: { enable: true } });
    const scores = new Map(
      (decayed.body.data.result_list as Array<{ id: string; score: number }>).map((r) => [r.id, r.score]),
    );
    expect(scores.get(email)!).toBeGreaterThan(scores.get(weather)!);
    expect((await h.call(`${M}/search`, { ...ON, limit: 1 })).body.data.count).toBe(1);
    expect((await h.call(`${M}/search`, { ...ON, limit: 0 })).status).toBe(400);
    expect((await h.call(`${M}/search`, { ...ON, filter: { memory_type: ['nope'] } })).status).toBe(400);
    expect((await h.call(`${M}/search`, { ...ON, filter: { user_id: 3 } })).body.message).toContain('filter.user_id');
    expect((await h.call(`${M}/profile/search`, ON)).body.data).toEqual({ count: 0, result_list: [] });
  });
});
