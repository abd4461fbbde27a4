/** Largest delay `setTimeout` honours (a longer one fires at once; ky refuses it as a `timeout`). */
const MAX_TIMER_MS = 2_147_483_647;

/** `ms` capped to what a timer can wait. */
export function timerMs(ms: number): number {
  return Math.min(ms, MAX_TIMER_MS);
}
