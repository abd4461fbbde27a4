/**
 * Serializes the engine's write transactions (validate → storage.commit → apply in memory), so two concurrent
 * batches can never validate against the same state and interleave their commits. Reads do not queue.
 *
 * A task may hand the lock on early with {@link releaseLock} once its changes are committed and applied, and then
 * wait for what no longer needs the lock (the disk flush that makes them durable): the next task starts on a state
 * that already includes them, and consecutive flushes overlap instead of queueing one after another.
 */
export class WriteQueue {
  /** Settles when the lock is free for the next task. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Settles when every task queued so far has finished. */
  private finished: Promise<unknown> = Promise.resolve();
  /** Hands the lock on for the task that holds it. */
  private releaseCurrent: (() => void) | undefined;

  /** Runs `task` after every task queued before it released the lock; its rejection is returned to the caller only. */
  run<T>(task: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const start = () => {
      this.releaseCurrent = release;
      return task();
    };
    const result = this.tail.then(start, start);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    void done.then(() => {
      if (this.releaseCurrent === release) this.releaseCurrent = undefined;
      release();
    });
    this.tail = Promise.race([released, done]);
    this.finished = Promise.all([this.finished, done]);
    return result;
  }

  /** Lets the next task start while the current one finishes (a no-op outside a task or when already released). */
  releaseLock(): void {
    const release = this.releaseCurrent;
    this.releaseCurrent = undefined;
    release?.();
  }

  /** Resolves once every task queued so far has finished (not just released the lock). */
  async drain(): Promise<void> {
    await this.finished;
  }
}
