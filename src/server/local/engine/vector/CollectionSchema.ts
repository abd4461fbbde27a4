/**
 * A vector collection's configuration normalized for the engine: fields by name (including the hidden field that
 * receives a vectorized text's embedding), the primary key kind, and each index with its resolved vector fields.
 */
import {
  AUTO_ID,
  type AnnConfig,
  type Distance,
  type FieldType,
  type VectorCollectionConfig,
} from '../../config/schema';
import type { Embedder } from '../../embedder/Embedder';

/** Name of the hidden dense field a vectorized text is embedded into when the config names none. */
export const HIDDEN_VECTOR_FIELD = '__dense_vector__';

/** Primary key kinds: `auto` is `__AUTO_ID__` (int64 values, sent as digit strings). */
export type PrimaryKeyKind = 'int64' | 'string' | 'auto';

/** One field as the engine sees it. */
export interface FieldSchema {
  name: string;
  type: FieldType;
  /** Vector length (`vector` fields). */
  dim?: number;
  /** Value an upsert uses when the row omits the field; `undefined` = required. */
  defaultValue: unknown;
  /** Never returned in `fields` and not writable (the hidden vectorize target). */
  hidden: boolean;
  /** Computed by the server (vectorize target): rows may not set it. */
  computed: boolean;
}

/** One index as the engine sees it. */
export interface IndexSchema {
  name: string;
  distance: Distance;
  /** Fields usable in filters, scalar search and aggregation (may include the primary key name). */
  scalarFields: ReadonlySet<string>;
  partitionField: string | undefined;
  /** Dense vector field and its dimension. */
  vectorField: string;
  dim: number;
  sparseField: string | undefined;
  /** Approximate index option (exact search when absent). */
  ann: AnnConfig | undefined;
}

/** The normalized collection. */
export interface CollectionSchema {
  name: string;
  projectName: string;
  resourceId: string | undefined;
  primaryKey: { name: string; kind: PrimaryKeyKind };
  fields: ReadonlyMap<string, FieldSchema>;
  /** What `output_fields` absent returns: every visible field that is not a dense or sparse vector. */
  defaultOutputFields: readonly string[];
  /** Every dense vector field (computed ones included): held as `Float32Array`s in memory (`compactRow.ts`). */
  denseFieldNames: readonly string[];
  vectorize: { textField: string; vectorField: string; model: string; dim: number } | undefined;
  indexes: ReadonlyMap<string, IndexSchema>;
}

function defaultFor(type: FieldType): unknown {
  switch (type) {
    case 'int64':
    case 'float32':
      return 0;
    case 'string':
    case 'text':
      return '';
    case 'bool':
      return false;
    case 'list<string>':
    case 'list<int64>':
      return [];
    case 'sparse_vector':
      return {};
    case 'vector':
      return undefined;
  }
}

/** Builds the schema of a collection; the config must already have passed `parseLocalConfig`. */
export function buildCollectionSchema(config: VectorCollectionConfig, embedder: Embedder): CollectionSchema {
  const fields = new Map<string, FieldSchema>();
  const vectorize = config.vectorize;
  for (const field of config.fields) {
    const computed = vectorize?.vectorField === field.name;
    const schema: FieldSchema = {
      name: field.name,
      type: field.type,
      defaultValue: field.default !== undefined ? field.default : defaultFor(field.type),
      hidden: false,
      computed,
    };
    if (field.dim !== undefined) schema.dim = field.dim;
    fields.set(field.name, schema);
  }
  let resolvedVectorize: CollectionSchema['vectorize'];
  if (vectorize) {
    const vectorField = vectorize.vectorField ?? HIDDEN_VECTOR_FIELD;
    const dim = fields.get(vectorField)?.dim ?? vectorize.dim ?? embedder.defaultDim(vectorize.model);
    if (vectorize.vectorField === undefined) {
      fields.set(HIDDEN_VECTOR_FIELD, {
        name: HIDDEN_VECTOR_FIELD,
        type: 'vector',
        dim,
        defaultValue: undefined,
        hidden: true,
        computed: true,
      });
    }
    resolvedVectorize = { textField: vectorize.textField, vectorField, model: vectorize.model, dim };
  }
  const denseFields = [...fields.values()].filter((f) => f.type === 'vector');
  const sparseFields = [...fields.values()].filter((f) => f.type === 'sparse_vector');
  const indexes = new Map<string, IndexSchema>();
  for (const index of config.indexes) {
    const vectorField = index.vectorField ?? denseFields[0]!.name;
    indexes.set(index.name, {
      name: index.name,
      distance: index.distance,
      scalarFields: new Set(index.scalarFields),
      partitionField: index.partitionField,
      vectorField,
      dim: fields.get(vectorField)!.dim!,
      sparseField: index.sparseField ?? (sparseFields.length === 1 ? sparseFields[0]!.name : undefined),
      ann: index.ann,
    });
  }
  const pkName = config.primaryKey.name;
  return {
    name: config.name,
    projectName: config.projectName,
    resourceId: config.resourceId,
    primaryKey: { name: pkName, kind: pkName === AUTO_ID ? 'auto' : config.primaryKey.type },
    fields,
    defaultOutputFields: [...fields.values()]
      .filter((f) => !f.hidden && f.type !== 'vector' && f.type !== 'sparse_vector')
      .map((f) => f.name),
    denseFieldNames: denseFields.map((f) => f.name),
    vectorize: resolvedVectorize,
    indexes,
  };
}

/** The type of a field usable in `index` filters, or `undefined` when it is not one of its scalar fields. */
export function scalarFieldType(collection: CollectionSchema, index: IndexSchema, name: string): FieldType | undefined {
  if (!index.scalarFields.has(name)) return undefined;
  if (name === collection.primaryKey.name) return collection.primaryKey.kind === 'string' ? 'string' : 'int64';
  return collection.fields.get(name)?.type;
}
