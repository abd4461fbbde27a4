import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLmdbStorage } from '../../../../src/server/local/storage/lmdbStorage';
import { MAX_KEY_BYTES } from '../../../../src/server/local/storage/recordKey';
import type { Storage } from '../../../../src/server/local/engine/storage/Storage';

let dir: string;
let open: Storage[];

async function openStore(): Promise<Storage> {
  const storage = await createLmdbStorage(dir);
  open.push(storage);
  return storage;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-lmdb-'));
  open = [];
});

afterEach(async () => {
  for (const storage of open) await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('createLmdbStorage', () => {
  it('streams a space with loadEach (the records load returns), and a queued commit is visible, then durable', async () => {
    const storage = await openStore();
    const writes = Array.from({ length: 50 }, (_, i) => ({
      space: 's',
      key: `k${i}`,
      value: { i, v: [i, 1, 2, 3, 4, 5, 6, 7] },
    }));
    const { visible, durable } = storage.queueCommit!(writes);
    await visible;
    expect((await storage.load('s')).length).toBe(50);
    await durable;
    const streamed: Array<[string, unknown]> = [];
    await storage.loadEach!('s', (key, value) => streamed.push([key, value]));
    expect(new Map(streamed)).toEqual(new Map(await storage.load('s')));
    await storage.commit([{ space: 's', key: 'k0', value: undefined }]);
    const after: string[] = [];
    await storage.loadEach!('s', (key) => after.push(key));
    expect(after).not.toContain('k0');
    expect(after).toHaveLength(49);
    // Reopening the environment after start-up keeps everything readable and writable.
    await storage.releaseLoadedPages!();
    expect(await storage.load('s')).toHaveLength(49);
    await storage.commit([{ space: 's', key: 'k1', value: undefined }]);
    expect(await storage.load('s')).toHaveLength(48);
  });

  it('commits queued commits atomically in queue order, and a bad write throws before anything is queued', async () => {
    const storage = await openStore();
    const vector = Float32Array.from({ length: 16 }, (_, i) => i / 8 - 1);
    const first = storage.queueCommit!([
      { space: 's', key: 'a', value: { n: 1, vector } },
      { space: 's', key: 'b', value: { n: 1 } },
    ]);
    const second = storage.queueCommit!([
      { space: 's', key: 'a', value: { n: 2 } },
      { space: 's', key: 'b', value: undefined },
    ]);
    expect(() =>
      storage.queueCommit!([
        { space: 's', key: 'c', value: 3 },
        { space: 's', key: 'k'.repeat(MAX_KEY_BYTES), value: 1 },
      ]),
    ).toThrow(/limit is 1978/);
    expect(() =>
      storage.queueCommit!([
        { space: 's', key: 'c', value: 3 },
        { space: 's', key: 'd', value: { n: 10n } },
      ]),
    ).toThrow(/BigInt/);
    const order: string[] = [];
    await Promise.all([
      first.visible.then(() => order.push('first visible')),
      second.visible.then(() => order.push('second visible')),
      first.durable,
      second.durable,
    ]);
    expect(order).toEqual(['first visible', 'second visible']);
    expect(await storage.load('s')).toEqual([['a', { n: 2 }]]);
    await storage.commit([{ space: 's', key: 'v', value: vector }]);
    // A Float32Array is stored as the number array of its values.
    expect(await storage.load('s')).toEqual([
      ['a', { n: 2 }],
      ['v', Array.from(vector)],
    ]);
  });

  it('commits, loads a space in key order, deletes, and lists non-empty spaces', async () => {
    const storage = await openStore();
    await storage.commit([
      { space: 'vector/text/rows', key: 'b', value: { n: 2 } },
      { space: 'vector/text/rows', key: 'a', value: { n: 1 } },
      { space: 'vector/text', key: 'x', value: 'prefix space, not a sibling' },
      { space: 'memory/default/sdk_test/events', key: 'e1', value: [1, 2, 3] },
    ]);
    expect(await storage.load('vector/text/rows')).toEqual([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
    expect(await storage.load('vector/text')).toEqual([['x', 'prefix space, not a sibling']]);
    expect(await storage.load('nothing')).toEqual([]);
    expect(await storage.spaces()).toEqual(['memory/default/sdk_test/events', 'vector/text', 'vector/text/rows']);

    await storage.commit([
      { space: 'vector/text/rows', key: 'a', value: undefined },
      { space: 'memory/default/sdk_test/events', key: 'e1', value: undefined },
      { space: 'vector/text/rows', key: 'missing', value: undefined },
    ]);
    expect(await storage.load('vector/text/rows')).toEqual([['b', { n: 2 }]]);
    expect(await storage.spaces()).toEqual(['vector/text', 'vector/text/rows']);
    await storage.commit([]);
  });

  it('keeps every value intact across close and reopen (JSON semantics, vectors exact)', async () => {
    const vector = Array.from({ length: 1024 }, (_, i) => Math.sin(i) * 1e-3);
    const value = JSON.parse(
      '{"__proto__":{"x":1},"title":"向量 😀","n":-0,"big":12345678901234567890,"nested":[{"v":[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8]}],"nil":null,"t":true}',
    ) as Record<string, unknown>;
    value['vector'] = vector;
    const first = await createLmdbStorage(dir);
    await first.commit([
      { space: 's', key: 'row', value },
      { space: 's', key: '主键 😀', value: vector },
    ]);
    await first.close();

    const second = await openStore();
    const loaded = await second.load('s');
    expect(loaded.map(([key]) => key)).toEqual(['row', '主键 😀']);
    expect(JSON.stringify(loaded[0]![1])).toBe(JSON.stringify(value));
    expect(Object.getPrototypeOf(loaded[0]![1])).toBe(Object.prototype);
    expect(loaded[1]![1]).toEqual(vector);
  });

  it('rejects a commit with a bad write and applies none of it', async () => {
    const storage = await openStore();
    await storage.commit([{ space: 's', key: 'kept', value: 1 }]);
    const good = { space: 's', key: 'new', value: 2 };
    const overwrite = { space: 's', key: 'kept', value: 'changed' };
    await expect(
      storage.commit([good, overwrite, { space: 's', key: 'k'.repeat(MAX_KEY_BYTES), value: 1 }]),
    ).rejects.toThrow(/limit is 1978/);
    await expect(storage.commit([good, overwrite, { space: 's', key: 'big', value: { n: 10n } }])).rejects.toThrow(
      /BigInt/,
    );
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    await expect(storage.commit([good, overwrite, { space: 's', key: 'c', value: cyclic }])).rejects.toThrow(/cycle/);
    await expect(storage.commit([good, { space: '', key: 'x', value: 1 }])).rejects.toThrow(/empty/);
    await expect(storage.commit([good, { space: 's', key: '\ud800', value: 1 }])).rejects.toThrow(/surrogate/);
    expect(await storage.load('s')).toEqual([['kept', 1]]);
  });

  it('rejects calls after close', async () => {
    const storage = await createLmdbStorage(dir);
    await storage.close();
    await storage.close();
    await expect(storage.load('s')).rejects.toThrow(/closed/);
    await expect(storage.commit([{ space: 's', key: 'k', value: 1 }])).rejects.toThrow(/closed/);
  });
});
