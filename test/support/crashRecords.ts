/** Records of the lmdb crash test, shared by the writer child process and the test that checks them. */

/** The value written for commit `i` (the parent recomputes it to check integrity). */
export function crashValue(i: number): { i: number; vector: number[]; text: string } {
  return {
    i,
    vector: Array.from({ length: 16 }, (_, j) => Math.sin(i * 16 + j) / 3),
    text: `row ${i} 行 ${'x'.repeat(i % 50)}`,
  };
}

/** The key of commit `i`. */
export function crashKey(i: number): string {
  return `k${String(i).padStart(8, '0')}`;
}
