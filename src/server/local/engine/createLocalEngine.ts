/**
 * The local VikingDB-compatible engine: a pure `handle(request) → response` over a {@link Storage}, shared by the
 * Node HTTP server and the MSW handlers. No Node built-ins.
 *
 * `handle` never throws and never answers 500 for a bad request: invalid JSON, wrong types and missing fields are
 * 400s naming the path; unknown collections/indexes/paths are 404s; only a true bug becomes
 * `{code: "InternalError"}` (vector) / `{code: 1000028}` (memory) with status 500. Every answer carries `request_id`
 * (the request's id, or a generated one when it is empty).
 */
import type { LocalConfig } from '../config/schema';
import type { Embedder } from '../embedder/Embedder';
import { shorten } from './quote';
import { createHashingEmbedder } from '../embedder/hashingEmbedder';
import { DocumentProcessor } from './knowledge/DocumentProcessor';
import type { KnowledgeHost } from './knowledge/KnowledgeHost';
import { PROCESS_RUNNING } from './knowledge/KnowledgeRecords';
import type { ChatModel } from '../llm/ChatModel';
import { createExtractiveChatModel } from '../llm/extractiveChatModel';
import type { Extractor } from './memory/Extractor';
import { createPatternExtractor } from './memory/patternExtractor';
import type { Storage } from './storage/Storage';
import { BodyReader } from './BodyReader';
import type { EngineContext } from './EngineContext';
import { EngineError } from './EngineError';
import { encodeEventStream, EngineEventStream } from './EngineEventStream';
import { errorResponse, memorySuccess, vectorSuccess } from './envelopes';
import { loadState, type LoadedState } from './loadState';
import { collectionSnapshotName, collectionSnapshotParts } from './vector/collectionSnapshot';
import type { ApproximateIndexFactory } from './vector/ApproximateIndex';
import type { ExactScanKernel } from './vector/ExactScanKernel';
import type { EngineRequest, EngineResponse, LocalEngine } from './protocol';
import { domainOfPath, methodsOf } from '../../../client/endpoints';
import { generateRequestId } from '../../shared/requestId';
import { normalizePath, ROUTES } from './routes';
import { WriteQueue } from './WriteQueue';

/** Options of {@link createLocalEngine}. */
export interface LocalEngineOptions {
  /** Collections and memory collections to serve (see `parseLocalConfig`). */
  config: LocalConfig;
  /** Where writes persist; everything in it is loaded at start. */
  storage: Storage;
  /**
   * Milliseconds before a write becomes visible to index reads (search, fetch_in_index, agg, sort), like the cloud's
   * asynchronous indexing. Default `0` (immediately). fetch_in_collection always sees writes at once.
   */
  indexDelayMs?: number;
  /** Clock in epoch ms. Default `Date.now`. */
  now?: () => number;
  /** Uniform random in [0, 1) (random search seeds, ids). Default `Math.random`. */
  random?: () => number;
  /** Text → vectors. Default: the deterministic lexical hashing embedder. */
  embedder?: Embedder;
  /** Conversation → memories. Default: the pattern extractor. */
  extractor?: Extractor;
  /**
   * Builds the approximate index of every index whose config has `ann` (on Node, `createLocalServer` passes a usearch
   * HNSW factory). Default: none, so every index searches exactly.
   */
  annFactory?: ApproximateIndexFactory;
  /**
   * Writes knowledge chat answers (`chat/completions`, `service/chat`) and, when its kind is `llm`, rewrites queries.
   * Default: the built-in extractive model (offline; quotes the retrieved chunks).
   */
  chatModel?: ChatModel;
  /**
   * Platform capabilities of document imports (`file:` reads inside `docsDir`, PDF text). `createLocalServer` passes
   * the Node ones. Default: none, so `file:` and PDF imports fail with a message saying so (as behind MSW).
   */
  knowledgeHost?: KnowledgeHost;
  /**
   * Accelerated exact scan for exact searches (on Node, `createLocalServer` passes a SIMD one when the optional
   * `usearch` package loads). Default: none, so exact search scans in JavaScript.
   */
  exactScan?: ExactScanKernel;
}

/**
 * Saves every vector collection's start-up snapshot, when storage keeps snapshots. A failure only costs the next start
 * its speed (it then reads the records), so it is not an error of the close.
 */
async function saveSnapshots(storage: Storage, state: LoadedState): Promise<void> {
  await storage.snapshots
    ?.save(
      [...state.collections.values()].map((collection) => ({
        name: collectionSnapshotName(collection.schema),
        parts: () => collectionSnapshotParts(collection, state.collectionWarnings.get(collection.schema.name) ?? []),
      })),
    )
    .catch(() => undefined);
}

/** Loads everything from storage (rebuilding the in-memory indexes) and returns an engine serving every path. */
export async function createLocalEngine(options: LocalEngineOptions): Promise<LocalEngine> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const embedder = options.embedder ?? createHashingEmbedder();
  const indexDelayMs = options.indexDelayMs ?? 0;
  const state = await loadState(options.config, options.storage, {
    embedder,
    indexDelayMs,
    now,
    annFactory: options.annFactory,
    exactScan: options.exactScan,
  });
  const writes = new WriteQueue();
  // The processor reads the context when it runs (after construction), so the two can refer to each other.
  const documents: DocumentProcessor = new DocumentProcessor(() => context);
  const context: EngineContext = {
    storage: options.storage,
    now,
    random,
    embedder,
    extractor: options.extractor ?? createPatternExtractor(),
    writes,
    collections: state.collections,
    memoryCollections: state.memoryCollections,
    knowledgeCollections: state.knowledgeCollections,
    knowledgeServices: new Map(options.config.knowledgeServices.map((service) => [service.resourceId, service])),
    knowledgeImport: options.config.knowledgeImport,
    knowledgeHost: options.knowledgeHost ?? {},
    chatModel: options.chatModel ?? createExtractiveChatModel(),
    documents,
  };
  // Imports interrupted by a crash or a close are finished (or marked failed) now.
  for (const collection of state.knowledgeCollections.values())
    for (const doc of collection.docs.values())
      if (doc.status.process_status === PROCESS_RUNNING) documents.enqueue(collection, doc.doc_id);
  let closed = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const settle = () => {
    inFlight--;
    if (inFlight === 0) idle?.();
  };

  async function dispatch(request: EngineRequest, requestId: string): Promise<EngineResponse> {
    const path = normalizePath(request.path);
    const route = ROUTES.get(path);
    const method = request.method.toUpperCase();
    if (!route)
      return errorResponse(
        domainOfPath(path),
        'pathNotFound',
        `no VikingDB API at ${shorten(method, 20)} ${shorten(path)}`,
        requestId,
      );
    const { domain } = route.endpoint;
    const methods = methodsOf(route.endpoint);
    if (!(methods as readonly string[]).includes(method))
      return errorResponse(
        domain,
        'methodNotAllowed',
        `${path} accepts ${methods.join(' or ')}, not ${shorten(method, 20)}`,
        requestId,
      );
    if (closed) return errorResponse(domain, 'unavailable', 'the local engine is closed', requestId);
    if (!route.handler) {
      return domain === 'vector'
        ? { status: 200, body: { code: 'Success', message: 'pong', request_id: requestId, api: 'Ping' } }
        : memorySuccess(requestId, { status: 'ok' });
    }
    const abort = new AbortController();
    const onCallerAbort = () => abort.abort(request.signal?.reason);
    if (request.signal?.aborted) onCallerAbort();
    else request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const result = await route.handler(context, BodyReader.parse(request.body), abort.signal);
      if (result instanceof EngineEventStream) {
        // The stream counts as in flight until it ends, so close() waits for it.
        inFlight++;
        return encodeEventStream(result, requestId, {
          abort: () => abort.abort(),
          finished: () => {
            request.signal?.removeEventListener('abort', onCallerAbort);
            settle();
          },
        });
      }
      request.signal?.removeEventListener('abort', onCallerAbort);
      return domain === 'vector' ? vectorSuccess(requestId, route.api, result) : memorySuccess(requestId, result);
    } catch (error) {
      request.signal?.removeEventListener('abort', onCallerAbort);
      if (error instanceof EngineError) return errorResponse(domain, error.kind, error.message, requestId);
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return errorResponse(domain, 'internal', `internal error in the local engine: ${detail}`, requestId);
    }
  }

  return {
    async handle(request) {
      inFlight++;
      try {
        let requestId = '';
        try {
          requestId = request.requestId || generateRequestId(now(), random);
          return await dispatch(request, requestId);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          return errorResponse('vector', 'internal', `internal error in the local engine: ${detail}`, requestId);
        }
      } finally {
        settle();
      }
    },
    settled() {
      return documents.settled();
    },
    async close() {
      if (closed) return;
      closed = true;
      await documents.stop();
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      await writes.drain();
      await saveSnapshots(options.storage, state);
      await options.storage.close();
    },
  };
}
