/**
 * Parity: one scripted sequence of requests (every vector and memory endpoint, pings, and errors) against the real
 * HTTP server and against the MSW handlers (`createVikingHandlers`), which run the same engine in process. Status
 * and body must be identical apart from request ids (both get the same `X-Tt-Logid` here anyway), generated ids
 * (auto ids, `evt_…`/`prof_…`, compared by order of first appearance), `time` stamps, and the order of random search
 * hits (a random sample, compared as a set).
 */
import { describe, expect, it } from 'vitest';
import { demoDoc, vectorOf } from './harness';
import { runOnHttpAndMsw } from '../../support/parityRuns';

const MSW_BASE = 'http://parity.vikingdb.test';
const DOCS = { collection_name: 'demo_docs' };
const ON_INDEX = { collection_name: 'demo_docs', index_name: 'demo_docs_index' };
const VEC = { collection_name: 'vector', index_name: 'vector_index' };
const MEM = { collection_name: 'sdk_test', project_name: 'default' };
const T0 = Date.UTC(2025, 0, 1);

type Context = Record<string, string>;
interface Step {
  method?: string;
  path: string;
  body?: unknown;
  build?: (ctx: Context) => unknown;
  capture?: (body: Record<string, unknown>, ctx: Context) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading captured ids from JSON
const data = (body: any) => body.data;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading captured ids from JSON
const result = (body: any) => body.result;

const STEPS: Step[] = [
  { method: 'GET', path: '/api/vikingdb/Ping' },
  { method: 'POST', path: '/api/vikingdb/Ping', body: '' },
  { method: 'GET', path: '/api/memory/ping' },
  { method: 'GET', path: '/ping' },
  { path: '/api/vikingdb/data/upsert', body: { ...DOCS, data: [1, 2, 3, 4, 5, 6].map((id) => demoDoc(id)) } },
  { path: '/api/vikingdb/data/upsert?', body: { ...DOCS, data: [demoDoc(7, { body: '灯塔 守护者 的 故事' })] } },
  {
    path: '/api/vikingdb/data/upsert',
    body: {
      collection_name: 'vector',
      data: [1, 2, 3].map((n) => ({
        title: `v${n}`,
        paragraph: n,
        score: n,
        text: `t${n}`,
        vector: vectorOf(n, 1024),
      })),
    },
  },
  { path: '/api/vikingdb/data/fetch_in_collection', body: { ...DOCS, ids: [1, '2', 99, 'x'] } },
  { path: '/api/vikingdb/data/update', body: { ...DOCS, data: [{ id: 2, rating: 47, tags: ['updated'] }] } },
  { path: '/api/vikingdb/data/fetch_in_collection', body: { ...DOCS, ids: [2] } },
  {
    path: '/api/vikingdb/data/fetch_in_index',
    body: { ...ON_INDEX, ids: [2, 3, 404], output_fields: ['title', 'tags'] },
  },
  { path: '/api/vikingdb/data/fetch_in_index', body: { ...ON_INDEX, ids: [1, 2], partition: 'odd' } },
  {
    path: '/api/vikingdb/data/search/vector',
    body: { ...VEC, dense_vector: vectorOf(2, 1024), limit: 3 },
    capture: (body, ctx) => (ctx['auto'] = result(body).data[0].id),
  },
  {
    path: '/api/vikingdb/data/search/vector',
    body: {
      ...VEC,
      dense_vector: vectorOf(1, 1024),
      filter: { op: 'range', field: 'paragraph', gte: 2 },
      return_schema: true,
    },
  },
  {
    path: '/api/vikingdb/data/update',
    build: (ctx) => ({ collection_name: 'vector', data: [{ __AUTO_ID__: ctx['auto'], score: 99 }] }),
  },
  {
    path: '/api/vikingdb/data/search/scalar',
    body: { ...VEC, field: 'score', order: 'desc', limit: 2, output_fields: ['score'] },
  },
  {
    path: '/api/vikingdb/data/search/multi_modal',
    body: { ...ON_INDEX, text: 'lighthouse keepers', limit: 3, output_fields: ['title'] },
  },
  { path: '/api/vikingdb/data/search/multi_modal', body: { ...ON_INDEX, text: '灯塔', limit: 1 } },
  {
    path: '/api/vikingdb/data/search/id',
    body: { ...ON_INDEX, id: 3, limit: 4, filter: { op: 'must_not', field: 'lang', conds: ['zh'] } },
  },
  { path: '/api/vikingdb/data/search/scalar', body: { ...ON_INDEX, field: 'year', order: 'asc', limit: 3, offset: 1 } },
  {
    path: '/api/vikingdb/data/search/keywords',
    body: { ...ON_INDEX, keywords: ['gardens'], limit: 7, output_fields: ['title'] },
  },
  { path: '/api/vikingdb/data/search/keywords', body: { ...ON_INDEX, query: '守护者', limit: 2 } },
  {
    path: '/api/vikingdb/data/search/random',
    body: { ...ON_INDEX, limit: 10, filter: { op: 'must', field: 'category', conds: ['even'] } },
  },
  {
    path: '/api/vikingdb/data/search/random',
    body: { ...ON_INDEX, partition: 'odd', advance: { ids_in: [1, '3', 99] } },
  },
  {
    path: '/api/vikingdb/data/search/random',
    body: { ...ON_INDEX, filter: { op: 'range', field: ['pos_x', 'pos_y'], center: [0, 0], radius: 4 } },
  },
  { path: '/api/vikingdb/data/agg', body: { ...ON_INDEX, op: 'count' } },
  { path: '/api/vikingdb/data/agg', body: { ...ON_INDEX, op: 'count', field: 'tags', cond: { gte: 2 } } },
  { path: '/api/vikingdb/data/agg', body: { ...ON_INDEX, op: 'count', field: 'lang', order: 'asc' } },
  {
    path: '/api/vikingdb/data/sort',
    body: { ...ON_INDEX, ids: [1, 2, 3, -7], query_vector: new Array(256).fill(0.05) },
  },
  {
    path: '/api/vikingdb/embedding',
    body: {
      dense_model: { name: 'bge-m3', dim: 8 },
      sparse_model: { name: 'bge-m3' },
      data: [{ text: 'hello world' }, { text: '你好' }],
    },
  },
  {
    path: '/api/vikingdb/rerank',
    body: {
      model_name: 'doubao-seed-rerank',
      query: [{ text: 'apple' }],
      data: [[{ text: 'an apple' }], [{ text: 'John' }]],
      return_origin_data: true,
    },
  },
  { path: '/api/vikingdb/data/delete', body: { ...DOCS, ids: [6, '5', 123] } },
  { path: '/api/vikingdb/data/fetch_in_collection', body: { ...DOCS, ids: [5, 6, 4] } },
  // Vector errors.
  { path: '/api/vikingdb/data/upsert', body: '{"collection_name": "demo_docs", "data": [' },
  { path: '/api/vikingdb/data/upsert', body: { ...DOCS, data: [demoDoc(8), demoDoc(9, { year: 'x' })] } },
  {
    path: '/api/vikingdb/data/upsert',
    body: { ...DOCS, data: Array.from({ length: 101 }, (_, i) => demoDoc(100 + i)) },
  },
  { path: '/api/vikingdb/data/upsert', body: { collection_name: 'vector', data: [{ title: 'x', vector: [1, 2] }] } },
  { path: '/api/vikingdb/data/update', body: { ...DOCS, data: [{ id: 4040, title: 'x' }] } },
  { path: '/api/vikingdb/data/fetch_in_collection', body: { collection_name: 'nope', ids: [1] } },
  { path: '/api/vikingdb/data/search/random', body: { ...DOCS, index_name: 'nope' } },
  { path: '/api/vikingdb/data/search/random', body: { ...DOCS, index_name: '' } },
  { path: '/api/vikingdb/data/search/vector', body: { ...VEC, dense_vector: [1, 2, 3] } },
  {
    path: '/api/vikingdb/data/search/random',
    body: { ...ON_INDEX, filter: { op: 'must', field: 'body', conds: ['x'] } },
  },
  { path: '/api/vikingdb/data/agg', body: { ...ON_INDEX, op: 'sum' } },
  { path: '/api/vikingdb/data/nothing', body: {} },
  { method: 'GET', path: '/api/vikingdb/data/upsert' },
  { method: 'PUT', path: '/api/vikingdb/data/upsert', body: { ...DOCS, data: [demoDoc(8)] } },
  { method: 'DELETE', path: '/api/memory/unknown' },
  { path: '/api/vikingdb/data/fetch_in_collection', body: { ...DOCS, ids: [1, 2, 3, 4, 7, 8, 9, 100] } },
  // Memory.
  {
    path: '/api/memory/session/add',
    body: {
      ...MEM,
      session_id: 'p-1',
      messages: [
        { role: 'user', content: 'My name is Ana. I live in Lisbon and I like surfing.' },
        { role: 'assistant', content: 'Lisbon has great waves.' },
      ],
      metadata: { default_user_id: 'ana', default_assistant_id: 'bot', time: T0 },
    },
  },
  {
    path: '/api/memory/session/add',
    body: {
      ...MEM,
      session_id: 'p-1',
      messages: [{ role: 'user', content: "I don't like rain." }],
      metadata: { time: T0 + 1000 },
    },
  },
  { path: '/api/memory/session/info', body: { ...MEM, session_id: 'p-1' } },
  { path: '/api/memory/search', body: { ...MEM, query: 'surfing in Lisbon', filter: { user_id: 'ana' }, limit: 5 } },
  {
    path: '/api/memory/event/add',
    body: { ...MEM, event_type: 'event_v1', memory_info: { summary: 'Booked a flight to Porto' }, user_id: 'ana' },
    capture: (body, ctx) => (ctx['event'] = data(body).event_id),
  },
  {
    path: '/api/memory/event/update',
    build: (ctx) => ({ ...MEM, event_id: ctx['event'], memory_info: { summary: 'Booked and paid a flight to Porto' } }),
  },
  {
    path: '/api/memory/event/search',
    body: { ...MEM, query: 'flight Porto', filter: { user_id: 'ana', memory_type: ['event_v1'] }, limit: 2 },
  },
  { path: '/api/memory/event/delete', build: (ctx) => ({ ...MEM, event_id: ctx['event'] }) },
  { path: '/api/memory/event/delete', build: (ctx) => ({ ...MEM, event_id: ctx['event'] }) },
  {
    path: '/api/memory/profile/add',
    body: { ...MEM, profile_type: 'profile_v1', memory_info: { user_profile: 'Likes tea' }, user_id: 'bo' },
    capture: (body, ctx) => (ctx['profile'] = data(body).profile_id),
  },
  {
    path: '/api/memory/profile/update',
    build: (ctx) => ({ ...MEM, profile_id: ctx['profile'], memory_info: { user_profile: 'Likes green tea' } }),
  },
  { path: '/api/memory/profile/search', body: { ...MEM, query: 'green tea', filter: { user_id: 'bo' } } },
  {
    path: '/api/memory/profile/trigger_update',
    body: { ...MEM, update_profile_type: 'profile_v1', filters: { user_id: 'ana' } },
  },
  { path: '/api/memory/profile/search', body: { ...MEM, query: 'Lisbon surfing rain', filter: { user_id: 'ana' } } },
  { path: '/api/memory/profile/delete', build: (ctx) => ({ ...MEM, profile_id: ctx['profile'] }) },
  { path: '/api/memory/profile/batch_delete', body: { ...MEM, filter: { user_id: 'ana' } } },
  {
    path: '/api/memory/event/batch_delete',
    body: { ...MEM, filter: { event_type: 'event_v1', user_id: 'ana', start_time: T0, end_time: T0 + 1000 } },
  },
  { path: '/api/memory/search', body: { ...MEM, query: 'anything', filter: { user_id: ['ana', 'bo'] } } },
  // Memory errors.
  { path: '/api/memory/session/add', body: '{"session_id": ' },
  { path: '/api/memory/session/add', body: { ...MEM, session_id: '', messages: [] } },
  { path: '/api/memory/session/info', body: { ...MEM, session_id: 'missing' } },
  { path: '/api/memory/event/add', body: { ...MEM, event_type: 'nope', memory_info: {} } },
  { path: '/api/memory/search', body: { collection_name: 'nope', query: 'x' } },
  { path: '/api/memory/search', body: { ...MEM, limit: 0 } },
  { path: '/api/memory/nothing', body: {} },
];

/** Replaces generated ids and time stamps with stable placeholders, and sorts random search hits. */
function normalizer() {
  const names = new Map<string, string>();
  const rename = (value: string, kind: string): string => {
    if (!names.has(value)) names.set(value, `<${kind}#${names.size + 1}>`);
    return names.get(value)!;
  };
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') {
      // Ids also appear inside messages ("event 'evt_…' does not exist").
      return value
        .replace(/\b(evt|prof)_[0-9a-z]+\b/g, (id, kind: string) => rename(id, kind))
        .replace(/\b\d{15,}\b/g, (id) => rename(id, 'auto'));
    }
    if (typeof value === 'number' && key === 'time') return '<time>';
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (typeof value === 'object' && value !== null) {
      const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
      return copy;
    }
    return value;
  };
  return (body: unknown): unknown => {
    const normalized = walk(body) as Record<string, unknown>;
    const res = normalized?.['result'] as { data?: Array<{ id: unknown }> } | undefined;
    if (normalized?.['api'] === 'SearchByRandom' && res?.data)
      res.data = [...res.data].sort((a, b) => JSON.stringify(a.id).localeCompare(JSON.stringify(b.id)));
    return normalized;
  };
}

async function runScript(baseUrl: string): Promise<Array<{ step: string; status: number; body: unknown }>> {
  const ctx: Context = {};
  const normalize = normalizer();
  const answers: Array<{ step: string; status: number; body: unknown }> = [];
  for (const [i, step] of STEPS.entries()) {
    const method = step.method ?? 'POST';
    const body = step.build ? step.build(ctx) : step.body;
    const response = await fetch(`${baseUrl}${step.path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Tt-Logid': `parity-${i}` },
      ...(method === 'GET' || body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const parsed = (await response.json()) as Record<string, unknown>;
    expect(response.headers.get('x-tt-logid')).toBe(`parity-${i}`);
    step.capture?.(parsed, ctx);
    answers.push({ step: `${i} ${method} ${step.path}`, status: response.status, body: normalize(parsed) });
  }
  return answers;
}

describe('HTTP server and MSW handlers answer alike', () => {
  it(`${STEPS.length} scripted requests give identical statuses and bodies`, { timeout: 30_000 }, async () => {
    expect(STEPS.length).toBeGreaterThanOrEqual(50);
    const { viaHttp, viaMsw } = await runOnHttpAndMsw(MSW_BASE, runScript);
    for (const [i, answer] of viaHttp.entries()) expect(viaMsw[i], answer.step).toEqual(answer);
    const statuses = new Set(viaHttp.map((a) => a.status));
    expect([...statuses].sort()).toEqual([200, 400, 404, 405]);
    const paths = new Set(STEPS.map((s) => s.path.replace(/\?$/, '')));
    expect(paths.size).toBeGreaterThanOrEqual(33); // 16 vector + 15 memory + /ping + error paths
  });
});
