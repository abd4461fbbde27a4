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
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * A value a predicate accepts. Used instead of `z.union` / `z.record` / `z.enum` / `z.literal`: one small schema kind
 * in the bundle rather than four.
 */
export const matching = <T>(test: (value: unknown) => boolean, message: string) => z.custom<T>(test, message);

/** One of the given strings. */
export const oneOf = <T extends string>(values: readonly T[]) =>
  matching<T>((value) => values.includes(value as T), `expected ${values.join(', ').replace(/, ([^,]*)$/, ' or $1')}`);

/** A primary key: a string or a whole number. */
export const primaryKey = () =>
  matching<string | number>(
    (v) => typeof v === 'string' || Number.isInteger(v),
    'expected a string or whole-number id',
  );
/** A list of primary keys. */
export const primaryKeys = () => z.array(primaryKey(), { error: 'expected an array of ids' });
/** A list of finite numbers (a vector). */
export const numbers = () => z.array(finite(), { error: 'expected an array of numbers' });
/** token → weight. */
export const sparse = () =>
  matching<Record<string, number>>(
    (v) => isPlainObject(v) && Object.values(v).every(isFiniteNumber),
    'expected an object of token → finite weight',
  );
/** A partition value. */
export const partition = () =>
  matching<string | number>((v) => typeof v === 'string' || isFiniteNumber(v), 'expected a string or number');
/** Any JSON object. */
export const jsonObject = () => matching<Record<string, unknown>>(isPlainObject, 'expected an object');
/** A media reference: a URL string, or `{ value, fps? }`. */
export const media = () =>
  matching<string | { value: string }>(
    (v) => typeof v === 'string' || (isPlainObject(v) && typeof v['value'] === 'string'),
    'expected a URL string or { value, fps }',
  );
