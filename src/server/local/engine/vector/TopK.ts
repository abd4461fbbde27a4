/**
 * Keeps the best `k` (slot, score) pairs of a stream in a bounded binary heap whose root is the worst kept pair:
 * O(n log k) instead of sorting every candidate. Ties are broken by the lower slot, so results are deterministic.
 */
export class TopK {
  private readonly slots: number[] = [];
  private readonly scores: number[] = [];

  /** @param higherIsBetter `false` for distances (l2), where smaller scores rank first. */
  constructor(
    private readonly k: number,
    private readonly higherIsBetter: boolean,
  ) {}

  /** True when pair a ranks below pair b. */
  private worse(aSlot: number, aScore: number, bSlot: number, bScore: number): boolean {
    if (aScore !== bScore) return this.higherIsBetter ? aScore < bScore : aScore > bScore;
    return aSlot > bSlot;
  }

  private swap(i: number, j: number): void {
    const slot = this.slots[i]!;
    const score = this.scores[i]!;
    this.slots[i] = this.slots[j]!;
    this.scores[i] = this.scores[j]!;
    this.slots[j] = slot;
    this.scores[j] = score;
  }

  private worseAt(i: number, j: number): boolean {
    return this.worse(this.slots[i]!, this.scores[i]!, this.slots[j]!, this.scores[j]!);
  }

  push(slot: number, score: number): void {
    if (this.k <= 0) return;
    if (this.slots.length < this.k) {
      this.slots.push(slot);
      this.scores.push(score);
      let i = this.slots.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worseAt(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (!this.worse(this.slots[0]!, this.scores[0]!, slot, score)) return;
    this.slots[0] = slot;
    this.scores[0] = score;
    let i = 0;
    const n = this.slots.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.worseAt(left, worst)) worst = left;
      if (right < n && this.worseAt(right, worst)) worst = right;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  /** The kept pairs, best first. */
  sorted(): Array<{ slot: number; score: number }> {
    const pairs = this.slots.map((slot, i) => ({ slot, score: this.scores[i]! }));
    return pairs.sort((a, b) => (this.worse(a.slot, a.score, b.slot, b.score) ? 1 : -1));
  }
}
