import { hashKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * `value` after it has stopped changing for `delayMs` (compared by content, not identity). With `delayMs` 0 it is
 * `value` itself, with no extra render.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  const hash = hashKey([value]);
  const settledHash = hashKey([settled]);
  useEffect(() => {
    if (delayMs <= 0 || hash === settledHash) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
    // `value` is captured through its hash on purpose: a new object with the same content must not restart the timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hash, settledHash, delayMs]);
  return delayMs <= 0 ? value : settled;
}
