/**
 * Config keys of the optional model backends: `embedder` (which embedder computes dense vectors) and `llm` (an
 * OpenAI-compatible chat server for knowledge chat and query rewrite). Shape only; the URL and model of an
 * `openai-compatible` embedder may also come from flags or the environment, so their presence is checked when the
 * server starts (`resolveModelBackends`). Pure: no Node built-ins.
 */
import { z } from 'zod/mini';
import { MAX_TIMER_MS } from '../../shared/maxTimerMs';

/** The embedders the local server can use. */
export const EMBEDDER_KINDS = ['hashing', 'openai-compatible'] as const;

/** An embedder kind. */
export type EmbedderKind = (typeof EMBEDDER_KINDS)[number];

const envName = z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name'));
const timeoutMs = z.int().check(z.minimum(1), z.maximum(MAX_TIMER_MS));

/** `embedder` key of the config. */
export const embedderConfigSchema = z.object({
  /**
   * `hashing`: the deterministic offline lexical embedder; `openai-compatible`: a `/v1/embeddings` server (Ollama,
   * vLLM, LM Studio, Ark). Default: `openai-compatible` when a `url` is given (here, by flag or by environment), else
   * `hashing`.
   */
  kind: z.optional(z.enum(EMBEDDER_KINDS)),
  /** Base URL of the server, e.g. `http://127.0.0.1:11434/v1`. Required for `openai-compatible`. */
  url: z.optional(z.string().check(z.minLength(1))),
  /** Model name the server knows, e.g. `nomic-embed-text`. Required for `openai-compatible`. */
  model: z.optional(z.string().check(z.minLength(1))),
  /** Name of the environment variable holding the API key (sent as Bearer). Default: none (no key). */
  apiKeyEnv: z.optional(envName),
  /** Texts per request. Default 64. */
  batchSize: z.optional(z.int().check(z.minimum(1), z.maximum(2048))),
  /** Milliseconds per request. Default 30 000. */
  timeoutMs: z.optional(timeoutMs),
});

/** `llm` key of the config. */
export const llmConfigSchema = z.object({
  /** Base URL of an OpenAI-compatible chat server, e.g. `http://127.0.0.1:11434/v1`. Required (here, by flag or env). */
  url: z.optional(z.string().check(z.minLength(1))),
  /** Model name the server knows, e.g. `qwen3:4b`. Required (here, by flag or env). */
  model: z.optional(z.string().check(z.minLength(1))),
  /** Name of the environment variable holding the API key (sent as Bearer). Default: none (no key). */
  apiKeyEnv: z.optional(envName),
  /** Milliseconds to wait for the answer, then for each next chunk. Default 120 000. */
  timeoutMs: z.optional(timeoutMs),
});

/** The `embedder` settings (config, flags and environment merged). */
export type EmbedderConfig = z.output<typeof embedderConfigSchema>;
/** The `llm` settings (config, flags and environment merged). */
export type LlmConfig = z.output<typeof llmConfigSchema>;
