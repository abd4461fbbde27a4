/**
 * The examples as tests: each example's `main(env)` runs against a local server (default config, in memory) through
 * `loadEnv(defaults, { VIKINGDB_LOCAL_URL })` — exactly what `npm run example` does against `vikingdb-kit serve` —
 * and its returned summary is checked.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
import { main as initKnowledge } from '../../examples/knowledge/01-init-client-and-collection';
import { main as docCrud } from '../../examples/knowledge/02-doc-crud';
import { main as pointCrud } from '../../examples/knowledge/03-point-crud';
import { main as searchAndChat } from '../../examples/knowledge/04-search-and-chat';
import * as packageClient from 'vikingdb-kit/client';
import * as sourceClient from '../../src/client/index.node';
import { createLocalServer, type LocalServer } from '../../src/server/local/createLocalServer';
import { minimalPdf } from '../support/minimalPdf';

/** A one-page report for the knowledge examples (they import a PDF). */
const REPORT_PDF = minimalPdf([
  ['Google 2025 Q1 report.', 'Revenue grew 12% year over year to 90 billion dollars.'],
  ['Operating margin improved to 34% in 2025 Q1.'],
]);

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

describe('knowledge examples', () => {
  const knowledgeEnv = () =>
    loadEnv({ collection: 'financial_reports', index: '' }, { VIKINGDB_LOCAL_URL: server.url });

  beforeAll(() => {
    // 02 imports this document instead of the walkthrough's PDF on the web; 04 also asks the walkthrough's service.
    vi.stubEnv('VIKINGDB_DOC_URI', `data:application/pdf;base64,${Buffer.from(REPORT_PDF).toString('base64')}`);
    vi.stubEnv('VIKINGDB_SERVICE_RESOURCE_ID', 'financial_reports_service');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('01-init-client-and-collection: ping 200 and the locator', async () => {
    const summary = await initKnowledge(knowledgeEnv());
    expect(summary.ping).toBe(200);
    expect(summary.locator).toEqual({ collection_name: 'financial_reports' });
  });

  it('02-doc-crud: the document is added, listed by id and found by its tag, then deleted', async () => {
    const summary = await docCrud(knowledgeEnv());
    expect(summary).toMatchObject({ listed: 1, filtered: 1 });
    const kb = knowledgeEnv().client.knowledge.collection('financial_reports');
    expect((await kb.docs.list()).items.map((doc) => doc.docId)).not.toContain(summary.docId);
  });

  it('03-point-crud: the chunk is added, listed and updated', async () => {
    const summary = await pointCrud(knowledgeEnv());
    expect(summary.pointId).toBeTypeOf('string');
    expect(summary.listed).toBeGreaterThanOrEqual(1);
    expect(summary.content).toBe('Revenue grew 12% YoY to $3.4B (updated).');
  });

  it('04-search-and-chat: retrieval over a report, rerank, a whole and a streamed chat, a streamed service chat', async () => {
    const kb = knowledgeEnv().client.knowledge.collection('financial_reports');
    await kb.docs.addV2({
      docId: 'q1-report',
      docName: 'Q1 report',
      docType: 'pdf',
      uri: process.env['VIKINGDB_DOC_URI'],
      tagList: [{ fieldName: 'category', fieldType: 'string', fieldValue: 'financial_report' }],
    });
    for (let i = 0; i < 200 && (await kb.docs.info('q1-report')).status?.processStatus === 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const summary = await searchAndChat(knowledgeEnv());
    expect(summary.hits).toBeGreaterThan(0);
    expect(summary.scores).toBe(2);
    expect(summary.streamed).toBeGreaterThan(0);
    expect(summary.serviceAnswer).toContain('Google 2025 Q1 report');
  });
});
