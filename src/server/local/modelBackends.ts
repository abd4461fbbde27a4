/**
 * The optional model backends of the local server, from the config's `embedder` / `llm` keys overridden by flags and
 * the environment (flags > environment > config file):
 *
 * | setting | flag | environment | config |
 * |---|---|---|---|
 * | embedder kind | `--embedder` | `VIKINGDB_EMBEDDER` | `embedder.kind` |
 * | embedding URL | `--embedding-url` | `VIKINGDB_EMBEDDING_URL` | `embedder.url` |
 * | embedding model | `--embedding-model` | `VIKINGDB_EMBEDDING_MODEL` | `embedder.model` |
 * | embedding API key variable | `--embedding-api-key-env` | `VIKINGDB_EMBEDDING_API_KEY_ENV` | `embedder.apiKeyEnv` |
 * | LLM URL | `--llm-url` | `VIKINGDB_LLM_URL` | `llm.url` |
 * | LLM model | `--llm-model` | `VIKINGDB_LLM_MODEL` | `llm.model` |
 * | LLM API key variable | `--llm-api-key-env` | `VIKINGDB_LLM_API_KEY_ENV` | `llm.apiKeyEnv` |
 *
 * API keys are never flags or config values: the settings name the environment variable that holds them.
 */
import { defaultConfig } from './config/defaultConfig';
import { DEFAULT_KNOWLEDGE_EMBEDDING, type LocalConfig } from './config/schema';
import type { Embedder } from './embedder/Embedder';
import type { ChatModel } from './llm/ChatModel';
import type { EmbeddingMarker } from './storage/embeddingMarker';
import { EMBEDDER_KINDS, type EmbedderConfig, type EmbedderKind, type LlmConfig } from './config/modelBackendsSchema';
import { createOpenAiEmbedder, type OpenAiEmbedder } from './embedder/openAiEmbedder';
import { createOpenAiChatModel, type OpenAiChatModel } from './llm/openAiChatModel';

/** Settings that override the config's `embedder` and `llm` keys, key by key (from flags or the environment). */
export interface ModelBackendSettings {
  embedder?: EmbedderConfig | undefined;
  llm?: LlmConfig | undefined;
}

/** The backends in use; absent members mean the built-in defaults (hashing embedder, extractive model). */
export interface ModelBackends {
  embedder?: OpenAiEmbedder | undefined;
  chatModel?: OpenAiChatModel | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** The embedder kind named by a flag or variable. @throws Error listing the kinds. */
export function parseEmbedderKind(value: string, source: string): EmbedderKind {
  if ((EMBEDDER_KINDS as readonly string[]).includes(value)) return value as EmbedderKind;
  throw new Error(`${source} must be one of ${EMBEDDER_KINDS.join(', ')}, not "${value}"`);
}

/** The settings given by `VIKINGDB_EMBEDDER`, `VIKINGDB_EMBEDDING_*` and `VIKINGDB_LLM_*` (see the table above). */
export function modelSettingsFromEnv(env: Env): ModelBackendSettings {
  const kind = env['VIKINGDB_EMBEDDER'];
  return {
    embedder: defined({
      kind: kind ? parseEmbedderKind(kind, 'VIKINGDB_EMBEDDER') : undefined,
      url: env['VIKINGDB_EMBEDDING_URL'],
      model: env['VIKINGDB_EMBEDDING_MODEL'],
      apiKeyEnv: env['VIKINGDB_EMBEDDING_API_KEY_ENV'],
    }),
    llm: defined({
      url: env['VIKINGDB_LLM_URL'],
      model: env['VIKINGDB_LLM_MODEL'],
      apiKeyEnv: env['VIKINGDB_LLM_API_KEY_ENV'],
    }),
  };
}

/** `higher` over `lower`, key by key (either may be absent). */
export function mergeModelSettings(lower: ModelBackendSettings, higher: ModelBackendSettings): ModelBackendSettings {
  return {
    embedder: { ...lower.embedder, ...defined(higher.embedder ?? {}) },
    llm: { ...lower.llm, ...defined(higher.llm ?? {}) },
  };
}

function apiKey(name: string | undefined, env: Env, what: string): string | undefined {
  if (name === undefined) return undefined;
  const value = env[name];
  if (!value) throw new Error(`${what}: the environment variable ${name} (named by apiKeyEnv) is not set`);
  return value;
}

/** Whether the settings ask for the OpenAI-compatible embedder (an explicit kind wins; else a URL means yes). */
export function usesOpenAiEmbedder(settings: EmbedderConfig | undefined): boolean {
  return (settings?.kind ?? (settings?.url ? 'openai-compatible' : 'hashing')) === 'openai-compatible';
}

/**
 * Builds the backends the config and `overrides` ask for: the embedder is created and probed (one request), the chat
 * model only resolved (no request).
 * @throws Error naming the missing setting (with its flag, variable and config key) or the unreachable URL.
 */
export async function createModelBackends(
  config: LocalConfig,
  overrides: ModelBackendSettings = {},
  env: Env = process.env,
): Promise<ModelBackends> {
  const settings = mergeModelSettings({ embedder: config.embedder, llm: config.llm }, overrides);
  const backends: ModelBackends = {};
  const embedding = settings.embedder;
  if (usesOpenAiEmbedder(embedding)) {
    if (!embedding?.url)
      throw new Error(
        'the openai-compatible embedder needs a URL: --embedding-url, VIKINGDB_EMBEDDING_URL or embedder.url',
      );
    if (!embedding.model)
      throw new Error(
        'the openai-compatible embedder needs a model: --embedding-model, VIKINGDB_EMBEDDING_MODEL or embedder.model',
      );
    backends.embedder = await createOpenAiEmbedder({
      url: embedding.url,
      model: embedding.model,
      apiKey: apiKey(embedding.apiKeyEnv, env, 'embedder'),
      batchSize: embedding.batchSize,
      timeoutMs: embedding.timeoutMs,
    });
  }
  const llm = settings.llm;
  if (llm?.url || llm?.model) {
    if (!llm.url) throw new Error('the llm needs a URL: --llm-url, VIKINGDB_LLM_URL or llm.url');
    if (!llm.model) throw new Error('the llm needs a model: --llm-model, VIKINGDB_LLM_MODEL or llm.model');
    backends.chatModel = createOpenAiChatModel({
      url: llm.url,
      model: llm.model,
      apiKey: apiKey(llm.apiKeyEnv, env, 'llm'),
      timeoutMs: llm.timeoutMs,
    });
  }
  return backends;
}

/**
 * Every vectorized collection and knowledge collection whose vector length differs from `dim` (the embedder's), as one
 * message per line. A vector collection's length is its vector field's `dim`, else `vectorize.dim`, else the
 * embedder's (so omitting both follows the model); a knowledge collection's is its `embedding.dim` (default 256, so a
 * model of another dimension needs it set).
 */
export function embeddingDimensionIssues(config: LocalConfig, dim: number): string[] {
  const issues: string[] = [];
  config.collections.forEach((collection, i) => {
    const vectorize = collection.vectorize;
    if (!vectorize) return;
    const field = collection.fields.find((f) => f.name === vectorize.vectorField);
    const declared = field?.dim ?? vectorize.dim;
    if (declared === undefined || declared === dim) return;
    const path =
      field?.dim !== undefined ? `collections.${i}.fields (${field.name}).dim` : `collections.${i}.vectorize.dim`;
    issues.push(`- ${path}: collection '${collection.name}' is declared with ${declared} dimensions`);
  });
  config.knowledgeCollections.forEach((collection, i) => {
    const declared = collection.embedding.dim;
    if (declared === dim) return;
    issues.push(
      `- knowledgeCollections.${i}.embedding.dim: knowledge collection '${collection.name}' has ${declared} dimensions` +
        (declared === DEFAULT_KNOWLEDGE_EMBEDDING.dim ? ' (the default when omitted)' : ''),
    );
  });
  return issues;
}

/**
 * Throws when a vectorized collection does not have the embedder's dimension (see {@link embeddingDimensionIssues}).
 */
export function assertEmbeddingDimensions(config: LocalConfig, embedder: OpenAiEmbedder): void {
  const issues = embeddingDimensionIssues(config, embedder.dim);
  if (issues.length === 0) return;
  throw new Error(
    `The embedding model ${embedder.model} at ${embedder.url} gives ${embedder.dim}-dimensional vectors, ` +
      `but the config says otherwise:\n${issues.join('\n')}\n` +
      `Set those dims to ${embedder.dim} (a vector collection may also omit them to follow the model), and use a ` +
      'data directory of its own: ' +
      'rows embedded by another model do not mix.',
  );
}

/**
 * The config with every vectorized collection and every knowledge collection following the embedder's dimension (used
 * for the built-in default config, whose dimensions are only the offline embedder's choices).
 */
export function withEmbeddingDimension(config: LocalConfig, dim: number): LocalConfig {
  return {
    ...config,
    collections: config.collections.map((collection) => {
      const vectorize = collection.vectorize;
      if (!vectorize) return collection;
      return {
        ...collection,
        vectorize: { ...vectorize, dim },
        fields: collection.fields.map((field) => (field.name === vectorize.vectorField ? { ...field, dim } : field)),
      };
    }),
    knowledgeCollections: config.knowledgeCollections.map((collection) => ({
      ...collection,
      embedding: { ...collection.embedding, dim },
    })),
  };
}

/** Whether `embedder` is one made by `createOpenAiEmbedder` (its dimension is known, so it is checked like one). */
function isOpenAiEmbedder(embedder: Embedder): embedder is OpenAiEmbedder {
  const candidate = embedder as Partial<OpenAiEmbedder>;
  return typeof candidate.dim === 'number' && typeof candidate.url === 'string' && typeof candidate.model === 'string';
}

/** What an engine runs with once the model backends are settled (see {@link prepareModelBackends}). */
export interface PreparedModels {
  /** The config to serve (the built-in default config follows the embedding model's dimension). */
  config: LocalConfig;
  /** Absent: the hashing embedder. */
  embedder?: Embedder | undefined;
  /** Absent: the built-in extractive model. */
  chatModel?: ChatModel | undefined;
  /** The backends in words, e.g. `openai-compatible nomic-embed-text (768 dims) at http://…/v1/embeddings`. */
  labels: { embedder: string; chat: string };
  /** What to record in (and check against) a data directory; absent for a custom embedder. */
  embedding?: EmbeddingMarker | undefined;
}

/** Settings that reproduce a recorded embedder (its URL and model), for commands that open a data directory. */
export function settingsOfMarker(marker: EmbeddingMarker | undefined): ModelBackendSettings {
  if (marker?.kind !== 'openai-compatible') return {};
  return { embedder: { kind: 'openai-compatible', url: marker.url, model: marker.model } };
}

/**
 * Settles the backends of an engine: instances given win; otherwise the config's keys with `models` over them are
 * created (the embedder probed). The dimension of a probed embedder (or of a given one from `createOpenAiEmbedder`)
 * must match every vectorized collection of a config file; the built-in default config follows it instead.
 * @throws Error naming the missing setting, the unreachable URL or the mismatching collections.
 */
export async function prepareModelBackends(
  config: LocalConfig,
  given: {
    embedder?: Embedder | undefined;
    chatModel?: ChatModel | undefined;
    models?: ModelBackendSettings | undefined;
  },
  env: Env = process.env,
): Promise<PreparedModels> {
  // A given embedder replaces the configured one, which is then neither created nor probed.
  const overrides = given.embedder
    ? mergeModelSettings(given.models ?? {}, { embedder: { kind: 'hashing' } })
    : (given.models ?? {});
  const backends = await createModelBackends(config, overrides, env);
  const probed =
    given.embedder === undefined ? backends.embedder : isOpenAiEmbedder(given.embedder) ? given.embedder : undefined;
  let served = config;
  if (probed) {
    if (config === defaultConfig) served = withEmbeddingDimension(config, probed.dim);
    else assertEmbeddingDimensions(config, probed);
  }
  const chatModel = given.chatModel ?? backends.chatModel;
  return {
    config: served,
    embedder: given.embedder ?? probed,
    chatModel,
    embedding: probed
      ? { kind: 'openai-compatible', model: probed.model, dim: probed.dim, url: probed.url }
      : given.embedder
        ? undefined
        : { kind: 'hashing' },
    labels: {
      embedder: probed
        ? `openai-compatible ${probed.model} (${probed.dim} dims) at ${probed.url}`
        : given.embedder
          ? 'custom'
          : 'hashing (offline, lexical)',
      chat: chatModel
        ? `${chatModel.kind} ${chatModel.name}${chatModel === backends.chatModel ? ` at ${backends.chatModel.url}` : ''}`
        : 'extractive (built in)',
    },
  };
}
