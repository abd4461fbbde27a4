/** Everything a request handler may use. Built once by `createLocalEngine`. */
import type { KnowledgeImportConfig, KnowledgeServiceConfig } from '../config/schema';
import type { Embedder } from '../embedder/Embedder';
import type { DocumentProcessor } from './knowledge/DocumentProcessor';
import type { KnowledgeCollection } from './knowledge/KnowledgeCollection';
import type { KnowledgeHost } from './knowledge/KnowledgeHost';
import type { ChatModel } from '../llm/ChatModel';
import type { MemoryCollection } from './memory/MemoryCollection';
import type { Extractor } from './memory/Extractor';
import type { Storage } from './storage/Storage';
import type { BodyReader } from './BodyReader';
import type { VectorCollection } from './vector/VectorCollection';
import type { WriteQueue } from './WriteQueue';

export interface EngineContext {
  storage: Storage;
  /** Epoch milliseconds. */
  now: () => number;
  /** Uniform [0, 1). */
  random: () => number;
  embedder: Embedder;
  extractor: Extractor;
  /** Serializes write transactions. */
  writes: WriteQueue;
  /** Vector collections by name. */
  collections: ReadonlyMap<string, VectorCollection>;
  /** Memory collections by `project/name`. */
  memoryCollections: ReadonlyMap<string, MemoryCollection>;
  /** Knowledge collections by `project/name`. */
  knowledgeCollections: ReadonlyMap<string, KnowledgeCollection>;
  /** Knowledge services by resource id. */
  knowledgeServices: ReadonlyMap<string, KnowledgeServiceConfig>;
  /** Download limits and `docsDir` of document imports. */
  knowledgeImport: KnowledgeImportConfig;
  /** Platform capabilities of imports (file reads, PDF). */
  knowledgeHost: KnowledgeHost;
  /** Background document imports. */
  documents: DocumentProcessor;
  /** Writes chat answers (and rewrites queries when it is an LLM). */
  chatModel: ChatModel;
}

/**
 * A route handler: returns the envelope's `result`/`data` (or an `EngineEventStream` for a streamed answer) or
 * throws an `EngineError`. `signal` aborts when the caller goes away.
 */
export type Handler = (context: EngineContext, body: BodyReader, signal: AbortSignal) => Promise<unknown>;
