/**
 * An {@link Embedder} backed by an OpenAI-compatible `/v1/embeddings` server (Ollama, vLLM, LM Studio, Volcengine
 * Ark…): dense vectors come from the server, in batches; sparse vectors and token counts stay those of the hashing
 * embedder (the servers have no sparse output), so keyword and hybrid search behave as before.
 *
 * The model's dimension is probed once by {@link createOpenAiEmbedder} (one short request), so a wrong URL, a missing
 * model or a dimension that does not fit the config fails at start rather than on the first upsert. Requests for that
 * dimension get the server's vectors (L2-normalized); a smaller dimension (e.g. the 256 of memory ranking) gets the
 * first components re-normalized — exact for Matryoshka-trained models (nomic-embed-text, text-embedding-3), an
 * approximation otherwise; a larger one is refused (400). Empty texts get zero vectors without a request. Failures
 * are 503 errors naming the URL.
 */
import { EngineError } from '../engine/EngineError';
import {
  backendUnavailable,
  fetchFailureText,
  openAiEndpointUrl,
  openAiHeaders,
  quote,
  upstreamErrorText,
} from '../openai/openAiEndpoint';
import type { DenseEmbeddingOptions, Embedder } from './Embedder';
import { createHashingEmbedder } from './hashingEmbedder';

/** Texts per `/embeddings` request: 64. */
export const DEFAULT_EMBEDDING_BATCH_SIZE = 64;
/** Milliseconds one `/embeddings` request may take: 30 000. */
export const DEFAULT_EMBEDDING_TIMEOUT_MS = 30_000;

/** Options of {@link createOpenAiEmbedder}. */
export interface OpenAiEmbedderOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:11434/v1` (a bare host gets `/v1`; see `openAiEndpointUrl`). */
  url: string;
  /** Model name the server knows, e.g. `nomic-embed-text`. */
  model: string;
  /** Sent as `Authorization: Bearer`. Default: none. */
  apiKey?: string | undefined;
  /** Texts per request. Default: 64 (`DEFAULT_EMBEDDING_BATCH_SIZE`). */
  batchSize?: number | undefined;
  /** Milliseconds per request. Default: 30000 (`DEFAULT_EMBEDDING_TIMEOUT_MS`). */
  timeoutMs?: number | undefined;
  /** The `fetch` to use. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** An embedder whose dense vectors come from a server, with the dimension the server's model gives. */
export interface OpenAiEmbedder extends Embedder {
  /** Length of the model's vectors (probed at creation). */
  readonly dim: number;
  /** The resolved `/embeddings` URL. */
  readonly url: string;
  /** The model asked for. */
  readonly model: string;
}

function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! * scale;
  return vector;
}

/** One `data[i].embedding` as floats: a number array, or base64 little-endian float32 (`encoding_format: base64`). */
function readEmbedding(value: unknown): Float32Array | undefined {
  if (Array.isArray(value) && value.every((x) => typeof x === 'number' && Number.isFinite(x)))
    return Float32Array.from(value as number[]);
  if (typeof value === 'string') {
    const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    if (bytes.length % 4 !== 0) return undefined;
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).slice();
  }
  return undefined;
}

/**
 * Creates the embedder and probes the model's dimension with one request.
 * @throws Error (a 503 `EngineError`) naming the URL when the server cannot be reached or answers badly.
 */
export async function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Promise<OpenAiEmbedder> {
  const url = openAiEndpointUrl(options.url, 'embeddings', 'embedding url');
  const model = options.model;
  if (!model) throw new Error('an embedding model name is required (e.g. nomic-embed-text)');
  const batchSize = options.batchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a whole number ≥ 1`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_EMBEDDING_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? fetch;
  const headers = openAiHeaders(options.apiKey);
  const hashing = createHashingEmbedder();
  const what = `embedding server (model ${model})`;

  /** One request: vectors in input order, as the server gave them. */
  async function request(texts: readonly string[]): Promise<Float32Array[]> {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model, input: texts }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw backendUnavailable(what, url, fetchFailureText(error, timeoutMs));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw backendUnavailable(what, url, `reading the answer: ${fetchFailureText(error, timeoutMs)}`);
    }
    if (!response.ok) throw backendUnavailable(what, url, `HTTP ${response.status}: ${upstreamErrorText(text)}`);
    let data: unknown;
    try {
      data = (JSON.parse(text) as { data?: unknown }).data;
    } catch {
      throw backendUnavailable(what, url, `the answer is not JSON: ${quote(text)}`);
    }
    if (!Array.isArray(data) || data.length !== texts.length)
      throw backendUnavailable(
        what,
        url,
        `expected "data" with ${texts.length} embeddings, got ${Array.isArray(data) ? data.length : typeof data}`,
      );
    const vectors = new Array<Float32Array | undefined>(texts.length);
    data.forEach((item: unknown, position) => {
      const record = (item ?? {}) as { index?: unknown; embedding?: unknown };
      const index = typeof record.index === 'number' ? record.index : position;
      const vector = readEmbedding(record.embedding);
      if (!vector || vector.length === 0 || index < 0 || index >= texts.length || vectors[index])
        throw backendUnavailable(what, url, `data[${position}] is not an embedding of one of the inputs`);
      vectors[index] = vector;
    });
    return vectors as Float32Array[];
  }

  const [probe] = await request(['dimension probe']);
  const dim = probe!.length;

  async function embedDense(texts: readonly string[], { dim: wanted }: DenseEmbeddingOptions) {
    if (wanted > dim)
      throw new EngineError(
        'invalid',
        `dim ${wanted} is larger than the ${dim} dimensions of ${model} served at ${url}; ask for at most ${dim}`,
      );
    const result: Float32Array[] = texts.map(() => new Float32Array(wanted));
    const pending = texts.flatMap((text, i) => (text.trim() === '' ? [] : [i]));
    for (let start = 0; start < pending.length; start += batchSize) {
      const positions = pending.slice(start, start + batchSize);
      const vectors = await request(positions.map((i) => texts[i]!));
      vectors.forEach((vector, j) => {
        if (vector.length !== dim)
          throw backendUnavailable(what, url, `returned ${vector.length} dimensions; it gave ${dim} at start`);
        result[positions[j]!] = normalize(wanted === dim ? vector : vector.slice(0, wanted));
      });
    }
    return result;
  }

  return {
    dim,
    url,
    model,
    embedDense,
    embedSparse: hashing.embedSparse,
    countTokens: hashing.countTokens,
    defaultDim: () => dim,
  };
}
