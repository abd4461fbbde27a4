import { describe, expect, it } from 'vitest';
import { CommitPipeline } from '../../../../src/server/local/engine/vector/CommitPipeline';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('CommitPipeline', () => {
  it('applies commits in the order they were tracked, whatever order storage reports them in', async () => {
    const pipeline = new CommitPipeline();
    const applied: string[] = [];
    const commits = ['a', 'b', 'c'].map((name) => {
      const visible = deferred();
      return { name, visible, done: pipeline.track(visible.promise, () => applied.push(name)) };
    });
    expect(pipeline.size).toBe(3);
    commits[2]!.visible.resolve();
    commits[1]!.visible.resolve();
    await tick();
    expect(applied).toEqual([]);
    commits[0]!.visible.resolve();
    await Promise.all(commits.map((commit) => commit.done));
    expect(applied).toEqual(['a', 'b', 'c']);
    expect(pipeline.size).toBe(0);
  });

  it('rejects a failed commit without applying it, and still applies the ones after it', async () => {
    const pipeline = new CommitPipeline();
    const applied: string[] = [];
    const failing = deferred();
    const failed = pipeline.track(failing.promise, () => applied.push('failed'));
    const next = pipeline.track(Promise.resolve(), () => applied.push('next'));
    failing.reject(new Error('disk full'));
    await expect(failed).rejects.toThrow('disk full');
    await next;
    expect(applied).toEqual(['next']);
  });

  it('reports an apply that throws to that commit only', async () => {
    const pipeline = new CommitPipeline();
    const broken = pipeline.track(Promise.resolve(), () => {
      throw new Error('bug');
    });
    const fine = pipeline.track(Promise.resolve(), () => undefined);
    await expect(broken).rejects.toThrow('bug');
    await expect(fine).resolves.toBeUndefined();
  });

  it('idle resolves at once when nothing is queued, else once every tracked commit settled', async () => {
    const pipeline = new CommitPipeline();
    await pipeline.idle();
    const first = deferred();
    const second = deferred();
    void pipeline.track(first.promise, () => undefined);
    void pipeline.track(second.promise, () => undefined).catch(() => undefined);
    let idle = false;
    const waiting = pipeline.idle().then(() => (idle = true));
    first.resolve();
    await tick();
    expect(idle).toBe(false);
    second.reject(new Error('failed'));
    await waiting;
    expect(idle).toBe(true);
  });
});
