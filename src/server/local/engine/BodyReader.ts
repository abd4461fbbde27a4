/**
 * Typed, path-naming access to a JSON request body. Every accessor throws an {@link EngineError} whose message names
 * the dotted path (`data[3].score`), so a client learns exactly which field to fix. `null` counts as absent (Go and
 * Java send nulls for unset fields); {@link BodyReader.locator} also treats `""` as absent (Go sends empty strings).
 */
import { quoteInexactIntegers } from '../../../client/shared/quoteInexactIntegers';
import { invalid, missing } from './EngineError';
import { quote, shorten } from './quote';

/**
 * Deepest nesting of arrays/objects a request body may have (the body itself is level 1). Real VikingDB bodies nest
 * a few levels (filters perhaps a dozen); without a bound, a deeply nested filter or `memory_info` overflowed the
 * call stack of the recursive filter parser and of storage encoding — a 500 instead of a 400.
 */
export const MAX_BODY_DEPTH = 64;

/**
 * True when `value` nests arrays/objects more than `max` levels deep. Recursion stops at `max`, so the stack stays
 * shallow whatever the input; nothing is allocated for number arrays (dense vectors), the bulk of a write body.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (max <= 0) return true;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'object' && nestsDeeperThan(item, max - 1)) return true;
    }
    return false;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && nestsDeeperThan(child, max - 1)) return true;
  }
  return false;
}

/** The characters that open or close a level, and the quote that starts a string. */
const STRUCTURAL = /["[\]{}]/g;

/**
 * {@link nestsDeeperThan} of the value `text` (valid JSON) holds, read from the text without walking the parsed value
 * (a write body's hundred vectors are most of its characters, and most of a walk's time): a regular expression jumps
 * from one bracket or quote to the next over the numbers between them, and a string is skipped to its closing quote.
 */
export function jsonTextNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  STRUCTURAL.lastIndex = 0;
  for (let match = STRUCTURAL.exec(text); match !== null; match = STRUCTURAL.exec(text)) {
    const code = text.charCodeAt(match.index);
    if (code === 0x22) STRUCTURAL.lastIndex = endOfString(text, match.index + 1);
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > max) return true;
    } else depth--;
  }
  return false;
}

/** The index after the quote that closes the string whose text starts at `from` (one not escaped by a backslash). */
function endOfString(text: string, from: number): number {
  for (let quote = text.indexOf('"', from); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

/** The latest time a request may carry: 9999-12-31T23:59:59.999Z in epoch milliseconds. */
export const MAX_EPOCH_MS = 253_402_300_799_999;

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `prefix.key`, or `key` at the root; a user-chosen key (a field or token name) is shortened to ~200 characters. */
export function joinPath(prefix: string, key: string): string {
  const shown = shorten(key);
  return prefix === '' ? shown : `${prefix}.${shown}`;
}

/** Reads fields of one JSON object. */
export class BodyReader {
  constructor(
    readonly value: JsonObject,
    readonly path = '',
  ) {}

  /**
   * Parses a raw body; `''` is `{}`. Invalid JSON, a non-object or nesting deeper than {@link MAX_BODY_DEPTH} levels
   * → 400 InvalidParameter.
   */
  static parse(text: string): BodyReader {
    if (text.trim() === '') return new BodyReader({});
    let parsed: unknown;
    try {
      // Integers a double cannot hold (int64 ids beyond 2^53, as Go sends them) become exact digit strings instead of
      // being rounded onto a neighbouring id.
      parsed = JSON.parse(quoteInexactIntegers(text));
    } catch (error) {
      throw invalid(`request body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!isJsonObject(parsed)) throw invalid('request body must be a JSON object');
    if (jsonTextNestsDeeperThan(text, MAX_BODY_DEPTH))
      throw invalid(`request body is nested more than ${MAX_BODY_DEPTH} levels deep`);
    return new BodyReader(parsed);
  }

  /** Path of a key of this object. */
  at(key: string): string {
    return joinPath(this.path, key);
  }

  /** The raw value; `undefined` when absent or null. */
  raw(key: string): unknown {
    const value = this.value[key];
    return value === null ? undefined : value;
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  /** A locator string (`collection_name`, `resource_id`, `index_name`, `project_name`): `""` means absent. */
  locator(key: string): string | undefined {
    const value = this.optionalString(key);
    return value === '' ? undefined : value;
  }

  optionalString(key: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalid(`${this.at(key)} must be a string`);
    return value;
  }

  string(key: string): string {
    const value = this.optionalString(key);
    if (value === undefined) throw missing(this.at(key));
    return value;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw invalid(`${this.at(key)} must be true or false`);
    return value;
  }

  optionalNumber(key: string, range: { min?: number; max?: number } = {}): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${this.at(key)} must be a finite number`);
    checkRange(this.at(key), value, range);
    return value;
  }

  /**
   * A time in epoch milliseconds, from 0 (1970) to {@link MAX_EPOCH_MS} (the end of year 9999): a number outside that
   * is a unit mistake (seconds, microseconds) or garbage, and would be stored and returned as such.
   */
  optionalEpochMs(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_EPOCH_MS) {
      throw invalid(
        `${this.at(key)} must be a time in epoch milliseconds from 0 to ${MAX_EPOCH_MS} (year 9999), got ${quote(value)}`,
      );
    }
    return value;
  }

  optionalInteger(key: string, range: { min?: number; max?: number } = {}): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(`${this.at(key)} must be an integer`);
    checkRange(this.at(key), value, range);
    return value;
  }

  optionalArray(key: string): unknown[] | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw invalid(`${this.at(key)} must be an array`);
    return value;
  }

  array(key: string): unknown[] {
    const value = this.optionalArray(key);
    if (value === undefined) throw missing(this.at(key));
    return value;
  }

  optionalStringArray(key: string): string[] | undefined {
    const value = this.optionalArray(key);
    if (value === undefined) return undefined;
    value.forEach((item, i) => {
      if (typeof item !== 'string') throw invalid(`${this.at(key)}[${i}] must be a string`);
    });
    return value as string[];
  }

  optionalObject(key: string): BodyReader | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) throw invalid(`${this.at(key)} must be an object`);
    return new BodyReader(value, this.at(key));
  }

  object(key: string): BodyReader {
    const value = this.optionalObject(key);
    if (value === undefined) throw missing(this.at(key));
    return value;
  }
}

function checkRange(path: string, value: number, range: { min?: number; max?: number }): void {
  if (range.min !== undefined && value < range.min) throw invalid(`${path} must be >= ${range.min} (got ${value})`);
  if (range.max !== undefined && value > range.max) throw invalid(`${path} must be <= ${range.max} (got ${value})`);
}
