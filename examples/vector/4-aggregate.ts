/** Walkthrough 4: count rows, grouped by a field, with a filter and a HAVING-like condition. */
import { f } from 'vikingdb-kit/client';
import { storyChapters, type ChapterFields } from '../shared/chapters';
import { collectionOf, loadEnv, report, sessionTag, waitForIndex, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'text', index: 'text_index' })) {
  const collection = env.client.vector.collection<ChapterFields>(collectionOf(env), { autoId: true });
  const index = env.client.vector.index<ChapterFields>(collectionOf(env), env.index);
  const base = Date.now() % 1_000_000;
  const chapters = storyChapters(sessionTag('agg'), base);
  for (const c of chapters)
    await collection.upsert([{ title: c.title, paragraph: c.paragraph, score: c.score, text: c.text }]);
  await waitForIndex(env);

  const inSession = f.range('paragraph', { gte: base, lt: base + chapters.length });
  const total = await index.aggregate({ op: 'count', filter: inSession });
  report('Aggregate (total)', total, total.agg);
  const byParagraph = await index.aggregate({ op: 'count', field: 'paragraph', filter: inSession, cond: { gte: 1 } });
  report('Aggregate (by paragraph)', byParagraph, byParagraph.agg);

  const rows = await index.search.scalar({
    field: 'paragraph',
    order: 'asc',
    filter: inSession,
    limit: 10,
    outputFields: [],
  });
  await collection.delete({ ids: rows.items.map((r) => r.id) });
  return { total: total.agg, groups: Object.keys(byParagraph.agg).length };
}
