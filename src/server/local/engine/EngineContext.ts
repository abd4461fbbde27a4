/** Everything a request handler may use. Built once by `createLocalEngine`. */
import type { Embedder } from '../embedder/Embedder';
import type { MemoryCollection } from '../memory/MemoryCollection';
import type { Extractor } from '../memory/Extractor';
import type { Storage } from '../storage/Storage';
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
}

/** A route handler: returns the envelope's `result`/`data` or throws an `EngineError`. */
export type Handler = (context: EngineContext, body: BodyReader) => Promise<unknown>;
