/**
 * Numeric flag parsing with usage errors that name the flag.
 */
import { UsageError } from './CliIo';

/** Parses an integer flag within `[min, max]`; `undefined` stays `undefined`. */
export function intFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}
