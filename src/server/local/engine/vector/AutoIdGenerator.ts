/**
 * Snowflake-like ids for `__AUTO_ID__` collections: (milliseconds since 2010-01-01) << 22 | sequence, as a decimal
 * digit string (they exceed 2^53). Strictly increasing per collection, also across restarts (the generator is told
 * the largest id found in storage) and when the clock goes backwards.
 */
const EPOCH_MS = 1_262_304_000_000n;

/** Generates increasing auto ids. */
export class AutoIdGenerator {
  private last = 0n;

  constructor(private readonly now: () => number) {}

  /** Makes every later id larger than `id` (a digit string). */
  observe(id: string): void {
    if (!/^\d+$/.test(id)) return;
    const value = BigInt(id);
    if (value > this.last) this.last = value;
  }

  /** A new id, larger than every id generated or observed before. */
  next(): string {
    const millis = BigInt(Math.max(0, Math.floor(this.now()))) - EPOCH_MS;
    let candidate = (millis > 0n ? millis : 0n) << 22n;
    if (candidate <= this.last) candidate = this.last + 1n;
    this.last = candidate;
    return candidate.toString();
  }
}
