/**
 * The deterministic demo dataset of the playground: bilingual short documents for `demo_docs` (ids 1..n) and a few
 * conversations for the `demo_memory` collection. Generated from fixed word lists by a seeded PRNG, so every run,
 * machine and browser gets identical rows. {@link seedDemo} loads it through `engine.handle`, so it passes the same
 * validation as any client's data.
 */
import type { LocalEngine } from '../engine/protocol';
import { seededRandom } from '../engine/seededRandom';
import { seedKnowledge } from './seedKnowledge';

/** One demo document (the fields of `demo_docs`). */
export interface DemoDoc {
  id: number;
  title: string;
  body: string;
  lang: 'en' | 'zh';
  tags: string[];
  year: number;
  rating: number;
  pos_x: number;
  pos_y: number;
  category: string;
}

const TOPICS = [
  { tag: 'vector', en: 'vector search', zh: '向量检索', category: 'database' },
  { tag: 'filter', en: 'scalar filters', zh: '标量过滤', category: 'database' },
  { tag: 'memory', en: 'conversation memory', zh: '对话记忆', category: 'ai' },
  { tag: 'embedding', en: 'text embeddings', zh: '文本向量化', category: 'ai' },
  { tag: 'rerank', en: 'reranking results', zh: '结果重排', category: 'ai' },
  { tag: 'hiking', en: 'mountain hiking', zh: '登山徒步', category: 'travel' },
  { tag: 'coffee', en: 'coffee brewing', zh: '咖啡冲煮', category: 'food' },
  { tag: 'tea', en: 'green tea', zh: '绿茶', category: 'food' },
  { tag: 'city', en: 'city walks', zh: '城市漫步', category: 'travel' },
  { tag: 'react', en: 'React components', zh: 'React 组件', category: 'web' },
] as const;

const EN_PATTERNS = [
  (a: string, b: string) => `A practical guide to ${a} and how it relates to ${b}.`,
  (a: string, b: string) => `Notes on ${a}: common pitfalls, with a short detour into ${b}.`,
  (a: string, b: string) => `Why ${a} matters, explained with examples from ${b}.`,
];
const ZH_PATTERNS = [
  (a: string, b: string) => `${a}入门指南，以及它与${b}的关系。`,
  (a: string, b: string) => `关于${a}的笔记：常见问题，并简单介绍${b}。`,
  (a: string, b: string) => `为什么${a}很重要？用${b}的例子来说明。`,
];

/** Options of the demo dataset. */
export interface DemoOptions {
  /** Number of documents. Default 200 (the compact dataset; the full one has {@link DEMO_DOC_COUNT}). */
  count?: number;
  /** PRNG seed. Default 42. */
  seed?: number;
}

/** Yields the demo documents (deterministic for a given count and seed). */
export function* demoRows(options: DemoOptions = {}): Generator<DemoDoc> {
  const count = options.count ?? DEMO_COMPACT_DOC_COUNT;
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let id = 1; id <= count; id++) {
    const main = pick(TOPICS);
    const other = pick(TOPICS);
    const lang = random() < 0.6 ? 'en' : 'zh';
    const text = lang === 'en' ? pick(EN_PATTERNS)(main.en, other.en) : pick(ZH_PATTERNS)(main.zh, other.zh);
    // Past the compact set, each body names its note number, so no two documents share a vector.
    const body =
      id <= DEMO_COMPACT_DOC_COUNT ? text : `${text} ${lang === 'en' ? `(note ${id})` : `（第${id}号笔记）`}`;
    const title = lang === 'en' ? `${main.en[0]!.toUpperCase()}${main.en.slice(1)} #${id}` : `${main.zh} 第${id}篇`;
    yield {
      id,
      title,
      body,
      lang,
      tags: main.tag === other.tag ? [main.tag] : [main.tag, other.tag],
      year: 2015 + Math.floor(random() * 11),
      rating: Math.round(random() * 50) / 10,
      pos_x: Math.round(random() * 1000) / 10,
      pos_y: Math.round(random() * 1000) / 10,
      category: main.category,
    };
  }
}

/** One demo conversation for `session/add`. */
export interface DemoSession {
  session_id: string;
  messages: Array<{ role: 'user' | 'assistant'; content: string }>;
  metadata: { default_user_id: string; default_assistant_id: string; time: number };
}

/** Documents of the full demo dataset (what `vikingdb-kit seed` and `npm run dev` load). */
export const DEMO_DOC_COUNT = 3000;
/** Documents of the compact demo dataset (the default of `seedDemo`: MSW handlers, stories, tests). */
export const DEMO_COMPACT_DOC_COUNT = 200;

const MORE_USERS = [
  { id: 'bob', name: 'Bob', city: 'Shanghai', lang: 'en' },
  { id: 'carol', name: 'Carol', city: 'Singapore', lang: 'en' },
  { id: 'dave', name: 'Dave', city: 'Shenzhen', lang: 'en' },
  { id: 'frank', name: 'Frank', city: 'Chengdu', lang: 'en' },
  { id: 'grace', name: 'Grace', city: 'Suzhou', lang: 'en' },
  { id: 'heidi', name: 'Heidi', city: 'Xiamen', lang: 'en' },
  { id: 'lilei', name: '李雷', city: '北京', lang: 'zh' },
  { id: 'hanmeimei', name: '韩梅梅', city: '上海', lang: 'zh' },
  { id: 'zhangwei', name: '张伟', city: '广州', lang: 'zh' },
  { id: 'chenjing', name: '陈静', city: '杭州', lang: 'zh' },
  { id: 'liuyang', name: '刘洋', city: '南京', lang: 'zh' },
] as const;

const LIKES_EN = ['mountain hiking', 'green tea', 'city walks', 'coffee brewing', 'vector search', 'React components'];
const LIKES_ZH = ['登山徒步', '绿茶', '城市漫步', '咖啡冲煮', '向量检索', '读书'];

/** Three conversations per extra user, from fixed templates and a seeded PRNG (same on every machine). */
function moreSessions(start: number, day: number): DemoSession[] {
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return MORE_USERS.flatMap((user, u) => {
    const zh = user.lang === 'zh';
    const likes = zh ? LIKES_ZH : LIKES_EN;
    const [like, dislike, plan] = [pick(likes), pick(likes), pick(likes)];
    const lines: Array<[string, string]> = zh
      ? [
          [`你好，我叫${user.name}，我住在${user.city}。`, `你好${user.name}！${user.city}是个好地方。`],
          [`我喜欢${like}，周末常常去。`, `${like}很适合放松。`],
          [`我不喜欢${dislike === like ? '排队' : dislike}。下周想试试${plan}。`, `好的，我记下了。`],
        ]
      : [
          [`Hi, my name is ${user.name}. I live in ${user.city}.`, `Nice to meet you, ${user.name}!`],
          [`I like ${like} on weekends.`, `${like} sounds like a good way to relax.`],
          [
            `I don't like ${dislike === like ? 'long queues' : dislike}. Next week I want to try ${plan}.`,
            'Noted, have fun.',
          ],
        ];
    return lines.map(([userText, assistantText], i) => ({
      session_id: `demo_${user.id}_${i + 1}`,
      messages: [
        { role: 'user' as const, content: userText },
        { role: 'assistant' as const, content: assistantText },
      ],
      metadata: {
        default_user_id: user.id,
        default_assistant_id: 'demo_assistant',
        time: start + (10 + u * 3 + i) * day,
      },
    }));
  });
}

/**
 * The demo conversations: three hand-written ones (alice, xiaowang); the full dataset adds three for each of eleven
 * more users, English and Chinese (36 in all). Times are 2025-01-01 plus whole days.
 */
export function demoSessions(dataset: DemoDataset = 'compact'): DemoSession[] {
  const day = 86_400_000;
  const start = Date.UTC(2025, 0, 1);
  const meta = (user: string, days: number) => ({
    default_user_id: user,
    default_assistant_id: 'demo_assistant',
    time: start + days * day,
  });
  return [
    {
      session_id: 'demo_session_1',
      messages: [
        { role: 'user', content: 'Hi! My name is Alice. I live in Hangzhou and I love mountain hiking.' },
        { role: 'assistant', content: 'Nice to meet you, Alice! Hangzhou has great trails.' },
      ],
      metadata: meta('alice', 0),
    },
    {
      session_id: 'demo_session_2',
      messages: [
        { role: 'user', content: 'I enjoy green tea in the morning. I do not like coffee.' },
        { role: 'assistant', content: 'Longjing tea would suit you then.' },
      ],
      metadata: meta('alice', 3),
    },
    {
      session_id: 'demo_session_3',
      messages: [
        { role: 'user', content: '你好，我叫小王，我喜欢城市漫步。' },
        { role: 'assistant', content: '你好小王！周末可以去西湖边走走。' },
      ],
      metadata: meta('xiaowang', 5),
    },
    ...(dataset === 'full' ? moreSessions(start, day) : []),
  ];
}

/** `compact` (200 documents, 3 sessions) or `full` (3000 documents, 36 sessions). */
export type DemoDataset = 'compact' | 'full';

/** Options of {@link seedDemo}. */
export interface SeedDemoOptions extends DemoOptions {
  /** Which dataset; `count` overrides its document count. Default `'compact'`. */
  dataset?: DemoDataset;
  /** Vector collection to fill. Default `demo_docs`. */
  collection?: string;
  /** Memory collection to fill (skipped when `null`). Default `demo_memory`. */
  memoryCollection?: string | null;
  /** Knowledge collection to fill with the project's docs (skipped when `null`). Default `demo_kb`. */
  knowledgeCollection?: string | null;
}

async function call(engine: LocalEngine, path: string, body: unknown, requestId: string): Promise<void> {
  const response = await engine.handle({ method: 'POST', path, body: JSON.stringify(body), requestId });
  if (response.status !== 200) {
    throw new Error(`seeding failed at ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/**
 * Loads the demo dataset through `engine.handle` (upserts of 100 rows, then the demo sessions, then the project's
 * documentation into the knowledge collection, imported before this resolves). `knowledgeDocs` counts the
 * documents added (0 when they were there already).
 * @throws Error when the engine rejects a request (e.g. the config lacks the demo collections).
 */
export async function seedDemo(
  engine: LocalEngine,
  options: SeedDemoOptions = {},
): Promise<{ docs: number; sessions: number; knowledgeDocs: number }> {
  const collection = options.collection ?? 'demo_docs';
  const dataset = options.dataset ?? 'compact';
  const count = options.count ?? (dataset === 'full' ? DEMO_DOC_COUNT : DEMO_COMPACT_DOC_COUNT);
  const rows = [...demoRows({ ...options, count })];
  for (let start = 0; start < rows.length; start += 100) {
    await call(
      engine,
      '/api/vikingdb/data/upsert',
      { collection_name: collection, data: rows.slice(start, start + 100) },
      `seed-docs-${start}`,
    );
  }
  const memoryCollection = options.memoryCollection === undefined ? 'demo_memory' : options.memoryCollection;
  const sessions = memoryCollection === null ? [] : demoSessions(dataset);
  for (const session of sessions) {
    await call(
      engine,
      '/api/memory/session/add',
      { ...session, collection_name: memoryCollection, project_name: 'default' },
      `seed-${session.session_id}`,
    );
  }
  const knowledgeCollection = options.knowledgeCollection === undefined ? 'demo_kb' : options.knowledgeCollection;
  const knowledgeDocs = knowledgeCollection === null ? 0 : await seedKnowledge(engine, knowledgeCollection);
  return { docs: rows.length, sessions: sessions.length, knowledgeDocs };
}
