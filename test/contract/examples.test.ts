/**
 * The examples as tests: each example's `main(env)` runs against a local server (default config, in memory) through
 * `loadEnv(defaults, { VIKINGDB_LOCAL_URL })` — exactly what `npm run example` does against `vikingdb-kit serve` —
 * and its returned summary is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../examples/shared/env';
import { main as connectivity } from '../../examples/vector/1-connectivity';
import { main as lifecycle } from '../../examples/vector/2-collection-lifecycle';
import { main as search } from '../../examples/vector/3-search';
import { main as aggregate } from '../../examples/vector/4-aggregate';
import { main as embedding } from '../../examples/vector/5-embedding';
import { main as rerank } from '../../examples/vector/6-rerank';
import { main as initMemory } from '../../examples/memory/01-init-client-and-collection';
import { main as addSession } from '../../examples/memory/02-add-session';
import { main as searchMemory } from '../../examples/memory/03-search-memory';
import * as packageClient from 'vikingdb-kit/client';
import * as sourceClient from '../../src/client/index.node';
import { createLocalServer, type LocalServer } from '../../src/server/local/createLocalServer';

let server: LocalServer;
const vectorEnv = () => loadEnv({ collection: 'text', index: 'text_index' }, { VIKINGDB_LOCAL_URL: server.url });
const memoryEnv = () => loadEnv({ collection: 'sdk_test', index: '' }, { VIKINGDB_LOCAL_URL: server.url });
const logged: unknown[] = [];
const originalLog = console.log;

beforeAll(async () => {
  server = await createLocalServer({ port: 0, inMemory: true, log: false });
  console.log = (...args: unknown[]) => logged.push(args);
});

afterAll(async () => {
  console.log = originalLog;
  await server?.close();
});

describe('the vikingdb-kit/client alias', () => {
  it('points the examples at the source (one module instance), not at a dist build', () => {
    expect(packageClient.createVikingClient).toBe(sourceClient.createVikingClient);
    expect(packageClient.VikingDBError).toBe(sourceClient.VikingDBError);
  });
});

describe('vector examples', () => {
  it('1-connectivity: ping 200 and a random search', async () => {
    const env = vectorEnv();
    expect(env.local).toBe(true);
    const summary = await connectivity(env);
    expect(summary.pingStatus).toBe(200);
    expect(summary.rows).toBeGreaterThanOrEqual(0);
  });

  it('2-collection-lifecycle: the updated score is 47 and the row is gone after delete', async () => {
    const summary = await lifecycle(vectorEnv());
    expect(summary.updatedScore).toBe(47);
    expect(summary.goneAfterDelete).toBe(true);
    expect(String(summary.id)).toMatch(/^\d+$/);
  });

  it('3-search: every mode finds the session’s chapters; keywords put "Signal" first', async () => {
    const summary = await search(vectorEnv());
    expect(summary.multiModalTop).toMatch(/^Atlas Retrieval Lab · search-/);
    expect(summary.vectorTopId).toBe(summary.firstId);
    expect(summary.scalarScores).toEqual([93.1, 88.4, 72.5]);
    expect(summary.keywordsTop).toMatch(/^Atlas Signal Tuning/);
    expect(summary.randomCount).toBe(2);
  });

  it('4-aggregate: three chapters in total, one group per paragraph', async () => {
    const summary = await aggregate(vectorEnv());
    expect(summary.total).toEqual({ __TOTAL__: 3 });
    expect(summary.groups).toBe(3);
  });

  it('5-embedding: two dense vectors of 1024 and sparse vectors', async () => {
    const summary = await embedding(vectorEnv());
    expect(summary).toEqual({ count: 2, dim: 1024, hasSparse: true });
  });

  it('6-rerank: the apple sentence first, scores best first in [0, 1]', async () => {
    const summary = await rerank(vectorEnv());
    expect(summary.top).toBe('This is an apple.');
    expect(summary.scores).toHaveLength(3);
    expect([...summary.scores].sort((a, b) => b - a)).toEqual(summary.scores);
    for (const score of summary.scores) expect(score >= 0 && score <= 1).toBe(true);
  });
});

describe('memory examples', () => {
  it('01-init-client-and-collection: ping 200 and the collection answers', async () => {
    const summary = await initMemory(memoryEnv());
    expect(summary.pingStatus).toBe(200);
    expect(summary.locator).toEqual({ collection_name: 'sdk_test', project_name: 'default' });
  });

  it('02-add-session: the session is stored with its two messages', async () => {
    const summary = await addSession(memoryEnv());
    expect(summary.messages).toBe(2);
    expect(summary.sessionId).toMatch(/^session-/);
  });

  it('03-search-memory: finds the profile and the event of the session just added', async () => {
    const summary = await searchMemory(memoryEnv());
    expect(summary.profiles).toBeGreaterThanOrEqual(1);
    expect(summary.events).toBeGreaterThanOrEqual(1);
    expect(summary.recent).toBeGreaterThanOrEqual(1);
  });
});
