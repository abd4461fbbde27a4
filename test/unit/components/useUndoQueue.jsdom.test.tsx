import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUndoQueue } from '../../../src/components/primitives/useUndoQueue';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useUndoQueue', () => {
  it('keeps one entry per action, each open for its own window (default 5,000 ms)', () => {
    const { result } = renderHook(() => useUndoQueue<string>());
    act(() => result.current.push('first', async () => {}));
    act(() => vi.advanceTimersByTime(3_000));
    act(() => result.current.push('second', async () => {}));
    expect(result.current.entries.map((entry) => entry.message)).toEqual(['first', 'second']);
    act(() => vi.advanceTimersByTime(2_000));
    expect(result.current.entries.map((entry) => entry.message)).toEqual(['second']);
    act(() => vi.advanceTimersByTime(2_999));
    expect(result.current.entries.map((entry) => entry.message)).toEqual(['second']);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.entries).toEqual([]);
  });

  it('runs only the undone entry’s action, once, and dismiss runs none', async () => {
    const { result } = renderHook(() => useUndoQueue<string>(1_000));
    const undoA = vi.fn(async () => {});
    const undoB = vi.fn(async () => {});
    act(() => result.current.push('a', undoA));
    act(() => result.current.push('b', undoB));
    const [a, b] = result.current.entries;
    await act(() => result.current.undo(a!.id));
    await act(() => result.current.undo(a!.id));
    expect(undoA).toHaveBeenCalledTimes(1);
    act(() => result.current.dismiss(b!.id));
    act(() => vi.advanceTimersByTime(5_000));
    expect(undoB).not.toHaveBeenCalled();
    expect(result.current.entries).toEqual([]);
  });

  it('keeps its actions stable, and its object while the entries do not change', () => {
    const { result, rerender } = renderHook(() => useUndoQueue<string>());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    act(() => result.current.push('a', async () => {}));
    expect(result.current).not.toBe(first);
    expect(result.current.push).toBe(first.push);
    expect(result.current.undo).toBe(first.undo);
    expect(result.current.dismiss).toBe(first.dismiss);
  });

  it('clears its timers on unmount', () => {
    const { result, unmount } = renderHook(() => useUndoQueue<string>());
    act(() => result.current.push('a', async () => {}));
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
  it('runs onExpire once when a window closes without an undo: on time, on dismiss, on unmount; never after an undo', async () => {
    const { result, unmount } = renderHook(() => useUndoQueue<string>(1_000));
    const expired: string[] = [];
    const push = (name: string) =>
      act(() => result.current.push(name, async () => {}, { onExpire: () => expired.push(name) }));
    push('timed');
    push('dismissed');
    push('undone');
    push('left open');
    const [, dismissed, undone] = result.current.entries;
    act(() => result.current.dismiss(dismissed!.id));
    await act(() => result.current.undo(undone!.id));
    expect(expired).toEqual(['dismissed']);
    act(() => vi.advanceTimersByTime(999));
    expect(expired).toEqual(['dismissed']);
    act(() => vi.advanceTimersByTime(1));
    expect(expired).toEqual(['dismissed', 'timed', 'left open']);
    push('at unmount');
    act(() => result.current.dismiss(dismissed!.id));
    unmount();
    vi.advanceTimersByTime(5_000);
    expect(expired).toEqual(['dismissed', 'timed', 'left open', 'at unmount']);
  });
});
