/**
 * The vector write path over a storage that queues commits (as lmdb does): the next write queues while earlier commits
 * are still being written, reads see only what storage committed, writes that read rows wait for the queued commits,
 * and memory applies commits in queue order.
 */
import { describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';
import type { Storage, StorageWrite } from '../../../../src/server/local/engine/storage/Storage';
import { item, ON_ITEMS, testConfig, V, type Answer } from './engineHarness';

interface Gate {
  writes: readonly StorageWrite[];
  /** Commits the writes to the inner storage and resolves `visible` and `durable`. */
  commit(): Promise<void>;
  fail(error: Error): void;
}

/** Memory storage whose queued commits wait until the test commits (or fails) them. */
function gatedStorage(): { storage: Storage; gates: Gate[] } {
  const inner = createMemoryStorage();
  const gates: Gate[] = [];
  const storage: Storage = {
    load: (space) => inner.load(space),
    spaces: () => inner.spaces(),
    commit: (writes) => inner.commit(writes),
    close: () => inner.close(),
    queueCommit(writes) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const visible = new Promise<void>((ok, fail) => {
        resolve = ok;
        reject = fail;
      });
      visible.catch(() => undefined);
      gates.push({
        writes,
        async commit() {
          await inner.commit(writes);
          resolve();
        },
        fail: (error) => reject(error),
      });
      return { visible, durable: visible };
    },
  };
  return { storage, gates };
}

async function setup() {
  const { storage, gates } = gatedStorage();
  const engine = await createLocalEngine({ config: testConfig, storage, now: () => Date.UTC(2025, 0, 1) });
  let counter = 0;
  const call = async (path: string, body: unknown): Promise<Answer> =>
    (await engine.handle({
      method: 'POST',
      path: `${V}/${path}`,
      body: JSON.stringify(body),
      requestId: `req-${++counter}`,
    })) as Answer;
  const fetchTitles = async (ids: number[]) => {
    const answer = await call('fetch_in_collection', { ...ON_ITEMS, ids });
    return Object.fromEntries(
      (answer.body.result.fetch as Array<{ id: number; fields: { title: string } }>).map((row) => [
        row.id,
        row.fields.title,
      ]),
    );
  };
  return { engine, gates, call, fetchTitles };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('pipelined vector commits', () => {
  it('queues the next upsert before the first is committed, and shows neither until storage committed it', async () => {
    const { gates, call, fetchTitles } = await setup();
    const first = call('upsert', { ...ON_ITEMS, data: [item(1, { title: 'one' })] });
    const second = call('upsert', { ...ON_ITEMS, data: [item(2, { title: 'two' }), item(1, { title: 'uno' })] });
    await settle();
    expect(gates).toHaveLength(2);
    expect(await fetchTitles([1, 2])).toEqual({});
    // Storage reports the second commit first: memory still applies them in queue order.
    await gates[1]!.commit();
    await settle();
    expect(await fetchTitles([1, 2])).toEqual({});
    await gates[0]!.commit();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(await fetchTitles([1, 2])).toEqual({ 1: 'uno', 2: 'two' });
  });

  it('lets an update and a delete decide only once every queued commit is applied', async () => {
    const { gates, call, fetchTitles } = await setup();
    const insert = call('upsert', { ...ON_ITEMS, data: [item(1, { title: 'one' }), item(2, { title: 'two' })] });
    await settle();
    expect(gates).toHaveLength(1);
    const update = call('update', { ...ON_ITEMS, data: [{ id: 1, title: 'updated' }] });
    const remove = call('delete', { ...ON_ITEMS, ids: [2] });
    await settle();
    // The insert is queued, not committed: the update waits for it (it would find no row 1 yet), and the delete waits
    // behind the update.
    expect(gates).toHaveLength(1);
    await gates[0]!.commit();
    await settle();
    expect(gates).toHaveLength(2);
    expect(gates[1]!.writes.map((write) => write.key)).toEqual(['1']);
    await gates[1]!.commit();
    await settle();
    expect(gates).toHaveLength(3);
    expect(gates[2]!.writes).toEqual([{ space: 'vector/items/rows', key: '2', value: undefined }]);
    await gates[2]!.commit();
    for (const answer of await Promise.all([insert, update, remove])) expect(answer.status).toBe(200);
    expect(await fetchTitles([1, 2])).toEqual({ 1: 'updated' });
  });

  it('answers 500 for a commit storage failed, applies none of it, and still applies the commits queued after it', async () => {
    const { gates, call, fetchTitles } = await setup();
    const failed = call('upsert', { ...ON_ITEMS, data: [item(1, { title: 'lost' }), item(3, { title: 'lost' })] });
    const next = call('upsert', { ...ON_ITEMS, data: [item(2, { title: 'two' })] });
    await settle();
    expect(gates).toHaveLength(2);
    await gates[1]!.commit();
    gates[0]!.fail(new Error('disk full'));
    const answer = await failed;
    expect(answer.status).toBe(500);
    expect(answer.body.message).toMatch(/storage commit failed, nothing was written: disk full/);
    expect((await next).status).toBe(200);
    expect(await fetchTitles([1, 2, 3])).toEqual({ 2: 'two' });
  });
});
