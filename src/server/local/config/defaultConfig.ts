/**
 * The configuration the local server and the MSW handlers use when none is given: the collections the official
 * SDK walkthroughs expect (`text`, `vector`, memory `sdk_test`, knowledge base `financial_reports` with service
 * `financial_reports_service`), so those run unchanged, plus the playground's demo collections (`demo_docs`, memory
 * `demo_memory`, knowledge base `demo_kb` with service `demo_kb_service`).
 */
import { parseLocalConfig, type LocalConfig } from './schema';

const walkthroughScalarFields = ['title', 'paragraph', 'score'];

/**
 * - `text`: auto id, `title` string, `paragraph` int64, `score` float32, `text` text vectorized with `bge-m3`
 *   (dim 1024); index `text_index` (ip) filtering on title, paragraph, score.
 * - `vector`: auto id, the same scalars, `text` string, `vector` dense dim 1024; index `vector_index` (ip).
 * - `demo_docs`: int64 `id`; title, body (text, vectorized at dim 256), lang, tags, year, rating, pos_x/pos_y,
 *   category (the partition field); index `demo_docs_index` (cosine).
 * - memory `sdk_test` and `demo_memory` in project `default` with `event_v1` (summary) and `profile_v1`
 *   (user_profile); `demo_memory` also has `meeting_summary` events.
 * - knowledge `demo_kb` in project `default` (tags `kind`, `source`; chunks of 500 characters, overlap 50; dim 256),
 *   which `seedDemo` fills with this project's README and docs, and the service `demo_kb_service` over it (5
 *   references after rerank, the built-in prompt).
 * - knowledge `financial_reports` in project `default`, empty (tags `category`, `quarter`, `year`, `updated_at`;
 *   default chunking and dim 256), and the service `financial_reports_service` over it.
 */
export const defaultConfig: LocalConfig = parseLocalConfig({
  collections: [
    {
      name: 'text',
      description: 'SDK walkthrough: text vectorized on upsert (bge-m3).',
      primaryKey: { name: '__AUTO_ID__', type: 'int64' },
      fields: [
        { name: 'title', type: 'string' },
        { name: 'paragraph', type: 'int64' },
        { name: 'score', type: 'float32' },
        { name: 'text', type: 'text' },
      ],
      vectorize: { textField: 'text', model: 'bge-m3', dim: 1024 },
      indexes: [{ name: 'text_index', distance: 'ip', scalarFields: walkthroughScalarFields }],
    },
    {
      name: 'vector',
      description: 'SDK walkthrough: caller-supplied dense vectors.',
      primaryKey: { name: '__AUTO_ID__', type: 'int64' },
      fields: [
        { name: 'title', type: 'string' },
        { name: 'paragraph', type: 'int64' },
        { name: 'score', type: 'float32' },
        { name: 'text', type: 'string' },
        { name: 'vector', type: 'vector', dim: 1024 },
      ],
      indexes: [{ name: 'vector_index', distance: 'ip', scalarFields: walkthroughScalarFields }],
    },
    {
      name: 'demo_docs',
      description: 'Playground demo: short bilingual documents.',
      primaryKey: { name: 'id', type: 'int64' },
      fields: [
        { name: 'title', type: 'string' },
        { name: 'body', type: 'text' },
        { name: 'lang', type: 'string' },
        { name: 'tags', type: 'list<string>' },
        { name: 'year', type: 'int64' },
        { name: 'rating', type: 'float32' },
        { name: 'pos_x', type: 'float32' },
        { name: 'pos_y', type: 'float32' },
        { name: 'category', type: 'string' },
      ],
      vectorize: { textField: 'body', model: 'bge-m3', dim: 256 },
      indexes: [
        {
          name: 'demo_docs_index',
          distance: 'cosine',
          scalarFields: ['id', 'title', 'lang', 'tags', 'year', 'rating', 'pos_x', 'pos_y', 'category'],
          partitionField: 'category',
        },
      ],
    },
  ],
  memoryCollections: [
    {
      name: 'sdk_test',
      projectName: 'default',
      description: 'SDK walkthrough memory collection.',
      eventTypes: [{ name: 'event_v1', fields: [{ name: 'summary', type: 'string' }] }],
      profileTypes: [{ name: 'profile_v1', fields: [{ name: 'user_profile', type: 'string' }] }],
    },
    {
      name: 'demo_memory',
      projectName: 'default',
      description: 'Playground demo memory collection.',
      eventTypes: [
        { name: 'event_v1', fields: [{ name: 'summary', type: 'string' }] },
        {
          name: 'meeting_summary',
          fields: [
            { name: 'summary', type: 'string' },
            { name: 'attendees', type: 'string' },
          ],
        },
      ],
      profileTypes: [{ name: 'profile_v1', fields: [{ name: 'user_profile', type: 'string' }] }],
    },
  ],
  knowledgeCollections: [
    {
      name: 'demo_kb',
      projectName: 'default',
      description: "Demo knowledge base: this project's README and API docs.",
      tagFields: [
        { name: 'kind', type: 'string', description: '`readme` or `docs`' },
        { name: 'source', type: 'string', description: 'repository path of the document' },
      ],
      chunking: { size: 500, overlap: 50 },
      embedding: { model: 'bge-m3', dim: 256 },
    },
    {
      name: 'financial_reports',
      projectName: 'default',
      description: 'Empty knowledge base of the knowledge walkthroughs (financial report tags).',
      tagFields: [
        { name: 'category', type: 'string' },
        { name: 'quarter', type: 'string' },
        { name: 'year', type: 'int64' },
        { name: 'updated_at', type: 'int64' },
      ],
    },
  ],
  knowledgeServices: [
    {
      resourceId: 'demo_kb_service',
      collection: 'demo_kb',
      projectName: 'default',
      description: 'Answers questions about vikingdb-kit from demo_kb.',
    },
    {
      resourceId: 'financial_reports_service',
      collection: 'financial_reports',
      projectName: 'default',
      description: 'Answers from financial_reports (the knowledge walkthroughs).',
    },
  ],
});
