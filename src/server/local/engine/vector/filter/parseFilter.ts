/**
 * Validates a wire filter into a {@link FilterNode}. Every problem is a 400 InvalidParameter naming the node path
 * (`filter.conds[1].field`); a field that is not a scalar field of the index is rejected with the list of fields that
 * are (filtering requires a scalar index, as in the cloud).
 */
import type { FieldType } from '../../../config/schema';
import { invalid } from '../../EngineError';
import { isJsonObject } from '../../BodyReader';
import type { PrimaryKeyKind } from '../CollectionSchema';
import { lookupKey } from '../primaryKey';
import type { FilterNode, FilterScalar } from './FilterNode';
import { quote } from '../../quote';

/** What the parser needs to know about the index. */
export interface FilterContext {
  /** Type of a field usable in filters, `undefined` when it is not a scalar field of the index. */
  fieldType(name: string): FieldType | undefined;
  /** The collection's primary key: `must` on it compares canonical keys (exact for int64 ids beyond 2^53). */
  primaryKey?: { name: string; kind: PrimaryKeyKind } | undefined;
  /** For messages: the index's scalar fields. */
  scalarFields: readonly string[];
  indexName: string;
}

const BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;
const MUST_TYPES: ReadonlySet<FieldType> = new Set(['string', 'int64', 'bool', 'list<string>', 'list<int64>']);
const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['int64', 'float32']);

function fieldOf(raw: unknown, path: string, context: FilterContext): { name: string; type: FieldType } {
  if (typeof raw !== 'string' || raw === '') throw invalid(`${path} must be a field name`);
  const type = context.fieldType(raw);
  if (type === undefined) {
    const known = context.scalarFields.length > 0 ? context.scalarFields.join(', ') : 'none';
    throw invalid(
      `${path}: '${raw}' is not a scalar field of index '${context.indexName}' (filterable fields: ${known})`,
    );
  }
  return { name: raw, type };
}

function condValue(value: unknown, type: FieldType, path: string): FilterScalar {
  if (type === 'int64' || type === 'list<int64>') {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
    throw invalid(`${path} must be an int64`);
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw invalid(`${path} must be true or false`);
    return value;
  }
  if (typeof value !== 'string') throw invalid(`${path} must be a string`);
  return value;
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${path} must be a finite number`);
  return value;
}

function pair(value: unknown, path: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) throw invalid(`${path} must be an array of two numbers`);
  return [number(value[0], `${path}[0]`), number(value[1], `${path}[1]`)];
}

function parseRange(node: Record<string, unknown>, op: 'range' | 'range_out', path: string, context: FilterContext) {
  if (Array.isArray(node['field'])) {
    const fields = node['field'];
    if (fields.length !== 2) throw invalid(`${path}.field must name two fields [x, y] for a circle range`);
    const x = fieldOf(fields[0], `${path}.field[0]`, context);
    const y = fieldOf(fields[1], `${path}.field[1]`, context);
    for (const [field, at] of [
      [x, `${path}.field[0]`],
      [y, `${path}.field[1]`],
    ] as const) {
      if (!NUMERIC_TYPES.has(field.type))
        throw invalid(`${at}: '${field.name}' is ${field.type}; a circle needs numbers`);
    }
    if (node['center'] === undefined) throw invalid(`${path}.center is required for a circle range`);
    const radius = number(node['radius'], `${path}.radius`);
    if (radius < 0) throw invalid(`${path}.radius must be >= 0`);
    const node2: FilterNode = {
      op: op === 'range' ? 'circle' : 'circle_out',
      fields: [x.name, y.name],
      center: pair(node['center'], `${path}.center`),
      radius,
    };
    return node2;
  }
  const field = fieldOf(node['field'], `${path}.field`, context);
  if (!NUMERIC_TYPES.has(field.type))
    throw invalid(`${path}.field: '${field.name}' is ${field.type}; ${op} needs an int64 or float32 field`);
  const result: { op: 'range' | 'range_out'; field: string; gt?: number; gte?: number; lt?: number; lte?: number } = {
    op,
    field: field.name,
  };
  for (const bound of BOUNDS) {
    if (node[bound] !== undefined && node[bound] !== null) result[bound] = number(node[bound], `${path}.${bound}`);
  }
  if (BOUNDS.every((bound) => result[bound] === undefined))
    throw invalid(`${path}: ${op} needs at least one of gt, gte, lt, lte (or field [x, y] with center and radius)`);
  return result;
}

/** Parses one node at `path` (the root is `filter`). */
export function parseFilter(raw: unknown, context: FilterContext, path = 'filter'): FilterNode {
  if (!isJsonObject(raw)) throw invalid(`${path} must be an object with an "op"`);
  const op = raw['op'];
  switch (op) {
    case 'must':
    case 'must_not': {
      const field = fieldOf(raw['field'], `${path}.field`, context);
      if (!MUST_TYPES.has(field.type))
        throw invalid(
          `${path}.field: '${field.name}' is ${field.type}; ${op} needs string, int64, bool or list fields`,
        );
      const conds = raw['conds'];
      if (!Array.isArray(conds)) throw invalid(`${path}.conds must be an array of values`);
      const values = conds.map((value, i) => condValue(value, field.type, `${path}.conds[${i}]`));
      const key = context.primaryKey;
      if (key?.name === field.name) {
        // Canonical keys from the values as sent (a digit string keeps every digit); one that cannot be a key matches nothing.
        const keys = conds.flatMap((value) => lookupKey(value, key.kind)?.key ?? []);
        return { op, field: field.name, values: new Set(keys), byKey: true };
      }
      return { op, field: field.name, values: new Set(values) };
    }
    case 'range':
    case 'range_out':
      return parseRange(raw, op, path, context);
    case 'and':
    case 'or': {
      const conds = raw['conds'];
      if (!Array.isArray(conds) || conds.length === 0)
        throw invalid(`${path}.conds must be a non-empty array of filter nodes`);
      return { op, conds: conds.map((cond, i) => parseFilter(cond, context, `${path}.conds[${i}]`)) };
    }
    default:
      throw invalid(`${path}.op ${quote(op)} is not a filter operator (must, must_not, range, range_out, and, or)`);
  }
}
