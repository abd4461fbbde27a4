import { locatorFields, type LocatorFields } from '../client/vector/locator';
import type { CollectionLocator, KnowledgeLocator, MemoryLocator } from '../client';
import { memoryLocatorFields, type MemoryLocatorFields } from '../client/memory/memoryLocator';

/**
 * A collection locator normalised for use in a query key: `'docs'` and `{ collection_name: 'docs' }` give the same
 * key, and a missing project is the `default` project, so invalidating `'docs'` never touches `docs` of another project.
 */
function vectorScope(collection: CollectionLocator): LocatorFields {
  const fields = locatorFields(collection, 'vikingKeys');
  return { ...fields, project_name: fields.project_name ?? 'default' };
}

function memoryScope(collection: MemoryLocator): MemoryLocatorFields {
  return memoryLocatorFields(collection, 'vikingKeys');
}

/** A knowledge base in keys: normalised like a memory collection (a resource id alone identifies it). */
const kb = (collection: KnowledgeLocator) =>
  ['vikingdb', 'knowledge', memoryScope(collection as MemoryLocator)] as const;

/**
 * Hierarchical query keys. Every key starts with `['vikingdb']`, so `invalidateQueries({ queryKey: vikingKeys.all })`
 * refreshes everything; `vikingKeys.vector.collection('docs')` covers every query on that collection and its indexes.
 */
export const vikingKeys = {
  all: ['vikingdb'] as const,
  vector: {
    all: () => ['vikingdb', 'vector'] as const,
    collection: (collection: CollectionLocator) => ['vikingdb', 'vector', vectorScope(collection)] as const,
    /** Rows fetched by id straight from the collection. */
    fetch: (collection: CollectionLocator, ids: readonly unknown[], options?: unknown) =>
      [...vikingKeys.vector.collection(collection), 'fetch', { ids, options }] as const,
    /** Any number of rows fetched by id in batches (`fetchMany`). */
    fetchMany: (collection: CollectionLocator, ids: readonly unknown[], options?: unknown) =>
      [...vikingKeys.vector.collection(collection), 'fetchMany', { ids, options }] as const,
    index: (collection: CollectionLocator, index: string) =>
      [...vikingKeys.vector.collection(collection), index] as const,
    search: (collection: CollectionLocator, index: string, mode: string, params: unknown) =>
      [...vikingKeys.vector.index(collection, index), 'search', mode, params] as const,
    indexFetch: (collection: CollectionLocator, index: string, ids: readonly unknown[], options?: unknown) =>
      [...vikingKeys.vector.index(collection, index), 'fetch', { ids, options }] as const,
    aggregate: (collection: CollectionLocator, index: string, params: unknown) =>
      [...vikingKeys.vector.index(collection, index), 'aggregate', params] as const,
    /** Given ids rescored against a query vector (`sort`). */
    sort: (collection: CollectionLocator, index: string, params: unknown) =>
      [...vikingKeys.vector.index(collection, index), 'sort', params] as const,
    scan: (collection: CollectionLocator, index: string, params: unknown) =>
      [...vikingKeys.vector.index(collection, index), 'scan', params] as const,
  },
  models: {
    embedding: (params: unknown) => ['vikingdb', 'models', 'embedding', params] as const,
    rerank: (params: unknown) => ['vikingdb', 'models', 'rerank', params] as const,
  },
  memory: {
    all: () => ['vikingdb', 'memory'] as const,
    collection: (collection: MemoryLocator) => ['vikingdb', 'memory', memoryScope(collection)] as const,
    search: (collection: MemoryLocator, params: unknown) =>
      [...vikingKeys.memory.collection(collection), 'search', params] as const,
    events: (collection: MemoryLocator, params: unknown) =>
      [...vikingKeys.memory.collection(collection), 'events', params] as const,
    profiles: (collection: MemoryLocator, params: unknown) =>
      [...vikingKeys.memory.collection(collection), 'profiles', params] as const,
    session: (collection: MemoryLocator, sessionId: string) =>
      [...vikingKeys.memory.collection(collection), 'session', sessionId] as const,
  },
  /**
   * Knowledge bases: `collection` covers everything of one; under it `docs` (`docLists` = every page and infinite
   * list, `doc` = one document), `points` likewise, and `search` (both retrieval calls).
   */
  knowledge: {
    all: () => ['vikingdb', 'knowledge'] as const,
    collection: kb,
    docs: (collection: KnowledgeLocator) => [...kb(collection), 'docs'] as const,
    docLists: (collection: KnowledgeLocator) => [...kb(collection), 'docs', 'lists'] as const,
    docList: (collection: KnowledgeLocator, params: unknown) =>
      [...kb(collection), 'docs', 'lists', 'page', params] as const,
    infiniteDocs: (collection: KnowledgeLocator, params: unknown) =>
      [...kb(collection), 'docs', 'lists', 'infinite', params] as const,
    doc: (collection: KnowledgeLocator, docId: string) => [...kb(collection), 'docs', 'info', docId] as const,
    points: (collection: KnowledgeLocator) => [...kb(collection), 'points'] as const,
    pointLists: (collection: KnowledgeLocator) => [...kb(collection), 'points', 'lists'] as const,
    pointList: (collection: KnowledgeLocator, params: unknown) =>
      [...kb(collection), 'points', 'lists', 'page', params] as const,
    infinitePoints: (collection: KnowledgeLocator, params: unknown) =>
      [...kb(collection), 'points', 'lists', 'infinite', params] as const,
    point: (collection: KnowledgeLocator, pointId: string) => [...kb(collection), 'points', 'info', pointId] as const,
    search: (collection: KnowledgeLocator) => [...kb(collection), 'search'] as const,
    collectionSearch: (collection: KnowledgeLocator, params: unknown) =>
      [...kb(collection), 'search', 'collection', params] as const,
    searchKnowledge: (collection: KnowledgeLocator, params: unknown) =>
      [...kb(collection), 'search', 'knowledge', params] as const,
  },
  ping: (domain: 'vector' | 'memory') => ['vikingdb', 'ping', domain] as const,
};
