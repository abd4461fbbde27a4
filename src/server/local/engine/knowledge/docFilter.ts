/**
 * `doc_filter` / `search_by_filter`'s `filter`: the vector filter DSL (parsed by the vector engine's `parseFilter`,
 * evaluated by its `evaluateFilter`) over a table with one row per document, whose columns are `doc_id` and the tag
 * fields. A declared tag field has its configured type; an undeclared one takes the type of its values in the
 * collection's docs (string, int64, float32, bool or list<string>). A doc without a tag has `undefined` there, which
 * no `must`/`range` matches.
 */
import type { FieldType } from '../../config/schema';
import { invalid } from '../EngineError';
import { evaluateFilter, type FilterColumns } from '../vector/filter/evaluateFilter';
import { parseFilter } from '../vector/filter/parseFilter';
import type { KnowledgeCollection } from './KnowledgeCollection';
import type { DocRecord } from './KnowledgeRecords';

function typeOfValue(value: unknown): FieldType | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float32';
  if (Array.isArray(value)) return value.every((item) => typeof item === 'number') ? 'list<int64>' : 'list<string>';
  return undefined;
}

/** The docs of `collection` a filter keeps (ids), or throws a 400 naming `path`. */
export function filterDocs(collection: KnowledgeCollection, raw: unknown, path: string): Set<string> {
  const docs: DocRecord[] = [...collection.docs.values()];
  const types = new Map<string, FieldType>([['doc_id', 'string']]);
  for (const field of collection.config.tagFields) types.set(field.name, field.type);
  for (const doc of docs)
    for (const tag of doc.tags)
      if (!types.has(tag.field_name)) {
        const type = typeOfValue(tag.field_value);
        if (type) types.set(tag.field_name, type);
      }
  const node = parseFilter(
    raw,
    {
      fieldType: (name) => types.get(name),
      scalarFields: [...types.keys()],
      indexName: collection.config.name,
    },
    path,
  );
  const columns = new Map<string, unknown[]>();
  const table: FilterColumns = {
    size: docs.length,
    keys: docs.map((doc) => doc.doc_id),
    column(field) {
      let column = columns.get(field);
      if (!column) {
        column = docs.map((doc) =>
          field === 'doc_id' ? doc.doc_id : doc.tags.find((tag) => tag.field_name === field)?.field_value,
        );
        columns.set(field, column);
      }
      return column;
    },
  };
  let bitmap: Uint8Array;
  try {
    bitmap = evaluateFilter(node, table);
  } catch (error) {
    throw invalid(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const kept = new Set<string>();
  docs.forEach((doc, i) => {
    if (bitmap[i] === 1) kept.add(doc.doc_id);
  });
  return kept;
}
