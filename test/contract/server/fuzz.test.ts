/**
 * fast-check fuzz of request bodies on every vector, memory and knowledge endpoint of the local server over real HTTP (the
 * generators are in `test/support/fuzzBodies.ts`): at least 2,000 malformed bodies per run. Properties: never a 5xx,
 * always an envelope of the path's domain with `request_id` and a message of at most 1 kB, the server keeps
 * answering, and the rows stored before the fuzz (`demo_docs` 1–10, memory collection `demo_memory`) are unchanged
 * afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_PATHS,
  checkAnswer,
  FuzzTally,
  mutate,
  mutationArb,
  PROTECTED_IDS,
  randomBodyArb,
  TEMPLATE_GROUPS,
} from '../../support/fuzzBodies';
import { demoDoc, raw, serverForThisFile } from './harness';

const fx = serverForThisFile();
/** Runs per template group (seven groups, plus twice as many random bodies): 300 → 2,700 bodies. `FUZZ_RUNS=5000` hunts longer. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const DOCS = { collection_name: 'demo_docs' };
const ON_INDEX = { collection_name: 'demo_docs', index_name: 'demo_docs_index' };

const tally = new FuzzTally();

/** Sends a body and checks the answer. */
async function sendAndCheck(path: string, body: string | Uint8Array): Promise<void> {
  const response = await fetch(`${fx.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body as BodyInit,
  });
  const text = await response.text();
  tally.add(response.status);
  checkAnswer(path, response, text);
}

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
  expect(tally.requests).toBeGreaterThanOrEqual(9 * RUNS);
});

describe('fuzzed request bodies', () => {
  it.each(TEMPLATE_GROUPS)(
    '%s: mutations of valid bodies never get a 5xx',
    { timeout: 60_000 },
    async (_name, templates) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...templates),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          async ([path, template], mutations) => {
            await sendAndCheck(path, mutate(template, mutations));
          },
        ),
        { numRuns: RUNS },
      );
      const ping = await fetch(`${fx.url}/api/vikingdb/Ping`);
      expect(ping.status).toBe(200);
    },
  );

  it('random JSON, random text and random bytes on every path never get a 5xx', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL_PATHS), randomBodyArb, async (path, body) => {
        await sendAndCheck(path, body);
      }),
      { numRuns: RUNS * 2 },
    );
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
