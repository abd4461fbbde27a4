/**
 * Validates one row of an upsert/update body against the collection schema: known fields only (unless
 * `ignore_unknown_fields`, which drops them), typed values, no writes to computed fields; for upsert, missing fields
 * get their defaults and dense vector fields are required.
 */
import { isJsonObject, joinPath } from '../BodyReader';
import { invalid, missing } from '../EngineError';
import type { CollectionSchema } from './CollectionSchema';
import type { Float32Arena } from './Float32Arena';
import { validateFieldValue } from './validateFieldValue';
import { quote } from '../quote';

/** A validated row: the raw primary key (undefined when absent) and the given (and, for upsert, defaulted) fields. */
export interface RowInput {
  rawKey: unknown;
  fields: Record<string, unknown>;
}

export function readRow(
  collection: CollectionSchema,
  raw: unknown,
  path: string,
  options: {
    mode: 'upsert' | 'update';
    ignoreUnknown: boolean;
    /** Where dense vectors are allocated (one arena for a whole write: see {@link Float32Arena}). */
    vectors?: Float32Arena;
  },
): RowInput {
  if (!isJsonObject(raw)) throw invalid(`${path} must be an object of field values`);
  const fields: Record<string, unknown> = {};
  let rawKey: unknown;
  for (const [name, value] of Object.entries(raw)) {
    if (name === collection.primaryKey.name) {
      rawKey = value === null ? undefined : value;
      continue;
    }
    const field = collection.fields.get(name);
    if (!field || field.hidden) {
      if (options.ignoreUnknown) continue;
      const known = [...collection.fields.values()].filter((f) => !f.hidden).map((f) => f.name);
      throw invalid(
        `${joinPath(path, name)}: unknown field ${quote(name)} in collection '${collection.name}' (fields: ${[collection.primaryKey.name, ...known].join(', ')}); set ignore_unknown_fields to drop unknown fields`,
      );
    }
    if (field.computed)
      throw invalid(`${path}.${name} is computed from text field '${collection.vectorize?.textField}'; do not set it`);
    if (value === null) continue;
    fields[name] = validateFieldValue(field, value, `${path}.${name}`, options.vectors);
  }
  if (options.mode === 'upsert') {
    for (const field of collection.fields.values()) {
      if (field.computed || field.name in fields) continue;
      if (field.defaultValue === undefined) throw missing(`${path}.${field.name}`);
      fields[field.name] = structuredClone(field.defaultValue);
    }
  }
  return { rawKey, fields };
}
