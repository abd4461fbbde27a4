import { describe, expect, it } from 'vitest';
import { Float32Arena } from '../../../../src/server/local/engine/vector/Float32Arena';

describe('Float32Arena', () => {
  it('hands out zeroed, disjoint views of shared blocks, and a block of its own to a vector larger than a block', () => {
    const arena = new Float32Arena(10);
    const a = arena.take(4);
    const b = arena.take(4);
    const c = arena.take(4);
    const big = arena.take(25);
    expect([a.length, b.length, c.length, big.length]).toEqual([4, 4, 4, 25]);
    expect(a.buffer).toBe(b.buffer);
    expect(c.buffer).not.toBe(b.buffer);
    expect(big.buffer.byteLength).toBe(25 * 4);
    for (const view of [a, b, c, big]) expect(Array.from(view).every((value) => value === 0)).toBe(true);
    a.fill(1);
    b.fill(2);
    expect(Array.from(a)).toEqual([1, 1, 1, 1]);
    expect(Array.from(b)).toEqual([2, 2, 2, 2]);
    expect(arena.take(0)).toHaveLength(0);
  });
});
