/**
 * The local server's configuration: which vector collections (with their indexes) and which memory collections
 * exist. Parsed with `zod/mini` because the engine also runs in browsers (MSW). Pure: no Node built-ins.
 *
 * Cross-references (index fields, vectorize fields, primary key) are checked after the shape, so one parse reports
 * every problem with its path, e.g. `collections.0.indexes.0.scalarFields.2: unknown field 'yeer'`.
 */
import { z } from 'zod/mini';
import { closestName } from './closestName';
import { embedderConfigSchema, llmConfigSchema } from './modelBackendsSchema';

/** The VikingDB field types a vector collection may declare. */
export const FIELD_TYPES = [
  'int64',
  'float32',
  'string',
  'bool',
  'list<string>',
  'list<int64>',
  'vector',
  'sparse_vector',
  'text',
] as const;

/** A VikingDB field type. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** The name VikingDB gives an auto-generated primary key. */
export const AUTO_ID = '__AUTO_ID__';

/** The distance functions an index may use. */
export const DISTANCES = ['ip', 'cosine', 'l2'] as const;

/** An index distance. */
export type Distance = (typeof DISTANCES)[number];

const name = z.string().check(z.minLength(1), z.maxLength(128));

const fieldSchema = z.object({
  /** Field name as it appears in rows. */
  name,
  /** VikingDB type of the field. */
  type: z.enum(FIELD_TYPES),
  /** Vector length; required for `vector` fields, not allowed for others. */
  dim: z.optional(z.int().check(z.minimum(1), z.maximum(8192))),
  /**
   * Value used when an upserted row omits the field. Default: `0` for int64/float32, `""` for string/text, `false`
   * for bool, `[]` for lists, `{}` for sparse_vector; `vector` fields have no default (rows must supply them).
   */
  default: z.optional(z.unknown()),
});

const primaryKeySchema = z.object({
  /** Field name of the primary key; `__AUTO_ID__` makes the server generate ids (digit strings). */
  name,
  /** `int64` or `string`. Default `int64`. Auto ids are int64 values sent as digit strings. */
  type: z._default(z.enum(['int64', 'string']), 'int64'),
});

const vectorizeSchema = z.object({
  /** The `text` field whose content is embedded. */
  textField: name,
  /** Embedding model name, e.g. `bge-m3`. Only used for its default dimension and `token_usage` keys. */
  model: name,
  /** Vector length. Default: the model's default dimension (bge-m3 → 1024; unknown models → 1024). */
  dim: z.optional(z.int().check(z.minimum(1), z.maximum(8192))),
  /**
   * A declared `vector` field that receives the embedding (rows may not set it themselves). Default: an internal
   * field `__dense_vector__` that is never returned in `fields`.
   */
  vectorField: z.optional(name),
});

const annSchema = z.object({
  /** Kind of approximate index: `hnsw` (usearch; Node only, needs the optional package `usearch`). */
  kind: z.literal('hnsw'),
  /** Graph edges per node (HNSW `M`). Default 16. */
  connectivity: z.optional(z.int().check(z.minimum(2), z.maximum(256))),
  /** Candidate list size while inserting (`efConstruction`). Default 128. */
  expansionAdd: z.optional(z.int().check(z.minimum(1), z.maximum(4096))),
  /** Candidate list size while searching (`ef`, raised to the number of hits asked for). Default 64. */
  expansionSearch: z.optional(z.int().check(z.minimum(1), z.maximum(4096))),
});

const indexSchema = z.object({
  /** Index name (`index_name` in requests). */
  name,
  /** Distance of the dense vector. Default `ip`. */
  distance: z._default(z.enum(DISTANCES), 'ip'),
  /** Fields usable in `filter`, `agg.field` and scalar search. Default `[]`. */
  scalarFields: z._default(z.array(name), []),
  /** Field whose value is the row's partition (`partition` in requests). Default: none. */
  partitionField: z.optional(name),
  /** Dense vector field searched by the index. Default: the collection's only dense vector field. */
  vectorField: z.optional(name),
  /** Sparse vector field for hybrid search. Default: the collection's only sparse_vector field, if any. */
  sparseField: z.optional(name),
  /**
   * Approximate index for dense searches of large collections (candidates are re-scored exactly; filtered searches
   * over-fetch, and fall back to exact when too few candidates pass). Default: none (exact search). Honoured where
   * the engine has an approximate index factory (the Node server); elsewhere (MSW) the index searches exactly.
   */
  ann: z.optional(annSchema),
});

const vectorCollectionSchema = z.object({
  /** Collection name (`collection_name` in requests). */
  name,
  /** Project the collection belongs to. Default `default`. */
  projectName: z._default(name, 'default'),
  /** Extra `resource_id` that addresses the collection; the collection name is always accepted as resource id. */
  resourceId: z.optional(name),
  /** Free text shown by tools. */
  description: z.optional(z.string()),
  /** Primary key. Default `{ name: "__AUTO_ID__", type: "int64" }`. */
  primaryKey: z._default(primaryKeySchema, { name: AUTO_ID, type: 'int64' }),
  /** Every field except the primary key. */
  fields: z.array(fieldSchema),
  /** Embeds a text field into a dense vector at upsert time. Default: none. */
  vectorize: z.optional(vectorizeSchema),
  /** Indexes over the collection. Default `[]`. */
  indexes: z._default(z.array(indexSchema), []),
});

const memoryFieldSchema = z.object({
  name,
  /** Default `string`. */
  type: z._default(z.enum(['string', 'int64', 'float32', 'bool']), 'string'),
  description: z.optional(z.string()),
});

const memoryTypeSchema = z.object({
  /** Type name, e.g. `event_v1`, `profile_v1` (`event_type`/`profile_type`/`memory_type` in requests). */
  name,
  description: z.optional(z.string()),
  /** Declared `memory_info` fields (type-checked when present; undeclared keys are kept). Default `[]`. */
  fields: z._default(z.array(memoryFieldSchema), []),
});

/**
 * How a memory or knowledge collection is addressed: `name` (`collection_name`; for knowledge also `name` on the search
 * calls), `projectName` (`project_name`, knowledge's `project`; default `default`), an extra `resourceId` (the name
 * is always accepted too), and a description.
 */
const collectionAddress = {
  name,
  projectName: z._default(name, 'default'),
  resourceId: z.optional(name),
  description: z.optional(z.string()),
};

const memoryCollectionSchema = z.object({
  ...collectionAddress,
  /** Event types; the first one receives the events derived by `session/add`. Default `[]`. */
  eventTypes: z._default(z.array(memoryTypeSchema), []),
  /** Profile types; the first one receives the facts derived by `session/add`. Default `[]`. */
  profileTypes: z._default(z.array(memoryTypeSchema), []),
});

/** Types a knowledge collection's tag (doc meta) field may have; tags are what `doc_filter` filters on. */
export const KNOWLEDGE_TAG_TYPES = ['string', 'int64', 'float32', 'bool', 'list<string>', 'list<int64>'] as const;

const knowledgeTagFieldSchema = z.object({
  /** Tag name (`field_name` of a MetaItem in `tag_list` / `meta`). */
  name,
  /** Type of the tag's values. Default `string`. */
  type: z._default(z.enum(KNOWLEDGE_TAG_TYPES), 'string'),
  description: z.optional(z.string()),
});

/** Default chunking of knowledge documents: chunks of at most 500 characters, 50 of them repeated from the last. */
export const DEFAULT_KNOWLEDGE_CHUNKING = { size: 500, overlap: 50 } as const;

const knowledgeChunkingSchema = z.object({
  /** Largest chunk in characters (chunks end at headings and paragraph ends where they can). Default 500. */
  size: z._default(z.int().check(z.minimum(50), z.maximum(20_000)), DEFAULT_KNOWLEDGE_CHUNKING.size),
  /** Characters of a chunk's end repeated at the start of the next chunk of the same section. Default 50. */
  overlap: z._default(z.int().check(z.minimum(0), z.maximum(10_000)), DEFAULT_KNOWLEDGE_CHUNKING.overlap),
});

/** Default embedding of knowledge chunks: model `bge-m3` at dim 256. */
export const DEFAULT_KNOWLEDGE_EMBEDDING = { model: 'bge-m3', dim: 256 } as const;

const knowledgeEmbeddingSchema = z.object({
  /** Embedding model name (passed to the embedder). Default `bge-m3`. */
  model: z._default(name, DEFAULT_KNOWLEDGE_EMBEDDING.model),
  /** Vector length of every chunk. Default 256. */
  dim: z._default(z.int().check(z.minimum(1), z.maximum(8192)), DEFAULT_KNOWLEDGE_EMBEDDING.dim),
});

const knowledgeCollectionSchema = z.object({
  ...collectionAddress,
  /** Declared tag fields (checked when a doc sets them; `doc_filter` may use these and `doc_id`). Default `[]`. */
  tagFields: z._default(z.array(knowledgeTagFieldSchema), []),
  /** How documents are cut into points. Default `{ size: 500, overlap: 50 }`. */
  chunking: z._default(knowledgeChunkingSchema, { ...DEFAULT_KNOWLEDGE_CHUNKING }),
  /** How chunks are embedded. Default `{ model: "bge-m3", dim: 256 }`. */
  embedding: z._default(knowledgeEmbeddingSchema, { ...DEFAULT_KNOWLEDGE_EMBEDDING }),
});

/** Default retrieval settings of a knowledge service. */
export const DEFAULT_KNOWLEDGE_RETRIEVAL = {
  limit: 5,
  denseWeight: 0.5,
  retrieveCount: 25,
  rerankSwitch: true,
  rerankThreshold: 0,
  chunkDiffusionCount: 0,
  chunkGroup: false,
} as const;

const knowledgeRetrievalSchema = z.object({
  /** References put into the prompt. Default 5. */
  limit: z._default(z.int().check(z.minimum(1), z.maximum(200)), DEFAULT_KNOWLEDGE_RETRIEVAL.limit),
  /** Weight of the dense score against BM25 (0 = keywords only, 1 = dense only). Default 0.5. */
  denseWeight: z._default(z.number().check(z.minimum(0), z.maximum(1)), DEFAULT_KNOWLEDGE_RETRIEVAL.denseWeight),
  /** Candidates retrieved before rerank. Default 25. */
  retrieveCount: z._default(z.int().check(z.minimum(1), z.maximum(1000)), DEFAULT_KNOWLEDGE_RETRIEVAL.retrieveCount),
  /** Rerank the candidates. Default `true`. */
  rerankSwitch: z._default(z.boolean(), DEFAULT_KNOWLEDGE_RETRIEVAL.rerankSwitch),
  /** Drop reranked candidates scoring below this. Default 0. */
  rerankThreshold: z._default(
    z.number().check(z.minimum(0), z.maximum(1)),
    DEFAULT_KNOWLEDGE_RETRIEVAL.rerankThreshold,
  ),
  /** Neighbouring chunks returned with each hit. Default 0. */
  chunkDiffusionCount: z._default(
    z.int().check(z.minimum(0), z.maximum(10)),
    DEFAULT_KNOWLEDGE_RETRIEVAL.chunkDiffusionCount,
  ),
  /** Group hits by document, in chunk order. Default `false`. */
  chunkGroup: z._default(z.boolean(), DEFAULT_KNOWLEDGE_RETRIEVAL.chunkGroup),
});

/** Default prompt template of a knowledge service: `{{context}}` gets the numbered chunks, `{{query}}` the question. */
export const DEFAULT_KNOWLEDGE_PROMPT =
  'Answer the question using only the numbered references below, citing them like [1]. ' +
  'If they do not contain the answer, say so.\n\nReferences:\n{{context}}\n\nQuestion: {{query}}';

const knowledgeServiceSchema = z.object({
  /** The id callers pass as `service_resource_id` to `service/chat`. */
  resourceId: name,
  /** Name of the knowledge collection the service retrieves from. */
  collection: name,
  /** Project of that collection. Default `default`. */
  projectName: z._default(name, 'default'),
  description: z.optional(z.string()),
  /** Retrieval settings (a request's `query_param` may add a `doc_filter`). Default: see each key. */
  retrieval: z._default(knowledgeRetrievalSchema, { ...DEFAULT_KNOWLEDGE_RETRIEVAL }),
  /** Model name asked of the chat backend. Default `local-extractive` (the built-in extractive model). */
  chatModel: z._default(name, 'local-extractive'),
  /**
   * System prompt; `{{context}}` and `{{query}}` are replaced. Default: `DEFAULT_KNOWLEDGE_PROMPT`, which answers from
   * the numbered references only and cites them like [1].
   */
  promptTemplate: z._default(z.string().check(z.maxLength(20_000)), DEFAULT_KNOWLEDGE_PROMPT),
});

/** Default limits of document imports. */
export const DEFAULT_KNOWLEDGE_IMPORT = { fetchTimeoutMs: 15_000, maxDocumentBytes: 20 * 1024 * 1024 } as const;

const knowledgeImportSchema = z.object({
  /**
   * Directory `file:` documents must lie in (Node server only; relative to the working directory). Default: none,
   * so `file:` sources fail.
   */
  docsDir: z.optional(z.string().check(z.minLength(1))),
  /** Milliseconds an `http(s)://` download may take. Default 15000. */
  fetchTimeoutMs: z._default(z.int().check(z.minimum(1), z.maximum(600_000)), DEFAULT_KNOWLEDGE_IMPORT.fetchTimeoutMs),
  /** Largest document in bytes (downloads are cut off beyond it and fail). Default 20 MiB. */
  maxDocumentBytes: z._default(
    z.int().check(z.minimum(1), z.maximum(1024 * 1024 * 1024)),
    DEFAULT_KNOWLEDGE_IMPORT.maxDocumentBytes,
  ),
});

/** The whole configuration object (shape only; cross-references are checked by {@link parseLocalConfig}). */
export const localConfigSchema = z.object({
  /** Optional `$schema` pointer for editors. */
  $schema: z.optional(z.string()),
  /** Vector collections. Default `[]`. */
  collections: z._default(z.array(vectorCollectionSchema), []),
  /** Memory collections. Default `[]`. */
  memoryCollections: z._default(z.array(memoryCollectionSchema), []),
  /** Which embedder computes dense vectors. Default: the offline hashing embedder. */
  embedder: z.optional(embedderConfigSchema),
  /** OpenAI-compatible chat server for knowledge chat and query rewrite. Default: none (the extractive model). */
  llm: z.optional(llmConfigSchema),
  /** Knowledge collections (documents cut into points). Default `[]`. */
  knowledgeCollections: z._default(z.array(knowledgeCollectionSchema), []),
  /** Knowledge services (`service/chat`) over knowledge collections. Default `[]`. */
  knowledgeServices: z._default(z.array(knowledgeServiceSchema), []),
  /** Limits and locations of document imports. Default: no `docsDir`, 15 s download timeout, 20 MiB per document. */
  knowledgeImport: z._default(knowledgeImportSchema, { ...DEFAULT_KNOWLEDGE_IMPORT }),
});

/** The parsed configuration (defaults applied). */
export type LocalConfig = z.output<typeof localConfigSchema>;
/** What a config file may contain (defaults not yet applied). */
export type LocalConfigInput = z.input<typeof localConfigSchema>;
/** One vector collection of {@link LocalConfig}. */
export type VectorCollectionConfig = LocalConfig['collections'][number];
/** One field of a vector collection. */
export type FieldConfig = VectorCollectionConfig['fields'][number];
/** One index of a vector collection. */
export type IndexConfig = VectorCollectionConfig['indexes'][number];
/** The `ann` option of an index. */
export type AnnConfig = NonNullable<IndexConfig['ann']>;
/** One memory collection of {@link LocalConfig}. */
export type MemoryCollectionConfig = LocalConfig['memoryCollections'][number];
/** An event or profile type of a memory collection. */
export type MemoryTypeConfig = MemoryCollectionConfig['eventTypes'][number];

/** One knowledge collection of {@link LocalConfig}. */
export type KnowledgeCollectionConfig = LocalConfig['knowledgeCollections'][number];
/** One knowledge service of {@link LocalConfig}. */
export type KnowledgeServiceConfig = LocalConfig['knowledgeServices'][number];
/** The document import settings of {@link LocalConfig}. */
export type KnowledgeImportConfig = LocalConfig['knowledgeImport'];

/** Types a filter, scalar search or aggregate can use. */
const SCALAR_TYPES: ReadonlySet<FieldType> = new Set([
  'int64',
  'float32',
  'string',
  'bool',
  'list<string>',
  'list<int64>',
]);

/** One problem found in a config: dotted path and message. */
export interface ConfigIssue {
  path: string;
  message: string;
}

function checkCollection(collection: VectorCollectionConfig, at: string, issues: ConfigIssue[]): void {
  const byName = new Map<string, FieldConfig>();
  collection.fields.forEach((field, i) => {
    const path = `${at}.fields.${i}`;
    if (byName.has(field.name)) issues.push({ path: `${path}.name`, message: `duplicate field '${field.name}'` });
    if (field.name === collection.primaryKey.name)
      issues.push({
        path: `${path}.name`,
        message: `'${field.name}' is the primary key; do not declare it as a field`,
      });
    if (field.name.startsWith('__'))
      issues.push({ path: `${path}.name`, message: `field names starting with '__' are reserved` });
    if (field.type === 'vector' && field.dim === undefined)
      issues.push({ path: `${path}.dim`, message: `vector field '${field.name}' needs a dim` });
    if (field.type !== 'vector' && field.dim !== undefined)
      issues.push({ path: `${path}.dim`, message: `only vector fields take a dim ('${field.name}' is ${field.type})` });
    byName.set(field.name, field);
  });
  if (collection.primaryKey.name !== AUTO_ID && collection.primaryKey.name.startsWith('__'))
    issues.push({ path: `${at}.primaryKey.name`, message: `only '${AUTO_ID}' may start with '__'` });

  const vectorize = collection.vectorize;
  if (vectorize) {
    const text = byName.get(vectorize.textField);
    if (!text || text.type !== 'text')
      issues.push({ path: `${at}.vectorize.textField`, message: `'${vectorize.textField}' is not a text field` });
    if (vectorize.vectorField !== undefined) {
      const vector = byName.get(vectorize.vectorField);
      if (!vector || vector.type !== 'vector')
        issues.push({
          path: `${at}.vectorize.vectorField`,
          message: `'${vectorize.vectorField}' is not a vector field`,
        });
      else if (vectorize.dim !== undefined && vector.dim !== vectorize.dim)
        issues.push({
          path: `${at}.vectorize.dim`,
          message: `dim ${vectorize.dim} differs from field dim ${vector.dim}`,
        });
    }
  }
  const denseFields = collection.fields.filter((f) => f.type === 'vector').map((f) => f.name);
  if (vectorize && vectorize.vectorField === undefined) denseFields.push('__dense_vector__');
  const sparseFields = collection.fields.filter((f) => f.type === 'sparse_vector').map((f) => f.name);

  const indexNames = new Set<string>();
  collection.indexes.forEach((index, i) => {
    const path = `${at}.indexes.${i}`;
    if (indexNames.has(index.name)) issues.push({ path: `${path}.name`, message: `duplicate index '${index.name}'` });
    indexNames.add(index.name);
    index.scalarFields.forEach((fieldName, j) => {
      if (fieldName === collection.primaryKey.name && fieldName !== AUTO_ID) return;
      const field = byName.get(fieldName);
      if (!field) issues.push({ path: `${path}.scalarFields.${j}`, message: `unknown field '${fieldName}'` });
      else if (!SCALAR_TYPES.has(field.type))
        issues.push({
          path: `${path}.scalarFields.${j}`,
          message: `'${fieldName}' is ${field.type}, not a scalar type`,
        });
    });
    if (index.partitionField !== undefined) {
      const field = byName.get(index.partitionField);
      if (!field || !['string', 'int64'].includes(field.type))
        issues.push({
          path: `${path}.partitionField`,
          message: `'${index.partitionField}' is not a string/int64 field`,
        });
    }
    if (index.vectorField !== undefined) {
      if (!denseFields.includes(index.vectorField))
        issues.push({ path: `${path}.vectorField`, message: `'${index.vectorField}' is not a dense vector field` });
    } else if (denseFields.length !== 1) {
      issues.push({
        path: `${path}.vectorField`,
        message:
          denseFields.length === 0
            ? 'the collection has no dense vector field (declare a vector field or vectorize a text field)'
            : `the collection has several vector fields (${denseFields.join(', ')}); name one`,
      });
    }
    if (index.sparseField !== undefined && !sparseFields.includes(index.sparseField))
      issues.push({ path: `${path}.sparseField`, message: `'${index.sparseField}' is not a sparse_vector field` });
  });
}

function checkMemoryCollection(collection: MemoryCollectionConfig, at: string, issues: ConfigIssue[]): void {
  const seen = new Set<string>();
  for (const [kind, types] of [
    ['eventTypes', collection.eventTypes],
    ['profileTypes', collection.profileTypes],
  ] as const) {
    types.forEach((type, i) => {
      if (seen.has(type.name))
        issues.push({ path: `${at}.${kind}.${i}.name`, message: `duplicate memory type '${type.name}'` });
      seen.add(type.name);
    });
  }
}

/** Every cross-reference problem of a shape-valid config (empty when the config is usable). */
export function checkLocalConfig(config: LocalConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const collectionKeys = new Set<string>();
  config.collections.forEach((collection, i) => {
    if (collectionKeys.has(collection.name))
      issues.push({ path: `collections.${i}.name`, message: `duplicate collection '${collection.name}'` });
    collectionKeys.add(collection.name);
    checkCollection(collection, `collections.${i}`, issues);
  });
  const memoryKeys = new Set<string>();
  config.memoryCollections.forEach((collection, i) => {
    const key = `${collection.projectName}/${collection.name}`;
    if (memoryKeys.has(key))
      issues.push({ path: `memoryCollections.${i}.name`, message: `duplicate memory collection '${key}'` });
    memoryKeys.add(key);
    checkMemoryCollection(collection, `memoryCollections.${i}`, issues);
  });
  checkKnowledge(config, issues);
  return issues;
}

function checkKnowledge(config: LocalConfig, issues: ConfigIssue[]): void {
  const keys = new Set<string>();
  config.knowledgeCollections.forEach((collection, i) => {
    const at = `knowledgeCollections.${i}`;
    const key = `${collection.projectName}/${collection.name}`;
    if (keys.has(key)) issues.push({ path: `${at}.name`, message: `duplicate knowledge collection '${key}'` });
    keys.add(key);
    if (collection.chunking.overlap >= collection.chunking.size)
      issues.push({ path: `${at}.chunking.overlap`, message: 'overlap must be smaller than size' });
    const tags = new Set<string>();
    collection.tagFields.forEach((field, j) => {
      if (tags.has(field.name) || field.name === 'doc_id')
        issues.push({
          path: `${at}.tagFields.${j}.name`,
          message: field.name === 'doc_id' ? "'doc_id' is built in" : `duplicate tag field '${field.name}'`,
        });
      tags.add(field.name);
    });
  });
  const services = new Set<string>();
  config.knowledgeServices.forEach((service, i) => {
    const at = `knowledgeServices.${i}`;
    if (services.has(service.resourceId))
      issues.push({ path: `${at}.resourceId`, message: `duplicate service '${service.resourceId}'` });
    services.add(service.resourceId);
    if (!keys.has(`${service.projectName}/${service.collection}`))
      issues.push({
        path: `${at}.collection`,
        message: `no knowledge collection '${service.collection}' in project '${service.projectName}'`,
      });
  });
}

/**
 * Validates a config object (e.g. a parsed JSON file) and applies defaults.
 * @throws Error whose message lists each bad path, one per line.
 */
export function parseLocalConfig(json: unknown): LocalConfig {
  const result = z.safeParse(localConfigSchema, json, { reportInput: true });
  const issues: ConfigIssue[] = [
    ...unknownTopLevelKeys(json),
    ...(result.success ? checkLocalConfig(result.data) : result.error.issues.map(describeIssue)),
  ];
  if (issues.length > 0 || !result.success) {
    throw new Error(
      `Invalid local VikingDB config:\n${issues.map((issue) => `- ${issue.path}: ${issue.message}`).join('\n')}`,
    );
  }
  return result.data;
}

const TOP_LEVEL_KEYS = Object.keys(localConfigSchema.def.shape);

/** Top-level keys the config does not know (a typo would otherwise silently drop a whole section). */
function unknownTopLevelKeys(json: unknown): ConfigIssue[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  return Object.keys(json)
    .filter((key) => !TOP_LEVEL_KEYS.includes(key))
    .map((key) => {
      const guess = closestName(key, TOP_LEVEL_KEYS);
      return {
        path: key,
        message: `unknown key${guess ? ` (did you mean '${guess}'?)` : ''}; the config has ${TOP_LEVEL_KEYS.map((k) => `'${k}'`).join(', ')}`,
      };
    });
}

/** A zod issue as a config issue whose message says what is allowed (zod/mini says only "Invalid input"). */
function describeIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const path = issue.path.map(String).join('.') || '(root)';
  const got = (input: unknown) => (input === undefined ? 'nothing' : JSON.stringify(input)?.slice(0, 60));
  switch (issue.code) {
    case 'invalid_value':
      return {
        path,
        message: `${got(issue.input)} is not allowed; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'invalid_type':
      return { path, message: `expected ${issue.expected}, got ${got(issue.input)}` };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { path, message: 'must not be empty' };
      return {
        path,
        message: `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}`,
      };
    case 'too_big':
      return {
        path,
        message: `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`,
      };
    default:
      return { path, message: issue.message };
  }
}
