/** Memory walkthrough 01: a client for the memory service and a handle on a collection. */
import { loadEnv, report, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'sdk_test', index: '' })) {
  const ping = await env.client.memory.ping();
  report('Memory ping', ping, { latencyMs: Math.round(ping.latencyMs) });
  // Getting a collection is client-side only; the first call proves it exists.
  const memory = env.client.memory.collection({
    collection_name: env.collection,
    project_name: env.project ?? 'default',
  });
  const probe = await memory.search({ limit: 1 });
  report('SearchMemory', probe, { count: probe.count });
  return { locator: memory.locator, pingStatus: ping.status };
}
