/**
 * 8 concurrent writers (6 vector, 2 memory) and 8 concurrent readers against one server for ~2.5 s, all through the
 * kit's client. Readers check that no row is ever seen half-written; at the end, the rows and memories present are
 * exactly those acknowledged, with the acknowledged contents. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { f, type AnyFields } from '../../../src/client/index.node';
import { demoDoc, serverForThisFile } from './harness';

const fx = serverForThisFile();
const DURATION_MS = 2500;
const VECTOR_WRITERS = 6;
const MEMORY_WRITERS = 2;
const READERS = 8;

/** A row whose title and rating always change together, so a reader can detect a torn row. */
function row(id: number, version: number): AnyFields {
  return demoDoc(id, { title: `c-${id}-v${version}`, rating: version, year: 3000 + (id % 7) });
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

describe('concurrent writers and readers', () => {
  it('ends with exactly the acknowledged rows and memories', { timeout: 30_000 }, async () => {
    const docs = fx.client.vector.collection('demo_docs');
    const index = fx.client.vector.index('demo_docs', 'demo_docs_index');
    const memory = fx.client.memory.collection('sdk_test');
    const deadline = Date.now() + DURATION_MS;
    /** id → acknowledged version, or undefined once deleted. */
    const expected = new Map<number, number | undefined>();
    const eventsByUser = new Map<string, Set<string>>();
    const stats = { writes: 0, reads: 0, torn: [] as string[] };

    async function vectorWriter(w: number): Promise<void> {
      const random = seededRandom(w + 1);
      const mine: number[] = [];
      let next = 0;
      while (Date.now() < deadline) {
        const action = random();
        if (action < 0.5 || mine.length === 0) {
          const ids = Array.from({ length: 1 + Math.floor(random() * 5) }, () => 100_000 * (w + 1) + next++);
          await docs.upsert(ids.map((id) => row(id, 0)));
          for (const id of ids) expected.set(id, 0);
          mine.push(...ids);
        } else if (action < 0.8) {
          const id = mine[Math.floor(random() * mine.length)]!;
          const version = (expected.get(id) ?? 0) + 1;
          await docs.update([{ id, title: `c-${id}-v${version}`, rating: version }]);
          expected.set(id, version);
        } else {
          const [id] = mine.splice(Math.floor(random() * mine.length), 1);
          await docs.delete({ ids: [id!] });
          expected.set(id!, undefined);
        }
        stats.writes++;
      }
    }

    async function memoryWriter(w: number): Promise<void> {
      const user = `cc-user-${w}`;
      const ids = new Set<string>();
      eventsByUser.set(user, ids);
      let n = 0;
      while (Date.now() < deadline) {
        const added = await memory.events.add({
          eventType: 'event_v1',
          memoryInfo: { summary: `e${n++}` },
          userId: user,
        });
        ids.add(added.eventId!);
        if (n % 3 === 0) {
          const [first] = ids;
          await memory.events.delete(first!);
          ids.delete(first!);
        }
        stats.writes++;
      }
    }

    function checkHit(fields: Record<string, unknown>, id: unknown): void {
      if (fields['title'] !== `c-${String(id)}-v${String(fields['rating'])}`)
        stats.torn.push(`${String(id)}: ${JSON.stringify(fields)}`);
    }

    async function reader(r: number): Promise<void> {
      const random = seededRandom(100 + r);
      while (Date.now() < deadline) {
        const kind = Math.floor(random() * 4);
        if (kind === 0) {
          const hits = await index.search.random({ limit: 20, outputFields: ['title', 'rating'] });
          for (const hit of hits.items) checkHit(hit.fields, hit.id);
        } else if (kind === 1) {
          const hits = await index.search.scalar({
            field: 'year',
            filter: f.range('year', { gte: 3000 }),
            limit: 10,
            outputFields: ['title', 'rating'],
          });
          for (const hit of hits.items) checkHit(hit.fields, hit.id);
        } else if (kind === 2) {
          const ids = Array.from(
            { length: 10 },
            () => 100_000 * (1 + Math.floor(random() * VECTOR_WRITERS)) + Math.floor(random() * 30),
          );
          const fetched = await docs.fetch(ids);
          for (const item of fetched.items) checkHit(item.fields, item.id);
          expect(fetched.items.length + fetched.idsNotExist.length).toBe(ids.length);
        } else {
          const found = await memory.events.search({ filter: { userId: `cc-user-${r % MEMORY_WRITERS}` }, limit: 50 });
          expect(found.count).toBe(found.items.length);
        }
        stats.reads++;
      }
    }

    await Promise.all([
      ...Array.from({ length: VECTOR_WRITERS }, (_, w) => vectorWriter(w)),
      ...Array.from({ length: MEMORY_WRITERS }, (_, w) => memoryWriter(w)),
      ...Array.from({ length: READERS }, (_, r) => reader(r)),
    ]);

    expect(stats.torn).toEqual([]);
    expect(stats.writes).toBeGreaterThanOrEqual(VECTOR_WRITERS + MEMORY_WRITERS);
    console.log(`concurrency: ${stats.writes} writes and ${stats.reads} reads acknowledged in ${DURATION_MS} ms`);

    const allIds = [...expected.keys()];
    const live = allIds.filter((id) => expected.get(id) !== undefined);
    const fetched = await docs.fetchMany(allIds);
    expect(fetched.items.map((item) => item.id).sort((a, b) => Number(a) - Number(b))).toEqual(
      live.sort((a, b) => a - b),
    );
    for (const item of fetched.items) {
      const version = expected.get(Number(item.id))!;
      expect(item.fields).toMatchObject({ title: `c-${String(item.id)}-v${version}`, rating: version });
    }
    const count = await index.aggregate({ filter: f.range('year', { gte: 3000 }) });
    expect(count.agg).toEqual({ __TOTAL__: live.length });
    const everything = await index.search.scalar({
      field: 'year',
      filter: f.range('year', { gte: 3000 }),
      limit: 100_000,
      outputFields: [],
    });
    expect(everything.items).toHaveLength(live.length);

    for (const [user, ids] of eventsByUser) {
      const found = await memory.events.search({ filter: { userId: user }, limit: 1000 });
      expect(new Set(found.items.map((item) => item.id))).toEqual(ids);
    }
  });
});
