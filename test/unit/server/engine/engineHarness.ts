/** Shared helpers for engine tests: a small config, an engine on memory storage, and a JSON call helper. */
import { parseLocalConfig, type LocalConfig, type LocalConfigInput } from '../../../../src/server/local/config/schema';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import type { LocalEngine } from '../../../../src/server/local/engine/protocol';
import type { ExactScanKernel } from '../../../../src/server/local/engine/vector/ExactScanKernel';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';
import type { Storage, StorageWrite } from '../../../../src/server/local/engine/storage/Storage';

/** A compact config with every field type, int64 and string keys, auto ids, all three distances. */
export const testConfigInput: LocalConfigInput = {
  collections: [
    {
      name: 'items',
      resourceId: 'res-items',
      primaryKey: { name: 'id', type: 'int64' },
      fields: [
        { name: 'title', type: 'string' },
        { name: 'body', type: 'text' },
        { name: 'n', type: 'int64' },
        { name: 'f', type: 'float32' },
        { name: 'flag', type: 'bool' },
        { name: 'tags', type: 'list<string>' },
        { name: 'nums', type: 'list<int64>' },
        { name: 'x', type: 'float32' },
        { name: 'y', type: 'float32' },
        { name: 'region', type: 'string' },
        { name: 'vec', type: 'vector', dim: 4 },
        { name: 'sparse', type: 'sparse_vector' },
      ],
      indexes: [
        {
          name: 'idx',
          distance: 'ip',
          scalarFields: ['id', 'title', 'n', 'f', 'flag', 'tags', 'nums', 'x', 'y', 'region'],
          partitionField: 'region',
        },
        { name: 'idx_cos', distance: 'cosine', scalarFields: ['n'] },
        { name: 'idx_l2', distance: 'l2', scalarFields: ['n'] },
      ],
    },
    {
      name: 'named',
      primaryKey: { name: 'key', type: 'string' },
      fields: [
        { name: 'label', type: 'string' },
        { name: 'vec', type: 'vector', dim: 2 },
      ],
      indexes: [{ name: 'named_idx', distance: 'l2', scalarFields: ['label'] }],
    },
    {
      name: 'docs',
      fields: [
        { name: 'title', type: 'string' },
        { name: 'content', type: 'text' },
        { name: 'year', type: 'int64' },
      ],
      vectorize: { textField: 'content', model: 'bge-m3', dim: 32 },
      indexes: [{ name: 'docs_idx', distance: 'cosine', scalarFields: ['title', 'year'] }],
    },
  ],
  memoryCollections: [
    {
      name: 'mem',
      eventTypes: [
        { name: 'event_v1', fields: [{ name: 'summary', type: 'string' }] },
        { name: 'event_email', fields: [{ name: 'subject', type: 'string' }] },
      ],
      profileTypes: [{ name: 'profile_v1', fields: [{ name: 'user_profile', type: 'string' }] }],
    },
  ],
};

export const testConfig: LocalConfig = parseLocalConfig(testConfigInput);

/** A response with a loosely typed body, for assertions. */
export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read deep JSON freely
  body: any;
}

/** An engine plus a `call(path, body)` helper. */
export interface Harness {
  engine: LocalEngine;
  storage: Storage;
  commits: StorageWrite[][];
  call(path: string, body?: unknown, method?: string): Promise<Answer>;
  clock: { now: number };
}

/** Wraps a storage to record every commit. */
export function recordingStorage(inner: Storage, commits: StorageWrite[][]): Storage {
  return {
    load: (space) => inner.load(space),
    spaces: () => inner.spaces(),
    commit: async (writes) => {
      commits.push([...writes]);
      await inner.commit(writes);
    },
    close: () => inner.close(),
  };
}

/** Creates an engine over (by default) fresh memory storage with a controllable clock. */
export async function createHarness(
  options: {
    config?: LocalConfig;
    storage?: Storage;
    indexDelayMs?: number;
    seed?: number;
    startAt?: number;
    exactScan?: ExactScanKernel;
  } = {},
): Promise<Harness> {
  const clock = { now: options.startAt ?? Date.UTC(2025, 0, 1) };
  const commits: StorageWrite[][] = [];
  const storage = recordingStorage(options.storage ?? createMemoryStorage(), commits);
  let state = options.seed ?? 1;
  const engine = await createLocalEngine({
    config: options.config ?? testConfig,
    storage,
    now: () => clock.now,
    random: () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    },
    ...(options.indexDelayMs !== undefined ? { indexDelayMs: options.indexDelayMs } : {}),
    ...(options.exactScan !== undefined ? { exactScan: options.exactScan } : {}),
  });
  let counter = 0;
  return {
    engine,
    storage,
    commits,
    clock,
    async call(path, body = {}, method = 'POST') {
      counter++;
      const answer = await engine.handle({
        method,
        path,
        body: typeof body === 'string' ? body : JSON.stringify(body),
        requestId: `req-${counter}`,
      });
      return answer as Answer;
    },
  };
}

/** A valid row of `items`. */
export function item(id: number | string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, title: `t${id}`, vec: [1, 0, 0, 0], ...extra };
}

export const V = '/api/vikingdb/data';
export const ON_ITEMS = { collection_name: 'items' };
export const ON_IDX = { collection_name: 'items', index_name: 'idx' };
