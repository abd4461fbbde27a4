/**
 * Shared helpers of the server contract tests: one real local server per test file (127.0.0.1, port 0, closed
 * after the file), the kit's own client on it, a raw HTTP helper for what the client would refuse to send, and
 * snapshots that prove a rejected request changed nothing.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { createVikingClient, headerAuth, type AnyFields, type VikingClient } from '../../../src/client/index.node';
import type { Endpoint } from '../../../src/client/transport/Endpoint';
import {
  createLocalServer,
  type LocalServer,
  type LocalServerOptions,
} from '../../../src/server/local/createLocalServer';

/** The server of a test file and the kit's client on it (no retries, so every error surfaces at once). */
export interface ServerFixture {
  server: LocalServer;
  client: VikingClient;
  url: string;
}

/** Starts a server before the file's tests and closes it after them. Read the fields inside tests only. */
export function serverForThisFile(options: LocalServerOptions = {}): ServerFixture {
  const fixture = {} as ServerFixture;
  beforeAll(async () => {
    fixture.server = await createLocalServer({ port: 0, inMemory: true, log: false, ...options });
    fixture.url = fixture.server.url;
    fixture.client = createVikingClient({
      baseUrl: fixture.server.url,
      auth: headerAuth({}),
      retry: { maxRetries: 0 },
    });
  });
  afterAll(async () => {
    await fixture.server?.close();
  });
  return fixture;
}

/** A raw HTTP answer. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read deep JSON freely
  body: any;
}

/** Sends `body` (a string is sent as is, anything else as JSON) to `path` with fetch. */
export async function raw(
  url: string,
  path: string,
  body?: unknown,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const method = init.method ?? 'POST';
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...init.headers },
    ...(method === 'GET' || body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Sends a wire body through the client's transport (bypassing its parameter checks). */
export function callWire(client: VikingClient, endpoint: Endpoint, body: unknown) {
  return client.transport.call<Record<string, unknown>>(endpoint, body);
}

/** Row `id` of `demo_docs` (vectorized `body`, partition `category`); `extra` may hold invalid values on purpose. */
export function demoDoc(id: number, extra: Record<string, unknown> = {}): AnyFields {
  const row: Record<string, unknown> = {
    id,
    title: `Doc ${id}`,
    body: `document number ${id} about ${id % 2 === 0 ? 'lighthouse keepers' : 'mountain gardens'}`,
    lang: id % 3 === 0 ? 'zh' : 'en',
    tags: [`t${id % 4}`, 'all'],
    year: 2000 + id,
    rating: id / 2,
    pos_x: id,
    pos_y: -id,
    category: id % 2 === 0 ? 'even' : 'odd',
    ...extra,
  };
  return row as AnyFields;
}

/** A deterministic unit-ish vector of `dim` numbers for seed `seed`. */
export function vectorOf(seed: number, dim: number): number[] {
  return Array.from({ length: dim }, (_, i) => Math.round(Math.sin(seed * 7.1 + i * 0.37) * 1000) / 1000);
}

/**
 * What a rejected request must not change: the rows of `ids` in a vector collection (fetch_in_collection) and the
 * row count of one of its indexes.
 */
export async function vectorSnapshot(
  url: string,
  collection: string,
  index: string,
  ids: ReadonlyArray<string | number>,
): Promise<unknown> {
  const fetched = await raw(url, '/api/vikingdb/data/fetch_in_collection', { collection_name: collection, ids });
  const count = await raw(url, '/api/vikingdb/data/agg', {
    collection_name: collection,
    index_name: index,
    op: 'count',
  });
  expect(fetched.status).toBe(200);
  expect(count.status).toBe(200);
  return { rows: fetched.body.result, count: count.body.result.agg };
}

/** What a rejected memory request must not change: every event and profile of a memory collection. */
export async function memorySnapshot(url: string, collection: string): Promise<unknown> {
  const all = await raw(url, '/api/memory/search', {
    collection_name: collection,
    project_name: 'default',
    limit: 1000,
  });
  expect(all.status).toBe(200);
  const items = (all.body.data.result_list as Array<Record<string, unknown>>).map(({ score: _score, ...rest }) => rest);
  return items.sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
}
