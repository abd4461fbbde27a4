/**
 * fast-check fuzz of request bodies on every vector, memory and knowledge endpoint of the local server over real HTTP (the
 * generators are in `test/support/fuzzBodies.ts`): at least 2,000 malformed bodies per run. Properties: never a 5xx,
 * always an envelope of the path's domain with `request_id` and a message of at most 1 kB, the server keeps
 * answering, and the rows stored before the fuzz (`demo_docs` 1–10, memory collection `demo_memory`) are unchanged
 * afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_BODIES, FuzzTally, fuzzProperties, fuzzSender, PROTECTED_IDS } from '../../support/fuzzBodies';
import { demoDoc, raw, serverForThisFile } from './harness';

const fx = serverForThisFile();
const DOCS = { collection_name: 'demo_docs' };
const ON_INDEX = { collection_name: 'demo_docs', index_name: 'demo_docs_index' };

const tally = new FuzzTally();
/** `FUZZ_RUNS=5000` hunts longer. */
const send = fuzzSender(() => fx.url, tally);

async function protectedState(): Promise<unknown> {
  const rows = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', { ...DOCS, ids: PROTECTED_IDS });
  const indexed = await raw(fx.url, '/api/vikingdb/data/fetch_in_index', { ...ON_INDEX, ids: PROTECTED_IDS });
  const memories = await raw(fx.url, '/api/memory/search', { collection_name: 'demo_memory', limit: 1000 });
  const session = await raw(fx.url, '/api/memory/session/info', { collection_name: 'demo_memory', session_id: 'kept' });
  for (const answer of [rows, indexed, memories, session]) expect(answer.status).toBe(200);
  return {
    rows: rows.body.result,
    indexed: indexed.body.result,
    memories: memories.body.data,
    session: session.body.data,
  };
}

let before: unknown;

beforeAll(async () => {
  await fx.client.vector.collection('demo_docs').upsert(PROTECTED_IDS.map((id) => demoDoc(id)));
  const memory = fx.client.memory.collection('demo_memory');
  await memory.addSession({
    sessionId: 'kept',
    messages: [{ role: 'user', content: 'My name is Kept and I like stability' }],
    metadata: { defaultUserId: 'keeper', time: 1735689600000 },
  });
  await memory.events.add({
    eventType: 'meeting_summary',
    memoryInfo: { summary: 's', attendees: 'a' },
    userId: 'keeper',
  });
  await memory.profiles.add({ profileType: 'profile_v1', memoryInfo: { user_profile: 'p' }, userId: 'keeper2' });
  before = await protectedState();
});

afterAll(() => {
  console.log(`fuzz (local server): ${tally}`);
  expect(tally.requests).toBeGreaterThanOrEqual(FUZZ_BODIES);
});

describe('fuzzed request bodies', () => {
  fuzzProperties(send, async () => {
    const ping = await fetch(`${fx.url}/api/vikingdb/Ping`);
    expect(ping.status).toBe(200);
  });

  it('the server still answers, and the data stored before the fuzz is unchanged', async () => {
    expect((await fetch(`${fx.url}/api/memory/ping`)).status).toBe(200);
    expect(await protectedState()).toEqual(before);
    const hits = await fx.client.vector.index('demo_docs', 'demo_docs_index').search.multiModal({
      text: 'document number 7 about mountain gardens',
      limit: 1,
    });
    expect(hits.items[0]?.id).toBe(7);
  });
});
