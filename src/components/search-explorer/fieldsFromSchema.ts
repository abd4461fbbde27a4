import type { ExplorerFieldType, FieldSpec } from './fieldTypes';

const KNOWN_TYPES: ReadonlySet<string> = new Set<ExplorerFieldType>([
  'string',
  'text',
  'int64',
  'float32',
  'bool',
  'list<string>',
  'list<int64>',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Field specs from the `schema` a search returns with `return_schema: true` (`fields: [{field_name, field_type}]`,
 * `index.scalar_fields`): a field is filterable exactly when the index lists it as a scalar field (or partition
 * field). Vector fields are left out (they are not shown as fields). `undefined` when the schema has no field list
 * (the service does not document its shape), so the caller can fall back to guessing from rows.
 */
export function fieldsFromSchema(schema: Readonly<Record<string, unknown>> | undefined): FieldSpec[] | undefined {
  const fields = schema?.['fields'];
  if (!Array.isArray(fields)) return undefined;
  const index = isRecord(schema?.['index']) ? schema['index'] : {};
  const scalarFields = Array.isArray(index['scalar_fields']) ? index['scalar_fields'] : [];
  const filterable = new Set<unknown>([...scalarFields, index['partition_field']]);
  const specs: FieldSpec[] = [];
  for (const field of fields) {
    if (!isRecord(field) || typeof field['field_name'] !== 'string') continue;
    const rawType = typeof field['field_type'] === 'string' ? field['field_type'] : 'unknown';
    if (rawType === 'vector' || rawType === 'sparse_vector') continue;
    const type = (KNOWN_TYPES.has(rawType) ? rawType : 'unknown') as ExplorerFieldType;
    specs.push({ name: field['field_name'], type, filterable: filterable.has(field['field_name']) });
  }
  return specs;
}
