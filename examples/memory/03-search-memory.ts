/** Memory walkthrough 03: profiles, events by query, and a time-range filter. */
import { loadEnv, report, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'sdk_test', index: '' })) {
  const memory = env.client.memory.collection({
    collection_name: env.collection,
    project_name: env.project ?? 'default',
  });
  const scope = { userId: 'user_3', assistantId: '111' };

  const profiles = await memory.search({ filter: { ...scope, memoryType: ['profile_v1'] }, limit: 10 });
  report(
    'Profiles',
    profiles,
    profiles.items.map((i) => i.memoryInfo),
  );

  const events = await memory.search({
    query: 'how is the weather today',
    filter: { ...scope, memoryType: ['event_v1'] },
    limit: 10,
  });
  report(
    'Events by query',
    events,
    events.items.map((i) => i.score),
  );

  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  const recent = await memory.search({
    query: 'weather',
    filter: { ...scope, memoryType: ['event_v1'], startTime: dayAgo, endTime: Date.now() },
    limit: 10,
  });
  report('Events in the last day', recent, { count: recent.count });
  return { profiles: profiles.count, events: events.count, recent: recent.count };
}
