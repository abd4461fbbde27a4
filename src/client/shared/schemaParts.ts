import * as z from 'zod/mini';

/*
 * Building blocks of the request schemas. They are functions, and every schema is built lazily (see `lazy`), so a
 * bundle contains only the schemas of the operations an app calls.
 */

/** Builds a value on first use and keeps it; `/* @__PURE__ *\/ lazy(…)` lets bundlers drop unused ones. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** A finite number, with a message that says so. */
export const finite = () => z.number({ error: 'expected a finite number' });
/** A whole number ≥ `min`. */
export const wholeAtLeast = (min: number) =>
  z.int({ error: 'expected a whole number' }).check(z.gte(min, `expected ≥ ${min}`));
/** A non-empty string. */
export const text = () => z.string({ error: 'expected a string' }).check(z.minLength(1, 'expected a non-empty string'));
/** A primary key: a string or a whole number. */
export const primaryKey = () => z.union([z.string(), z.int()], { error: 'expected a string or whole-number id' });
/** A list of primary keys. */
export const primaryKeys = () => z.array(primaryKey(), { error: 'expected an array of ids' });
/** A list of finite numbers (a vector). */
export const numbers = () => z.array(finite(), { error: 'expected an array of numbers' });
/** token → weight. */
export const sparse = () => z.record(z.string(), finite());
/** A partition value. */
export const partition = () => z.union([z.string(), z.number()]);
/** Any JSON object. */
export const jsonObject = () => z.record(z.string(), z.unknown());
