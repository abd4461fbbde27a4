import { describe, expect, it } from 'vitest';
import { WriteQueue } from '../../../../src/server/local/engine/WriteQueue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('WriteQueue', () => {
  it('runs tasks one at a time, in order, whatever each one resolves to', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = queue.run(async () => {
      log.push('a start');
      await gate.promise;
      log.push('a end');
      throw new Error('a failed');
    });
    const second = queue.run(async () => {
      log.push('b');
      return 2;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['a start']);
    gate.resolve();
    await expect(first).rejects.toThrow('a failed');
    expect(await second).toBe(2);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('starts the next task once the current one releases the lock, and drain waits for both to finish', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    const flush = deferred();
    const first = queue.run(async () => {
      log.push('a applied');
      queue.releaseLock();
      await flush.promise;
      log.push('a durable');
    });
    const second = queue.run(async () => {
      log.push('b');
    });
    await second;
    expect(log).toEqual(['a applied', 'b']);
    let drained = false;
    const draining = queue.drain().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(drained).toBe(false);
    flush.resolve();
    await first;
    await draining;
    expect(log).toEqual(['a applied', 'b', 'a durable']);
  });

  it('ignores releaseLock outside a task and a second release', async () => {
    const queue = new WriteQueue();
    queue.releaseLock();
    const order: number[] = [];
    const a = queue.run(async () => {
      queue.releaseLock();
      queue.releaseLock();
      await new Promise((r) => setTimeout(r, 5));
      order.push(1);
    });
    const b = queue.run(async () => {
      order.push(2);
    });
    const c = queue.run(async () => {
      order.push(3);
    });
    await Promise.all([a, b, c]);
    expect(order).toEqual([2, 3, 1]);
  });
});
