/**
 * Knowledge parity: one scripted sequence (every knowledge endpoint, background imports, both streams, errors)
 * against the real HTTP server and against the MSW handlers running the same engine in process. Statuses, bodies
 * and stream events must be identical apart from time stamps (`create_time`, `update_time`, `process_time`,
 * `task_id`, the time in a `next_token`) and generated doc ids (compared by order of first appearance).
 */
import { describe, expect, it } from 'vitest';
import { parseSse } from '../../support/sse';
import { dataUri, LIGHTHOUSE_MD } from './knowledgeHarness';
import { runOnHttpAndMsw } from '../../support/parityRuns';

const MSW_BASE = 'http://knowledge-parity.vikingdb.test';
const KB = { collection_name: 'demo_kb', project: 'default' };

type Context = Record<string, string>;
interface Step {
  method?: string;
  path: string;
  body?: unknown;
  build?: (ctx: Context) => unknown;
  capture?: (body: Record<string, unknown>, ctx: Context) => void;
  /** Poll doc/info of this doc until its import finished, before the step. */
  waitFor?: string;
  stream?: boolean;
}

const tags = [{ field_name: 'kind', field_type: 'string', field_value: 'docs' }];
const chat = {
  model: 'm',
  messages: [
    { role: 'system', content: LIGHTHOUSE_MD },
    { role: 'user', content: 'Fresnel lens designer?' },
  ],
};

const STEPS: Step[] = [
  {
    path: '/api/knowledge/doc/v2/add',
    body: { ...KB, doc_id: 'p-light', doc_name: 'light.md', uri: dataUri(LIGHTHOUSE_MD), tag_list: tags },
  },
  {
    path: '/api/knowledge/doc/add',
    body: {
      ...KB,
      add_type: 'url',
      url: dataUri('# Tea\n\nGreen tea is steamed.'),
      meta: [{ field_name: 'kind', field_value: 'readme' }],
    },
    capture: (body, ctx) => (ctx['auto'] = (body['data'] as { doc_id: string }).doc_id),
  },
  { path: '/api/knowledge/doc/add', body: { ...KB, add_type: 'tos', tos_path: 'tos://bucket/x.pdf', doc_id: 'p-tos' } },
  { path: '/api/knowledge/doc/info', body: { ...KB, doc_id: 'p-light', return_token_usage: true }, waitFor: 'p-light' },
  { path: '/api/knowledge/doc/info', build: (ctx) => ({ ...KB, doc_id: ctx['auto'] }), waitFor: 'auto' },
  { path: '/api/knowledge/doc/info', body: { ...KB, doc_id: 'p-tos' } },
  { path: '/api/knowledge/doc/list', body: { ...KB, offset: 0, limit: -1 } },
  {
    path: '/api/knowledge/doc/v2/list',
    body: { ...KB, limit: 2 },
    capture: (body, ctx) => (ctx['token'] = (body['data'] as { next_token: string }).next_token),
  },
  { path: '/api/knowledge/doc/v2/list', build: (ctx) => ({ ...KB, limit: 2, next_token: ctx['token'] }) },
  {
    path: '/api/knowledge/doc/v2/search_by_filter',
    body: { ...KB, filter: { op: 'must', field: 'kind', conds: ['docs'] } },
  },
  { path: '/api/knowledge/doc/update', body: { ...KB, doc_id: 'p-tos', doc_name: 'renamed.pdf' } },
  {
    path: '/api/knowledge/doc/update_meta',
    body: { ...KB, doc_id: 'p-tos', meta: [{ field_name: 'kind', field_type: 'string', field_value: 'x' }] },
  },
  {
    path: '/api/knowledge/point/add',
    body: { ...KB, doc_id: 'p-tos', chunk_type: 'text', chunk_title: 'Manual', content: 'The zeppelin hangar.' },
    capture: (body, ctx) => (ctx['point'] = (body['data'] as { point_id: string }).point_id),
  },
  { path: '/api/knowledge/point/info', build: (ctx) => ({ ...KB, point_id: ctx['point'] }) },
  { path: '/api/knowledge/point/list', body: { ...KB, doc_ids: ['p-light'], offset: 1, limit: 2 } },
  {
    path: '/api/knowledge/point/update',
    build: (ctx) => ({ ...KB, point_id: ctx['point'], content: 'The airship hangar.' }),
  },
  {
    path: '/api/knowledge/collection/search',
    body: { ...KB, query: 'airship', limit: 3, dense_weight: 0.5, rerank_switch: true, name: 'demo_kb' },
  },
  {
    path: '/api/knowledge/collection/search_knowledge',
    body: {
      ...KB,
      query: 'Who designed the Fresnel lens?',
      limit: 3,
      pre_processing: { return_token_usage: true, messages: [{ role: 'user', content: 'lighthouses' }] },
      post_processing: { rerank_switch: true, retrieve_count: 10, chunk_diffusion_count: 1, chunk_group: true },
      query_param: { doc_filter: { op: 'must', field: 'doc_id', conds: ['p-light'] } },
      name: 'demo_kb',
    },
  },
  {
    path: '/api/knowledge/service/rerank',
    body: {
      datas: [
        { query: 'tea', content: 'Green tea' },
        { query: 'tea', content: 'lamp' },
      ],
    },
  },
  { path: '/api/knowledge/chat/completions', body: { ...chat, stream: false } },
  { path: '/api/knowledge/chat/completions', body: { ...chat, stream: true }, stream: true },
  {
    path: '/api/knowledge/service/chat',
    body: {
      service_resource_id: 'demo_kb_service',
      messages: [{ role: 'user', content: 'Who designed the Fresnel lens?' }],
      stream: true,
    },
    stream: true,
  },
  {
    path: '/api/knowledge/service/chat',
    body: { service_resource_id: 'demo_kb_service', messages: [{ role: 'user', content: 'green tea' }], stream: false },
  },
  { path: '/api/knowledge/point/delete', build: (ctx) => ({ ...KB, point_id: ctx['point'] }) },
  { path: '/api/knowledge/doc/delete', body: { ...KB, doc_id: 'p-tos' } },
  // Errors.
  { path: '/api/knowledge/doc/info', body: { ...KB, doc_id: 'p-tos' } },
  { path: '/api/knowledge/point/info', body: { ...KB, point_id: 'nope' } },
  { path: '/api/knowledge/doc/v2/add', body: { ...KB, uri: 'ftp://x' } },
  { path: '/api/knowledge/doc/v2/add', body: '{"uri":' },
  { path: '/api/knowledge/collection/search', body: { collection_name: 'nope', query: 'x' } },
  {
    path: '/api/knowledge/service/chat',
    body: { service_resource_id: 'nope', messages: [{ role: 'user', content: 'x' }] },
  },
  { method: 'GET', path: '/api/knowledge/doc/list' },
  { path: '/api/knowledge/nothing', body: {} },
];

const TIME_KEYS = new Set(['create_time', 'update_time', 'process_time', 'task_id']);

function normalizer() {
  const names = new Map<string, string>();
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string')
      return (key === 'next_token' ? value.replace(/^\d+\./, '<time>.') : value).replace(
        /_sys_auto_gen_doc_id-\d+/g,
        (id) => {
          if (!names.has(id)) names.set(id, `<doc#${names.size + 1}>`);
          return names.get(id)!;
        },
      );
    if (typeof value === 'number' && key !== undefined && TIME_KEYS.has(key)) return '<time>';
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk;
}

async function runScript(baseUrl: string) {
  const ctx: Context = {};
  const normalize = normalizer();
  const answers: Array<{ step: string; status: number; body: unknown }> = [];
  const post = (path: string, body: unknown, id: string) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tt-Logid': id },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  for (const [i, step] of STEPS.entries()) {
    if (step.waitFor) {
      const docId = step.waitFor === 'auto' ? ctx['auto'] : step.waitFor;
      for (let n = 0; n < 200; n++) {
        const info = (await (await post('/api/knowledge/doc/info', { ...KB, doc_id: docId }, 'wait')).json()) as {
          data: { status: { process_status: number } };
        };
        if (info.data.status.process_status !== 2) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    const method = step.method ?? 'POST';
    const body = step.build ? step.build(ctx) : step.body;
    const response =
      method === 'GET'
        ? await fetch(`${baseUrl}${step.path}`, { headers: { 'X-Tt-Logid': `kp-${i}` } })
        : await post(step.path, body, `kp-${i}`);
    expect(response.headers.get('x-tt-logid')).toBe(`kp-${i}`);
    let parsed: unknown;
    if (step.stream) {
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      parsed = parseSse(await response.text());
    } else {
      parsed = await response.json();
      step.capture?.(parsed as Record<string, unknown>, ctx);
    }
    answers.push({ step: `${i} ${method} ${step.path}`, status: response.status, body: normalize(parsed) });
  }
  return answers;
}

describe('HTTP server and MSW handlers answer knowledge requests alike', () => {
  it(
    `${STEPS.length} scripted knowledge requests give identical statuses, bodies and streams`,
    { timeout: 30_000 },
    async () => {
      const { viaHttp, viaMsw } = await runOnHttpAndMsw(MSW_BASE, runScript);
      for (const [i, answer] of viaHttp.entries()) expect(viaMsw[i], answer.step).toEqual(answer);
      expect(new Set(viaHttp.map((a) => a.status))).toEqual(new Set([200, 400, 404, 405]));
      const paths = new Set(STEPS.map((s) => s.path).filter((path) => path !== '/api/knowledge/nothing'));
      expect(paths.size).toBe(19);
    },
  );
});
