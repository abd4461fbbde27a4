/**
 * The generators of the fuzz suites (`test/contract/server/fuzz.test.ts` straight at the local server,
 * `test/contract/proxy/fuzz.test.ts` through the signing proxy): a valid template body for every vector, memory and
 * knowledge path, mutations of it (dropped, retyped and extra fields, huge numbers, NaN-ish strings, deep nesting, unicode,
 * truncated text), random bodies, and the check every answer must pass.
 *
 * Writes are fuzzed on rows and collections the fuzz suites' snapshots do not cover (`demo_docs` ids ≥ 1001,
 * `vector`, memory `sdk_test`); generated values never contain the protected ids 1–10 or the name `demo_memory`, so a
 * (valid) mutated write cannot legitimately touch the protected data.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { demoDoc, vectorOf } from '../contract/server/harness';

/** Rows of `demo_docs` no fuzzed write may touch. */
export const PROTECTED_IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** The longest error message any answer may carry: 1 kB. */
export const MAX_MESSAGE_LENGTH = 1024;

const DOCS = { collection_name: 'demo_docs' };
const ON_INDEX = { collection_name: 'demo_docs', index_name: 'demo_docs_index' };
const MEM = { collection_name: 'sdk_test', project_name: 'default' };

type Json = unknown;
/** A path and a valid body for it. */
export type Template = readonly [path: string, body: Json];

export const VECTOR_WRITES: Template[] = [
  ['/api/vikingdb/data/upsert', { ...DOCS, data: [demoDoc(1001), demoDoc(1002)], ttl: 0 }],
  [
    '/api/vikingdb/data/upsert',
    {
      collection_name: 'vector',
      data: [{ title: 't', paragraph: 1, score: 2.5, text: 'x', vector: vectorOf(1, 1024) }],
    },
  ],
  ['/api/vikingdb/data/update', { ...DOCS, data: [{ id: 1001, rating: 3, tags: ['u'] }], ttl: 100 }],
  ['/api/vikingdb/data/delete', { ...DOCS, ids: [1002, 1003] }],
];

export const VECTOR_READS: Template[] = [
  ['/api/vikingdb/data/fetch_in_collection', { ...DOCS, ids: [1, 1001, '2'] }],
  ['/api/vikingdb/data/fetch_in_index', { ...ON_INDEX, ids: [1001, 2], output_fields: ['title'], partition: 'odd' }],
  [
    '/api/vikingdb/data/search/vector',
    {
      collection_name: 'vector',
      index_name: 'vector_index',
      dense_vector: vectorOf(2, 1024),
      limit: 3,
      offset: 1,
      filter: { op: 'range', field: 'paragraph', gte: 0, lt: 100 },
      advance: { ids_not_in: ['42'], dense_weight: 0.5 },
    },
  ],
  ['/api/vikingdb/data/search/multi_modal', { ...ON_INDEX, text: 'garden', need_instruction: false, limit: 2 }],
  ['/api/vikingdb/data/search/id', { ...ON_INDEX, id: 1001, output_fields: [], return_schema: true }],
  [
    '/api/vikingdb/data/search/scalar',
    { ...ON_INDEX, field: 'year', order: 'asc', filter: { op: 'must', field: 'lang', conds: ['en', 'zh'] } },
  ],
  [
    '/api/vikingdb/data/search/keywords',
    { ...ON_INDEX, keywords: ['garden'], query: 'lighthouse', case_sensitive: false, bm25_k1: 1.2, bm25_b: 0.75 },
  ],
  [
    '/api/vikingdb/data/search/random',
    {
      ...ON_INDEX,
      limit: 2,
      filter: {
        op: 'or',
        conds: [
          { op: 'range', field: ['pos_x', 'pos_y'], center: [0, 0], radius: 50 },
          { op: 'range_out', field: 'rating', gt: 3, lt: 1 },
        ],
      },
    },
  ],
  ['/api/vikingdb/data/agg', { ...ON_INDEX, op: 'count', field: 'tags', cond: { gte: 1 }, order: 'desc' }],
  ['/api/vikingdb/data/sort', { ...ON_INDEX, ids: [1001, 2], query_vector: new Array(256).fill(0.25) }],
];

export const MODELS: Template[] = [
  [
    '/api/vikingdb/embedding',
    {
      dense_model: { name: 'bge-m3', dim: 16 },
      sparse_model: { name: 'bge-m3' },
      data: [{ text: 'hello' }, { full_modal_seq: [{ text: 'a' }] }],
    },
  ],
  [
    '/api/vikingdb/rerank',
    {
      model_name: 'm',
      model_version: 'v',
      query: [{ text: 'apple' }],
      data: [[{ text: 'an apple' }], [{ text: 'a pear' }]],
      return_origin_data: true,
    },
  ],
];

export const MEMORY_WRITES: Template[] = [
  [
    '/api/memory/session/add',
    {
      ...MEM,
      session_id: 'fuzz-session',
      messages: [{ role: 'user', content: 'I like tea and I live in Paris' }],
      metadata: { default_user_id: 'fz', default_assistant_id: 'fa', time: 1735689600000 },
    },
  ],
  ['/api/memory/event/add', { ...MEM, event_type: 'event_v1', memory_info: { summary: 'x' }, user_id: 'fz' }],
  ['/api/memory/event/update', { ...MEM, event_id: 'evt_missing', memory_info: { summary: 'y' } }],
  ['/api/memory/event/delete', { ...MEM, event_id: 'evt_missing' }],
  ['/api/memory/event/batch_delete', { ...MEM, delete_type: 'filter', filter: { user_id: 'fz', start_time: 0 } }],
  [
    '/api/memory/profile/add',
    { ...MEM, profile_type: 'profile_v1', memory_info: { user_profile: 'z' }, is_upsert: true },
  ],
  ['/api/memory/profile/update', { ...MEM, profile_id: 'prof_missing', memory_info: { user_profile: 'w' } }],
  ['/api/memory/profile/delete', { ...MEM, profile_id: 'prof_missing' }],
  ['/api/memory/profile/batch_delete', { ...MEM, filter: { profile_type: 'profile_v1', user_id: 'fz' } }],
  ['/api/memory/profile/trigger_update', { ...MEM, update_profile_type: ['profile_v1'], filters: { user_id: 'fz' } }],
];

export const MEMORY_READS: Template[] = [
  ['/api/memory/search', { ...MEM, query: 'tea', filter: { user_id: 'fz', memory_type: ['event_v1'] }, limit: 5 }],
  ['/api/memory/event/search', { ...MEM, query: 'x', time_decay_config: { enable: true }, limit: 3 }],
  ['/api/memory/profile/search', { ...MEM, filter: { assistant_id: ['fa'] } }],
  ['/api/memory/session/info', { ...MEM, session_id: 'fuzz-session' }],
];

/** Every fuzzed path. */
const KB = { collection_name: 'demo_kb', project: 'default' };
const MARKDOWN = `data:text/markdown;base64,${Buffer.from('# Fuzz\n\nA lighthouse keeps ships off the rocks.').toString('base64')}`;
const CHAT = [{ role: 'user', content: 'What does a lighthouse do?' }];

/** Knowledge writes: on `demo_kb`, with `data:` documents only (a mutated string never becomes a URL to download). */
export const KNOWLEDGE_WRITES: Template[] = [
  [
    '/api/knowledge/doc/v2/add',
    {
      ...KB,
      doc_id: 'fuzz-doc',
      doc_name: 'fuzz.md',
      doc_type: 'markdown',
      uri: MARKDOWN,
      tag_list: [{ field_name: 'kind', field_type: 'string', field_value: 'docs' }],
    },
  ],
  ['/api/knowledge/doc/add', { ...KB, add_type: 'url', doc_id: 'fuzz-v1', url: MARKDOWN, dedup: { auto_skip: true } }],
  ['/api/knowledge/doc/update', { ...KB, doc_id: 'fuzz-doc', doc_name: 'renamed.md' }],
  [
    '/api/knowledge/doc/update_meta',
    { ...KB, doc_id: 'fuzz-doc', meta: [{ field_name: 'kind', field_type: 'string', field_value: 'x' }] },
  ],
  ['/api/knowledge/doc/delete', { ...KB, doc_id: 'fuzz-gone' }],
  ['/api/knowledge/point/add', { ...KB, doc_id: 'fuzz-doc', chunk_type: 'text', chunk_title: 'T', content: 'hangar' }],
  ['/api/knowledge/point/update', { ...KB, point_id: 'fuzz-point', content: 'airship' }],
  ['/api/knowledge/point/delete', { ...KB, point_id: 'fuzz-point' }],
];

/** Knowledge reads, retrieval, rerank and chat (not streamed: a mutation may still turn `stream` on). */
export const KNOWLEDGE_READS: Template[] = [
  ['/api/knowledge/doc/info', { ...KB, doc_id: 'fuzz-doc', return_token_usage: true }],
  ['/api/knowledge/doc/list', { ...KB, offset: 0, limit: 5, filter: { doc_id_list: ['fuzz-doc'] } }],
  ['/api/knowledge/doc/v2/list', { ...KB, limit: 2 }],
  ['/api/knowledge/doc/v2/search_by_filter', { ...KB, filter: { op: 'must', field: 'kind', conds: ['docs'] } }],
  ['/api/knowledge/point/info', { ...KB, point_id: 'fuzz-point', get_attachment_link: false }],
  ['/api/knowledge/point/list', { ...KB, doc_ids: ['fuzz-doc'], offset: 0, limit: 3 }],
  ['/api/knowledge/collection/search', { ...KB, query: 'lighthouse', limit: 3, dense_weight: 0.5, name: 'demo_kb' }],
  [
    '/api/knowledge/collection/search_knowledge',
    {
      ...KB,
      query: 'lighthouse',
      limit: 3,
      pre_processing: { need_instruction: true, messages: CHAT },
      post_processing: { rerank_switch: true, retrieve_count: 10, chunk_diffusion_count: 1, chunk_group: true },
      query_param: { doc_filter: { op: 'must', field: 'doc_id', conds: ['fuzz-doc'] } },
      name: 'demo_kb',
    },
  ],
  ['/api/knowledge/service/rerank', { datas: [{ query: 'tea', content: 'Green tea', title: 't' }] }],
  ['/api/knowledge/chat/completions', { model: 'local', messages: CHAT, max_tokens: 64, stream: false }],
  ['/api/knowledge/service/chat', { service_resource_id: 'demo_kb_service', messages: CHAT, stream: false }],
];

/** Every fuzzed path. */
export const ALL_PATHS = [
  ...VECTOR_WRITES,
  ...VECTOR_READS,
  ...MODELS,
  ...MEMORY_WRITES,
  ...MEMORY_READS,
  ...KNOWLEDGE_WRITES,
  ...KNOWLEDGE_READS,
].map(([p]) => p);

/** True for values that could address the protected data (ids 1–10, `demo_memory`). */
function touchesProtected(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 10;
  if (typeof value === 'string')
    return value === 'demo_memory' || (/^-?\d{1,30}$/.test(value) && BigInt(value) >= 1n && BigInt(value) <= 10n);
  if (Array.isArray(value)) return value.some(touchesProtected);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).some(([k, v]) => k === 'del_all' || touchesProtected(v));
  return false;
}

function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const weirdValue: fc.Arbitrary<unknown> = fc
  .oneof(
    fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1e308,
      -1e308,
      2 ** 53 + 2,
      2 ** 63,
      -(2 ** 63),
      5e-324,
      0.5,
      '',
      ' ',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '0x1F',
      'null',
      'undefined',
      '\u0000',
      '\ud800',
      '💥🚀',
      '中文字符',
      '\u202eevil',
      'x'.repeat(300),
      // Long enough that an error message echoing it whole would break the 1 kB bound.
      'y'.repeat(5000),
      'z\r\n\u001b[31m'.repeat(400),
      '9'.repeat(25),
      [],
      {},
      [[]],
      { op: 'and' },
      { op: 'must', field: 'lang', conds: [] },
    ),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.double(),
    fc.integer(),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => Number(n)),
    fc.jsonValue({ maxDepth: 3 }),
    fc.integer({ min: 20, max: 300 }).map(nestedArrays),
  )
  .filter((value) => !touchesProtected(value));

/** Every path (as key lists) to a value inside `value`, the root included. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null)
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

function getAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

type Mutation =
  | { kind: 'drop'; pick: number }
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'extra'; pick: number; key: string; value: unknown }
  | { kind: 'number'; pick: number; token: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'deep'; pick: number; depth: number }
  | { kind: 'whole'; value: unknown };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: weirdValue }),
  fc.record({
    kind: fc.constant('extra' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constant('k'.repeat(3000))).filter((k) => k !== 'del_all'),
    value: weirdValue,
  }),
  fc.record({
    kind: fc.constant('number' as const),
    pick: fc.nat(),
    token: fc.constantFrom('1e999', '-1e999', '1e-400', '123456789012345678901234567890', '-0', '0.0000001', '1E5'),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deep' as const), pick: fc.nat(), depth: fc.integer({ min: 60, max: 30_000 }) }),
  fc.record({ kind: fc.constant('whole' as const), value: weirdValue }),
);

const DEEP = '__deep_placeholder__';

/** Applies mutations to a template and returns the body text to send. */
export function mutate(template: Json, mutations: readonly Mutation[]): string {
  let body: Json = structuredClone(template);
  let text: string | undefined;
  let deepest = 0;
  for (const m of mutations) {
    if (text !== undefined) break;
    const paths = pathsOf(body);
    if (m.kind === 'whole') {
      body = m.value;
      continue;
    }
    if (m.kind === 'truncate') {
      const full = JSON.stringify(body) ?? '';
      text = full.slice(0, m.at % (full.length + 1));
      continue;
    }
    if (m.kind === 'number') {
      const full = JSON.stringify(body) ?? '';
      const numbers = [...full.matchAll(/(?<=[:[,])-?\d+(\.\d+)?(?=[,\]}])/g)];
      const hit = numbers[m.pick % Math.max(1, numbers.length)];
      text =
        hit?.index === undefined ? full : full.slice(0, hit.index) + m.token + full.slice(hit.index + hit[0].length);
      continue;
    }
    const path = paths[m.pick % paths.length]!;
    if (m.kind === 'deep') {
      // Nesting too deep for JSON.stringify: a placeholder string, replaced in the text at the end.
      deepest = Math.max(deepest, m.depth);
      if (path.length === 0) body = DEEP;
      else (getAt(body, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]!] = DEEP;
      continue;
    }
    if (m.kind === 'extra') {
      const target = getAt(body, path);
      if (typeof target === 'object' && target !== null && !Array.isArray(target))
        (target as Record<string, unknown>)[m.key] = m.value;
      else if (Array.isArray(target)) target.push(m.value);
      continue;
    }
    if (path.length === 0) {
      body = m.kind === 'set' ? m.value : {};
      continue;
    }
    const parent = getAt(body, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (m.kind === 'set') parent[key] = m.value;
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else Reflect.deleteProperty(parent, key);
  }
  const result = text ?? JSON.stringify(body) ?? '';
  return deepest === 0 ? result : result.split(`"${DEEP}"`).join('['.repeat(deepest) + ']'.repeat(deepest));
}

/** Random JSON, random text and random bytes. */
export const randomBodyArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? ''),
  fc.object({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.uint8Array({ maxLength: 64 }),
);

/** The groups of templates, for one property each. */
export const TEMPLATE_GROUPS: ReadonlyArray<readonly [string, Template[]]> = [
  ['vector writes', VECTOR_WRITES],
  ['vector reads', VECTOR_READS],
  ['embedding and rerank', MODELS],
  ['memory writes', MEMORY_WRITES],
  ['memory reads', MEMORY_READS],
  ['knowledge writes', KNOWLEDGE_WRITES],
  ['knowledge reads, retrieval and chat', KNOWLEDGE_READS],
];

/** Counts answers by status, for the summary line a suite prints. */
export class FuzzTally {
  requests = 0;
  readonly statuses = new Map<number, number>();

  add(status: number): void {
    this.requests++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  toString(): string {
    return `${this.requests} requests, statuses ${JSON.stringify(Object.fromEntries([...this.statuses].sort()))}`;
  }
}

/**
 * What every answer must be: not a 5xx; a JSON envelope of the path's domain (string `code` for vector paths,
 * integer for memory ones) with `request_id` equal to `X-Tt-Logid`; a message of at most 1 kB.
 */
export function checkAnswer(path: string, response: Response, text: string): void {
  if (response.status >= 500) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 2000)}`);
  const integerCodes = path.startsWith('/api/memory/') || path.startsWith('/api/knowledge/');
  const checkEnvelope = (parsed: Record<string, unknown>) => {
    expect(typeof parsed['code']).toBe(integerCodes ? 'number' : 'string');
    if (parsed['message'] !== undefined && parsed['message'] !== null) {
      expect(typeof parsed['message']).toBe('string');
      expect((parsed['message'] as string).length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    }
  };
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    // A streamed chat (a mutation turned `stream` on): every event is an envelope of the domain, then [DONE].
    expect(response.status).toBe(200);
    const events = text.split(/\r?\n/).filter((line) => line.startsWith('data:'));
    expect(events.at(-1)).toMatch(/^data:\s*\[DONE\]$/);
    for (const line of events.slice(0, -1)) checkEnvelope(JSON.parse(line.slice(5)) as Record<string, unknown>);
    return;
  }
  const parsed = JSON.parse(text) as Record<string, unknown>;
  expect(typeof parsed['request_id']).toBe('string');
  expect(parsed['request_id']).toBe(response.headers.get('x-tt-logid'));
  checkEnvelope(parsed);
  if (response.status !== 200) expect(typeof parsed['message']).toBe('string');
}

/** Runs per template group: `FUZZ_RUNS`, default 300 (seven groups plus twice as many random bodies: 2,700 bodies). */
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

/** How many bodies one suite sends: a run per template group, two per random body. */
export const FUZZ_BODIES = (TEMPLATE_GROUPS.length + 2) * FUZZ_RUNS;

/** Posts a body to `baseUrl()` + path, counts the status in `tally` and checks the answer ({@link checkAnswer}). */
export function fuzzSender(
  baseUrl: () => string,
  tally: FuzzTally,
): (path: string, body: string | Uint8Array) => Promise<void> {
  return async (path, body) => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body as BodyInit,
    });
    const text = await response.text();
    tally.add(response.status);
    checkAnswer(path, response, text);
  };
}

/**
 * The fuzz properties every suite runs through `send`: one per template group (mutations of valid bodies, `FUZZ_RUNS`
 * runs, then `afterGroup`) and one of random JSON, text and bytes on every path (twice as many runs).
 */
export function fuzzProperties(
  send: (path: string, body: string | Uint8Array) => Promise<void>,
  afterGroup: () => Promise<void> = async () => undefined,
): void {
  it.each(TEMPLATE_GROUPS)(
    '%s: mutations of valid bodies never get a 5xx',
    { timeout: 60_000 },
    async (_name, templates) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...templates),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          async ([path, template], mutations) => {
            await send(path, mutate(template, mutations));
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
      await afterGroup();
    },
  );

  it('random JSON, random text and random bytes on every path never get a 5xx', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL_PATHS), randomBodyArb, async (path, body) => {
        await send(path, body);
      }),
      { numRuns: FUZZ_RUNS * 2 },
    );
  });
}
