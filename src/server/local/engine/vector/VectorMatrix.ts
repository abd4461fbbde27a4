/**
 * Dense vectors of one index in one contiguous row-major Float32Array (slot i occupies [i*dim, (i+1)*dim)), grown
 * geometrically, plus each row's L2 norm (for cosine). Removal moves the last slot into the hole, so slots stay dense.
 */
export class VectorMatrix {
  data: Float32Array;
  norms: Float64Array;
  /** An upper bound of every slot's L2 norm (it never decreases), for the rounding bound of accelerated scans. */
  maxNorm = 0;
  private capacity: number;

  constructor(
    readonly dim: number,
    initialCapacity = 16,
  ) {
    this.capacity = initialCapacity;
    this.data = new Float32Array(initialCapacity * dim);
    this.norms = new Float64Array(initialCapacity);
  }

  /** Grows the storage to hold exactly `slots` rows when it holds fewer (never shrinks). */
  reserve(slots: number): void {
    if (slots > this.capacity) this.grow(slots);
  }

  private ensure(slots: number): void {
    if (slots <= this.capacity) return;
    let capacity = this.capacity;
    // Doubling while small; by half once large, so a million-row matrix does not jump to two million.
    while (capacity < slots) capacity = capacity < 65_536 ? capacity * 2 : Math.ceil(capacity * 1.5);
    this.grow(capacity);
  }

  private grow(capacity: number): void {
    const data = new Float32Array(capacity * this.dim);
    data.set(this.data);
    const norms = new Float64Array(capacity);
    norms.set(this.norms);
    this.data = data;
    this.norms = norms;
    this.capacity = capacity;
  }

  /** Writes `vector` into `slot` (growing the storage when `slot` is new); missing values are 0. */
  set(slot: number, vector: ArrayLike<number>): void {
    if (vector instanceof Float32Array && vector.length === this.dim) {
      this.setRows(slot, vector, 1);
      return;
    }
    this.ensure(slot + 1);
    const at = slot * this.dim;
    let sum = 0;
    for (let i = 0; i < this.dim; i++) {
      const value = vector[i] ?? 0;
      this.data[at + i] = value;
      sum += value * value;
    }
    this.recordNorm(slot, sum);
  }

  /**
   * Writes `count` rows of `source` (row-major, `dim` values each) into slots `first` to `first + count - 1` with one
   * copy, then their norms in one pass over the copied block (growing the storage as needed).
   */
  setRows(first: number, source: Float32Array, count: number): void {
    this.ensure(first + count);
    const dim = this.dim;
    const data = this.data;
    data.set(source.subarray(0, count * dim), first * dim);
    for (let slot = first, at = first * dim; slot < first + count; slot++) {
      let sum = 0;
      for (const end = at + dim; at < end; at++) sum += data[at]! * data[at]!;
      this.recordNorm(slot, sum);
    }
  }

  /** Stores the L2 norm of `slot` from its sum of squares. */
  private recordNorm(slot: number, sumOfSquares: number): void {
    const norm = Math.sqrt(sumOfSquares);
    this.norms[slot] = norm;
    if (norm > this.maxNorm) this.maxNorm = norm;
  }

  /** Copies slot `from` onto slot `to`. */
  move(from: number, to: number): void {
    this.data.copyWithin(to * this.dim, from * this.dim, (from + 1) * this.dim);
    this.norms[to] = this.norms[from]!;
  }

  /** A copy of one slot's vector. */
  get(slot: number): number[] {
    return Array.from(this.data.subarray(slot * this.dim, (slot + 1) * this.dim));
  }
}
