/** A field of a collection as the playground shows it. */
export interface SchemaField {
  name: string;
  type: string;
  /** Vector dimension, for vector fields. */
  dim: number | undefined;
  isPrimaryKey: boolean;
  /** Listed in the index's scalar fields (filterable). */
  scalar: boolean;
}

/** A collection and index schema, read from a `return_schema` search. */
export interface IndexSchema {
  primaryKey: string;
  fields: SchemaField[];
  distance: string | undefined;
  /** Dimension of the index's dense vectors. */
  dim: number | undefined;
  partitionField: string | undefined;
  /** The text field vectorized on upsert, and its model. */
  vectorize: { textField: string; model: string } | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Reads the `schema` object of a search made with `return_schema: true` (the local server's shape, see its
 * describeSchema; VikingDB does not document one), or `undefined` when it has no field list.
 */
export function readSchema(schema: Readonly<Record<string, unknown>> | undefined): IndexSchema | undefined {
  if (!schema || !Array.isArray(schema['fields'])) return undefined;
  const index = isRecord(schema['index']) ? schema['index'] : {};
  const scalar = new Set(Array.isArray(index['scalar_fields']) ? index['scalar_fields'] : []);
  const vectorize = isRecord(schema['vectorize']) ? schema['vectorize'] : undefined;
  return {
    primaryKey: text(schema['primary_key']) ?? '',
    fields: schema['fields'].filter(isRecord).map((field) => ({
      name: text(field['field_name']) ?? '',
      type: text(field['field_type']) ?? 'unknown',
      dim: number(field['dim']),
      isPrimaryKey: field['is_primary_key'] === true,
      scalar: scalar.has(field['field_name']),
    })),
    distance: text(index['distance']),
    dim: number(index['dim']),
    partitionField: text(index['partition_field']),
    vectorize: vectorize
      ? { textField: text(vectorize['text_field']) ?? '', model: text(vectorize['model_name']) ?? '' }
      : undefined,
  };
}
