import * as z from 'zod/mini';
import { isFiniteNumber, isRecord } from './read';

const isString = (value: unknown): value is string => typeof value === 'string';
/** A string, or a whole number a double holds exactly (an int64 beyond 2^53 must be sent as a digit string). */
const isPrimaryKey = (value: unknown): value is string | number => isString(value) || Number.isSafeInteger(value);

/*
 * Building blocks of the request schemas. They are functions, and every schema is built lazily (see `lazy`), so a
 * bundle contains only the schemas of the operations an app calls.
 */

/** Builds a value on first use and keeps it; `/* @__PURE__ *\/ lazy(…)` lets bundlers drop unused ones. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/**
 * A value a predicate accepts. Used instead of zod's primitives (`z.string`, `z.number`, `z.boolean`), its
 * `z.union` / `z.record` / `z.enum` / `z.literal` and its numeric and length checks: one small schema kind in the
 * bundle rather than a dozen (about 1.5 kB gzip less in every app), each with a message that says what was expected.
 */
export const matching = <T>(test: (value: unknown) => boolean, message: string) => z.custom<T>(test, message);

/**
 * A check (for `.check(…)`) that reports `message` unless `test` accepts the value: what `z.refine` does, as a plain
 * function, which zod/mini runs without its refinement kind.
 */
export function unless<T>(test: (value: T) => boolean, message: string): z.core.CheckFn<T> {
  return (payload) => {
    if (!test(payload.value)) payload.issues.push({ code: 'custom', message, input: payload.value });
  };
}

/**
 * An array whose elements pass `test`, each failure named by its index (`denseVector[7]: expected a finite number`)
 * as `z.array` would, but with the `z.custom` kind every app already has (zod's array kind is 0.4 kB gzip more).
 */
export const listOf = <T>(test: (value: unknown) => boolean, message: string, elementMessage: string) =>
  matching<T[]>(Array.isArray, message).check((payload) => {
    payload.value.forEach((value, i) => {
      if (!test(value)) payload.issues.push({ code: 'custom', message: elementMessage, input: value, path: [i] });
    });
  });

/** A check for arrays and strings: at least one element or character. */
export const nonEmpty = (message: string) => unless<{ length: number }>((value) => value.length > 0, message);

/** A string. */
export const str = () => matching<string>(isString, 'expected a string');
/** A boolean. */
export const bool = () => matching<boolean>((v) => typeof v === 'boolean', 'expected true or false');
/** A finite number (not NaN or ±Infinity). */
export const finite = () => matching<number>(isFiniteNumber, 'expected a finite number');
/** A whole number ≥ `min`. */
export const wholeAtLeast = (min: number) =>
  matching<number>((v) => Number.isSafeInteger(v) && (v as number) >= min, `expected a whole number ≥ ${min}`);
/** A non-empty string. */
export const text = () => str().check(nonEmpty('expected a non-empty string'));

/** One of the given strings. */
export const oneOf = <T extends string>(values: readonly T[]) =>
  matching<T>((value) => values.includes(value as T), `expected ${values.join(', ').replace(/, ([^,]*)$/, ' or $1')}`);

const PRIMARY_KEY_MESSAGE = 'expected a string or a whole-number id (beyond 2^53, a digit string)';
/** A primary key: a string or a safe whole number. */
export const primaryKey = () => matching<string | number>(isPrimaryKey, PRIMARY_KEY_MESSAGE);
/** A list of primary keys. */
export const primaryKeys = () => listOf(isPrimaryKey, 'expected an array of ids', PRIMARY_KEY_MESSAGE);
/** A list of finite numbers (a vector). */
export const numbers = () => listOf<number>(isFiniteNumber, 'expected an array of numbers', 'expected a finite number');
/** A list of strings. */
export const strings = () => listOf<string>(isString, 'expected an array of strings', 'expected a string');
/** token → weight. */
export const sparse = () =>
  matching<Record<string, number>>(
    (v) => isRecord(v) && Object.values(v).every(isFiniteNumber),
    'expected an object of token → finite weight',
  );
/** A partition value. */
export const partition = () =>
  matching<string | number>((v) => typeof v === 'string' || isFiniteNumber(v), 'expected a string or number');
/** A list of JSON objects. */
export const objects = () =>
  listOf<Record<string, unknown>>(isRecord, 'expected an array of objects', 'expected an object');
/** Any JSON object. */
export const jsonObject = () => matching<Record<string, unknown>>(isRecord, 'expected an object');
/**
 * A media input (`image`, `video`): a URL, `tos://bucket/key` or base64 data URL string, or an object form such as
 * `{ value, fps }`; the service checks the object's members.
 */
export const media = () =>
  matching<string | Record<string, unknown>>((v) => isString(v) || isRecord(v), 'expected a URL string or an object');
