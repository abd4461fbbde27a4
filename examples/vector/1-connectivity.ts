/** Walkthrough 1: is the vector service reachable, and do the credentials work? */
import { collectionOf, loadEnv, report, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'text', index: 'text_index' })) {
  const ping = await env.client.vector.ping();
  report('Ping', ping, { latencyMs: Math.round(ping.latencyMs) });

  // A one-row random search proves the collection, index and signature are all accepted.
  const probe = await env.client.vector.index(collectionOf(env), env.index).search.random({ limit: 1 });
  report('SearchByRandom', probe, { rows: probe.items.length });
  return { pingStatus: ping.status, rows: probe.items.length };
}
