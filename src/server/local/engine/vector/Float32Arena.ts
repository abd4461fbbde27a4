/**
 * Hands out float32 vectors as views of shared blocks, so the hundred vectors of a write cost one buffer instead of a
 * hundred (a typed array with a buffer of its own costs V8 several times what a view of a shared one does). A block
 * stays in memory while any of its views does; a write's views last until its rows are applied, when a synchronous
 * index takes the vectors over (see `compactRow.ts`).
 */
export class Float32Arena {
  private block = new Float32Array(0);
  private used = 0;

  /** @param blockLength Floats per block (default 16,384: 64 KB, a hundred 128-dim vectors). */
  constructor(private readonly blockLength = 16_384) {}

  /** A zero-filled vector of `length` floats. */
  take(length: number): Float32Array {
    if (this.used + length > this.block.length) {
      this.block = new Float32Array(Math.max(this.blockLength, length));
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}
