/**
 * Type checks of row values (api doc §3.0): int64 integral, float32 finite (and within float32 range), string at
 * most 256 bytes UTF-8 (docs), text at most 65535 bytes (local choice), bool, lists of those, dense vectors of exactly
 * `dim` finite numbers, sparse vectors as objects token → finite number.
 */
import { invalid } from '../EngineError';
import { FINITE_FLOAT32, isFiniteFloat32 } from '../float32';
import { shorten } from '../quote';
import { isJsonObject } from '../BodyReader';
import type { FieldSchema } from './CollectionSchema';
import type { Float32Arena } from './Float32Arena';
import { utf8Length } from './primaryKey';

/** Largest UTF-8 size of a `string` value (and each `list<string>` element). */
export const MAX_STRING_BYTES = 256;
/** Largest UTF-8 size of a `text` value. */
export const MAX_TEXT_BYTES = 65535;

function checkString(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') throw invalid(`${path} must be a string`);
  const bytes = utf8Length(value);
  if (bytes > max) throw invalid(`${path} is ${bytes} bytes; at most ${max} bytes are allowed`);
  return value;
}

const INT64_LIMIT = 2 ** 63;

/** An int64 value the local server can hold exactly (|value| ≤ 2^53), or a 400 naming `path`. */
export function checkInt64(value: unknown, path: string): number {
  if (typeof value === 'string' && /^-?\d{16,}$/.test(value))
    // An integer literal a double cannot hold arrives as digit string (see BodyReader.parse).
    throw invalid(`${path}: the local server stores int64 field values up to ±2^53 exactly; ${value} is beyond that`);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(`${path} must be an int64 (integer)`);
  if (value >= INT64_LIMIT || value < -INT64_LIMIT) throw invalid(`${path} is outside the int64 range`);
  return value;
}

/**
 * Returns the value to store (a dense vector as a `Float32Array`, taken from `vectors` when given), or throws a 400
 * naming `path`.
 */
export function validateFieldValue(field: FieldSchema, value: unknown, path: string, vectors?: Float32Arena): unknown {
  switch (field.type) {
    case 'int64':
      return checkInt64(value, path);
    case 'float32':
      if (!isFiniteFloat32(value)) throw invalid(`${path} ${FINITE_FLOAT32}`);
      return value;
    case 'string':
      return checkString(value, path, MAX_STRING_BYTES);
    case 'text':
      return checkString(value, path, MAX_TEXT_BYTES);
    case 'bool':
      if (typeof value !== 'boolean') throw invalid(`${path} must be true or false`);
      return value;
    case 'list<string>':
      if (!Array.isArray(value)) throw invalid(`${path} must be an array of strings`);
      return value.map((item, i) => checkString(item, `${path}[${i}]`, MAX_STRING_BYTES));
    case 'list<int64>':
      if (!Array.isArray(value)) throw invalid(`${path} must be an array of int64`);
      return value.map((item, i) => checkInt64(item, `${path}[${i}]`));
    case 'vector': {
      if (!Array.isArray(value)) throw invalid(`${path} must be an array of ${field.dim} numbers`);
      if (value.length !== field.dim)
        throw invalid(`${path} has ${value.length} dimensions; the field needs exactly ${field.dim}`);
      // Held as float32 from here on, as VikingDB stores it (see `compactRow.ts`).
      const vector = vectors ? vectors.take(value.length) : new Float32Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (!isFiniteFloat32(item)) throw invalid(`${path}[${i}] ${FINITE_FLOAT32}`);
        vector[i] = item;
      }
      return vector;
    }
    case 'sparse_vector': {
      if (!isJsonObject(value)) throw invalid(`${path} must be an object mapping tokens to weights`);
      const sparse: Record<string, number> = {};
      for (const [token, weight] of Object.entries(value)) {
        if (!isFiniteFloat32(weight)) throw invalid(`${path}.${shorten(token)} ${FINITE_FLOAT32}`);
        sparse[token] = weight;
      }
      return sparse;
    }
  }
}
