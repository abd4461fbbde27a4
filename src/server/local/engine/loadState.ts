/**
 * Start-up: rebuild every in-memory structure from storage. A vector collection is rebuilt from its start-up
 * snapshot when storage has a current one (see `collectionSnapshot.ts`), else from its records. Rows of collections
 * that are no longer configured stay in storage untouched; rows that no longer validate against the current config
 * are skipped (listed in the returned warnings); rows that expired while the server was down are purged in one commit.
 */
import type { LocalConfig } from '../config/schema';
import type { Embedder } from '../embedder/Embedder';
import { KnowledgeCollection, knowledgeSpace, type KnowledgeChange } from './knowledge/KnowledgeCollection';
import type { DocRecord, PointRecord } from './knowledge/KnowledgeRecords';
import { MemoryCollection, memorySpace } from './memory/MemoryCollection';
import type { MemoryItem, SessionRecord } from './memory/MemoryRecords';
import { forEachRecord, type Storage, type StorageWrite } from './storage/Storage';
import { isJsonObject } from './BodyReader';
import type { ApproximateIndexFactory } from './vector/ApproximateIndex';
import { buildCollectionSchema } from './vector/CollectionSchema';
import { collectionSnapshotName, restoreCollectionSnapshot } from './vector/collectionSnapshot';
import type { ExactScanKernel } from './vector/ExactScanKernel';
import { isExpired, isStoredRow, type StoredRow } from './vector/StoredRow';
import { VectorCollection } from './vector/VectorCollection';
import type { RowChange } from './vector/VectorIndex';

/** Rows applied per step while loading. */
const LOAD_CHUNK = 10_000;

/** What {@link loadState} builds. */
export interface LoadedState {
  collections: Map<string, VectorCollection>;
  memoryCollections: Map<string, MemoryCollection>;
  /** Knowledge collections by `project/name`. */
  knowledgeCollections: Map<string, KnowledgeCollection>;
  /** Human-readable notes about skipped records. */
  warnings: string[];
  /** The warnings of each vector collection (by name), which its snapshot keeps. */
  collectionWarnings: Map<string, string[]>;
}

function rowFits(collection: VectorCollection, row: StoredRow): boolean {
  for (const index of collection.schema.indexes.values()) {
    const vector = row.fields[index.vectorField];
    if (!Array.isArray(vector) || vector.length !== index.dim) return false;
  }
  return true;
}

/**
 * Fills the empty `collection` from its start-up snapshot. Resolves the snapshot's warnings, or `undefined` when there
 * is no current snapshot or it cannot be read (the collection may then hold part of it: build a new one).
 */
async function restoreFromSnapshot(
  collection: VectorCollection,
  storage: Storage,
  now: number,
  purge: StorageWrite[],
): Promise<string[] | undefined> {
  const reader = await storage.snapshots?.open(collectionSnapshotName(collection.schema));
  if (!reader) return undefined;
  try {
    const restored = await restoreCollectionSnapshot(collection, reader, now);
    if (!restored) return undefined;
    for (const key of restored.expired) purge.push({ space: collection.space, key, value: undefined });
    return restored.warnings;
  } catch {
    return undefined;
  } finally {
    await reader.close();
  }
}

/** Fills the empty `collection` from its stored records, streamed in chunks; resolves the warnings of skipped ones. */
async function loadRecords(
  collection: VectorCollection,
  storage: Storage,
  now: number,
  purge: StorageWrite[],
): Promise<string[]> {
  const warnings: string[] = [];
  // Applied in chunks as records stream in, so a large collection never holds all its decoded records at once.
  let changes: RowChange[] = [];
  await forEachRecord(storage, collection.space, (key, value) => {
    if (!isStoredRow(value) || !rowFits(collection, value)) {
      warnings.push(`${collection.space}/${key}: does not match the configured schema; skipped`);
      return;
    }
    if (isExpired(value, now)) {
      purge.push({ space: collection.space, key, value: undefined });
      return;
    }
    changes.push({ key, row: value });
    if (changes.length < LOAD_CHUNK) return;
    collection.apply(changes);
    changes = [];
  });
  collection.apply(changes);
  return warnings;
}

export async function loadState(
  config: LocalConfig,
  storage: Storage,
  options: {
    embedder: Embedder;
    indexDelayMs: number;
    now: () => number;
    annFactory?: ApproximateIndexFactory | undefined;
    exactScan?: ExactScanKernel | undefined;
  },
): Promise<LoadedState> {
  const warnings: string[] = [];
  const collections = new Map<string, VectorCollection>();
  const purge: StorageWrite[] = [];
  const now = options.now();
  const collectionWarnings = new Map<string, string[]>();
  for (const collectionConfig of config.collections) {
    const build = () => new VectorCollection(buildCollectionSchema(collectionConfig, options.embedder), options);
    let collection = build();
    let skipped = await restoreFromSnapshot(collection, storage, now, purge);
    if (skipped === undefined) {
      collection = build();
      skipped = await loadRecords(collection, storage, now, purge);
    }
    for (const index of collection.indexes.values()) index.flush();
    collections.set(collectionConfig.name, collection);
    collectionWarnings.set(collectionConfig.name, skipped);
    warnings.push(...skipped);
  }
  const memoryCollections = new Map<string, MemoryCollection>();
  for (const memoryConfig of config.memoryCollections) {
    const collection = new MemoryCollection(memoryConfig);
    for (const [key, value] of await storage.load(memorySpace(memoryConfig, 'sessions')))
      if (isJsonObject(value)) collection.sessions.set(key, value as unknown as SessionRecord);
    for (const [key, value] of await storage.load(memorySpace(memoryConfig, 'events')))
      if (isJsonObject(value)) collection.events.set(key, value as unknown as MemoryItem);
    for (const [key, value] of await storage.load(memorySpace(memoryConfig, 'profiles')))
      if (isJsonObject(value)) collection.profiles.set(key, value as unknown as MemoryItem);
    memoryCollections.set(`${memoryConfig.projectName}/${memoryConfig.name}`, collection);
  }
  const knowledgeCollections = new Map<string, KnowledgeCollection>();
  for (const knowledgeConfig of config.knowledgeCollections) {
    const collection = new KnowledgeCollection(knowledgeConfig);
    const changes: KnowledgeChange[] = [];
    for (const [key, value] of await storage.load(knowledgeSpace(knowledgeConfig, 'docs')))
      if (isJsonObject(value) && typeof value['doc_id'] === 'string')
        changes.push({ kind: 'docs', key, value: value as unknown as DocRecord });
    for (const [key, value] of await storage.load(knowledgeSpace(knowledgeConfig, 'points'))) {
      const vector = isJsonObject(value) ? value['vector'] : undefined;
      if (Array.isArray(vector) && vector.length === knowledgeConfig.embedding.dim)
        changes.push({ kind: 'points', key, value: value as unknown as PointRecord });
      else
        warnings.push(
          `${knowledgeSpace(knowledgeConfig, 'points')}/${key}: does not match the configured dim; skipped`,
        );
    }
    collection.apply(changes);
    knowledgeCollections.set(collection.key, collection);
  }
  if (purge.length > 0) await storage.commit(purge);
  return { collections, memoryCollections, knowledgeCollections, warnings, collectionWarnings };
}
