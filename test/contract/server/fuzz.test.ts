/**
 * fast-check fuzz of request bodies on every endpoint over real HTTP: random JSON and non-JSON bodies, and mutations
 * of valid bodies (dropped, retyped and extra fields, huge numbers, NaN-ish strings, deep nesting, unicode, truncated
 * text). Properties: never a 5xx, always a VikingDB envelope with `request_id`, the server keeps answering, and the
 * rows stored before the fuzz (`demo_docs` 1–10, memory collection `demo_memory`) are unchanged afterwards.
 *
 * Writes are fuzzed too, on rows and collections the snapshot does not cover (`demo_docs` ids ≥ 1001, `vector`,
 * memory `sdk_test`); generated values never contain the protected ids 1–10 or the name `demo_memory`, so a
 * (valid) mutated write cannot legitimately touch the protected data.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDoc, raw, serverForThisFile, vectorOf } from './harness';

const fx = serverForThisFile();
const PROTECTED_IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** Runs per group; `FUZZ_RUNS=2000` for a longer hunt. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);

const DOCS = { collection_name: 'demo_docs' };
const ON_INDEX = { collection_name: 'demo_docs', index_name: 'demo_docs_index' };
const MEM = { collection_name: 'sdk_test', project_name: 'default' };

type Json = unknown;
type Template = readonly [path: string, body: Json];

const VECTOR_WRITES: Template[] = [
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

const VECTOR_READS: Template[] = [
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

const MODELS: Template[] = [
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

const MEMORY_WRITES: Template[] = [
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

const MEMORY_READS: Template[] = [
  ['/api/memory/search', { ...MEM, query: 'tea', filter: { user_id: 'fz', memory_type: ['event_v1'] }, limit: 5 }],
  ['/api/memory/event/search', { ...MEM, query: 'x', time_decay_config: { enable: true }, limit: 3 }],
  ['/api/memory/profile/search', { ...MEM, filter: { assistant_id: ['fa'] } }],
  ['/api/memory/session/info', { ...MEM, session_id: 'fuzz-session' }],
];

const ALL_PATHS = [...VECTOR_WRITES, ...VECTOR_READS, ...MODELS, ...MEMORY_WRITES, ...MEMORY_READS].map(([p]) => p);

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

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: weirdValue }),
  fc.record({
    kind: fc.constant('extra' as const),
    pick: fc.nat(),
    key: fc.string({ maxLength: 8 }).filter((k) => k !== 'del_all'),
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
function mutate(template: Json, mutations: readonly Mutation[]): string {
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

const seen = { requests: 0, statuses: new Map<number, number>() };

/** Sends a body and checks the answer is a well-formed, non-5xx VikingDB envelope. */
async function sendAndCheck(path: string, body: string | Uint8Array): Promise<void> {
  const response = await fetch(`${fx.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body as BodyInit,
  });
  const text = await response.text();
  seen.requests++;
  seen.statuses.set(response.status, (seen.statuses.get(response.status) ?? 0) + 1);
  if (response.status >= 500) throw new Error(`${path} answered ${response.status}: ${text}`);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  expect(typeof parsed['request_id']).toBe('string');
  expect(parsed['request_id']).toBe(response.headers.get('x-tt-logid'));
  if (path.startsWith('/api/memory/')) expect(typeof parsed['code']).toBe('number');
  else expect(typeof parsed['code']).toBe('string');
}

async function protectedState(): Promise<unknown> {
  const rows = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', { ...DOCS, ids: PROTECTED_IDS });
  const indexed = await raw(fx.url, '/api/vikingdb/data/fetch_in_index', { ...ON_INDEX, ids: PROTECTED_IDS });
  const memories = await raw(fx.url, '/api/memory/search', { collection_name: 'demo_memory', limit: 1000 });
  const session = await raw(fx.url, '/api/memory/session/info', { collection_name: 'demo_memory', session_id: 'kept' });
  for (const answer of [rows, indexed, memories, session]) expect(answer.status).toBe(200);
  return {
    rows: rows.body.result,
    indexed: indexed.body.result,
    memories: memories.body.data,
    session: session.body.data,
  };
}

let before: unknown;

beforeAll(async () => {
  await fx.client.vector.collection('demo_docs').upsert(PROTECTED_IDS.map((id) => demoDoc(id)));
  const memory = fx.client.memory.collection('demo_memory');
  await memory.addSession({
    sessionId: 'kept',
    messages: [{ role: 'user', content: 'My name is Kept and I like stability' }],
    metadata: { defaultUserId: 'keeper', time: 1735689600000 },
  });
  await memory.events.add({
    eventType: 'meeting_summary',
    memoryInfo: { summary: 's', attendees: 'a' },
    userId: 'keeper',
  });
  await memory.profiles.add({ profileType: 'profile_v1', memoryInfo: { user_profile: 'p' }, userId: 'keeper2' });
  before = await protectedState();
});

afterAll(() => {
  console.log(
    `fuzz: ${seen.requests} requests, statuses ${JSON.stringify(Object.fromEntries([...seen.statuses].sort()))}`,
  );
});

const groups: ReadonlyArray<readonly [string, Template[]]> = [
  ['vector writes', VECTOR_WRITES],
  ['vector reads', VECTOR_READS],
  ['embedding and rerank', MODELS],
  ['memory writes', MEMORY_WRITES],
  ['memory reads', MEMORY_READS],
];

describe('fuzzed request bodies', () => {
  it.each(groups)('%s: mutations of valid bodies never get a 5xx', { timeout: 60_000 }, async (_name, templates) => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...templates),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        async ([path, template], mutations) => {
          await sendAndCheck(path, mutate(template, mutations));
        },
      ),
      { numRuns: RUNS },
    );
    const ping = await fetch(`${fx.url}/api/vikingdb/Ping`);
    expect(ping.status).toBe(200);
  });

  it('random JSON, random text and random bytes on every path never get a 5xx', { timeout: 60_000 }, async () => {
    const bodyArb = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? ''),
      fc.object({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary', maxLength: 64 }),
      fc.uint8Array({ maxLength: 64 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL_PATHS), bodyArb, async (path, body) => {
        await sendAndCheck(path, body);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('the server still answers, and the data stored before the fuzz is unchanged', async () => {
    expect((await fetch(`${fx.url}/api/memory/ping`)).status).toBe(200);
    expect(await protectedState()).toEqual(before);
    const hits = await fx.client.vector.index('demo_docs', 'demo_docs_index').search.multiModal({
      text: 'document number 7 about mountain gardens',
      limit: 1,
    });
    expect(hits.items[0]?.id).toBe(7);
  });
});
