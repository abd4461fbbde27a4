/**
 * The commits of one collection that storage has queued but memory has not applied yet. A storage that queues commits
 * (`Storage.queueCommit`) commits them in queue order on its own thread; the pipeline applies each one in memory once
 * it is visible and every earlier one was applied (or failed), so memory changes in exactly the order storage did,
 * and reads never see a change storage has not committed.
 *
 * A write that reads the collection's rows to decide what to write (update, delete, the purge of expired rows) waits
 * for {@link CommitPipeline.idle} first, holding the write lock, so it decides on every change queued before it.
 */
interface QueuedCommit {
  /** `undefined` until the commit settled; then whether storage committed it. */
  outcome: { ok: true } | { ok: false; error: unknown } | undefined;
  apply: () => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class CommitPipeline {
  private readonly queued: QueuedCommit[] = [];
  private idleWaiters: Array<() => void> = [];

  /** Commits queued and not yet applied. */
  get size(): number {
    return this.queued.length;
  }

  /**
   * Tracks a commit storage queued: `apply` runs once `visible` resolved and every commit tracked before it settled.
   * The result resolves after `apply` ran, or rejects with the commit's error (and `apply` never runs).
   */
  track(visible: Promise<void>, apply: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const commit: QueuedCommit = { outcome: undefined, apply, resolve, reject };
      this.queued.push(commit);
      visible.then(
        () => this.settle(commit, { ok: true }),
        (error: unknown) => this.settle(commit, { ok: false, error }),
      );
    });
  }

  /** Resolves once every commit tracked so far was applied or failed. */
  idle(): Promise<void> {
    if (this.queued.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(commit: QueuedCommit, outcome: NonNullable<QueuedCommit['outcome']>): void {
    commit.outcome = outcome;
    while (this.queued.length > 0 && this.queued[0]!.outcome !== undefined) {
      const head = this.queued.shift()!;
      const settled = head.outcome!;
      if (!settled.ok) {
        head.reject(settled.error);
        continue;
      }
      try {
        head.apply();
        head.resolve();
      } catch (error) {
        head.reject(error);
      }
    }
    if (this.queued.length > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
