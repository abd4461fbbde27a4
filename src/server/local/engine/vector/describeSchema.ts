/**
 * The `schema` object of a search result when the request sets `return_schema: true` (api doc §3.0 SearchBase /
 * SearchResult). VikingDB does not document its inner shape; the local server describes the collection and the
 * searched index in the snake_case style of the v2 API:
 *
 * ```json
 * {"collection_name": "items", "project_name": "default", "primary_key": "id",
 *  "fields": [{"field_name": "id", "field_type": "int64", "is_primary_key": true},
 *             {"field_name": "vec", "field_type": "vector", "dim": 4}, ...],
 *  "vectorize": {"text_field": "body", "vector_field": "__dense_vector__", "model_name": "bge-m3", "dim": 32},
 *  "index": {"index_name": "idx", "distance": "ip", "vector_field": "vec", "dim": 4,
 *            "scalar_fields": ["n", "title"], "partition_field": "region", "sparse_field": "sparse"}}
 * ```
 * Hidden fields (the internal vectorize target) are not listed; `vectorize`, `partition_field` and `sparse_field`
 * appear only when set. Auto-id collections list their key as `__AUTO_ID__` of type int64.
 */
import type { CollectionSchema, IndexSchema } from './CollectionSchema';

export function describeSchema(collection: CollectionSchema, index: IndexSchema): Record<string, unknown> {
  const pk = collection.primaryKey;
  const fields: Array<Record<string, unknown>> = [
    { field_name: pk.name, field_type: pk.kind === 'string' ? 'string' : 'int64', is_primary_key: true },
  ];
  for (const field of collection.fields.values()) {
    if (field.hidden) continue;
    const entry: Record<string, unknown> = { field_name: field.name, field_type: field.type };
    if (field.dim !== undefined) entry['dim'] = field.dim;
    fields.push(entry);
  }
  const indexInfo: Record<string, unknown> = {
    index_name: index.name,
    distance: index.distance,
    vector_field: index.vectorField,
    dim: index.dim,
    scalar_fields: [...index.scalarFields],
  };
  if (index.partitionField !== undefined) indexInfo['partition_field'] = index.partitionField;
  if (index.sparseField !== undefined) indexInfo['sparse_field'] = index.sparseField;
  const schema: Record<string, unknown> = {
    collection_name: collection.name,
    project_name: collection.projectName,
    primary_key: pk.name,
    fields,
  };
  if (collection.vectorize) {
    const { textField, vectorField, model, dim } = collection.vectorize;
    schema['vectorize'] = { text_field: textField, vector_field: vectorField, model_name: model, dim };
  }
  schema['index'] = indexInfo;
  return schema;
}
