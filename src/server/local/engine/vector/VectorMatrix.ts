/**
 * Dense vectors of one index in one contiguous row-major Float32Array (slot i occupies [i*dim, (i+1)*dim)), grown by
 * doubling, plus each row's L2 norm (for cosine). Removal moves the last slot into the hole, so slots stay dense.
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

  private ensure(slots: number): void {
    if (slots <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < slots) capacity *= 2;
    const data = new Float32Array(capacity * this.dim);
    data.set(this.data);
    const norms = new Float64Array(capacity);
    norms.set(this.norms);
    this.data = data;
    this.norms = norms;
    this.capacity = capacity;
  }

  /** Writes `vector` into `slot` (growing the storage when `slot` is new). */
  set(slot: number, vector: ArrayLike<number>): void {
    this.ensure(slot + 1);
    const offset = slot * this.dim;
    if (vector instanceof Float32Array && vector.length === this.dim) this.data.set(vector, offset);
    let sum = 0;
    for (let i = 0; i < this.dim; i++) {
      const value = vector[i] ?? 0;
      this.data[offset + i] = value;
      sum += value * value;
    }
    this.norms[slot] = Math.sqrt(sum);
    if (this.norms[slot]! > this.maxNorm) this.maxNorm = this.norms[slot]!;
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
