/** Knowledge walkthrough 01: a client for the knowledge API and a handle on one knowledge base (no request yet). */
import { collectionOf, loadEnv, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'financial_reports', index: '' })) {
  // Knowledge bases live on the memory host and are signed for service `air`; the same client reaches them.
  const kb = env.client.knowledge.collection(collectionOf(env));
  const pong = await env.client.knowledge.ping();
  console.log(`ping ${pong.status} in ${pong.latencyMs.toFixed(1)} ms; knowledge base ${JSON.stringify(kb.locator)}`);
  return { locator: kb.locator, ping: pong.status };
}
