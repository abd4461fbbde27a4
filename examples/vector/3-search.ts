/** Walkthrough 3: every search mode — multi-modal, vector, id, scalar, keywords, random — with filters. */
import { f } from 'vikingdb-kit/client';
import { storyChapters, type ChapterFields } from '../shared/chapters';
import { collectionOf, loadEnv, report, sessionTag, waitForIndex, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'text', index: 'text_index' })) {
  const collection = env.client.vector.collection<ChapterFields>(collectionOf(env), { autoId: true });
  const index = env.client.vector.index<ChapterFields>(collectionOf(env), env.index);
  const tag = sessionTag('search');
  const base = Date.now() % 1_000_000;
  const chapters = storyChapters(tag, base);
  const inSession = f.range('paragraph', { gte: base, lt: base + chapters.length });

  // The text collection vectorizes one row per upsert on the cloud, so write them one by one.
  for (const chapter of chapters) {
    await collection.upsert([
      { title: chapter.title, paragraph: chapter.paragraph, score: chapter.score, text: chapter.text },
    ]);
  }
  await waitForIndex(env);

  const multiModal = await index.search.multiModal({
    text: 'Which chapter explores multi-modal prompts and scalar filters?',
    needInstruction: false,
    limit: 2,
    outputFields: ['title', 'score', 'paragraph'],
    filter: f.and(inSession, f.range('score', { gt: 80 })),
  });
  report(
    'SearchByMultiModal',
    multiModal,
    multiModal.items.map((i) => i.fields.title),
  );
  const first = multiModal.items[0];
  if (!first) throw new Error('multi-modal search found nothing');

  const withVectors = await index.fetch([first.id], { outputFields: ['title'] });
  const vector = withVectors.items[0]?.denseVector;
  if (!vector) throw new Error('fetch in index returned no dense vector');
  const byVector = await index.search.vector({
    denseVector: vector,
    limit: 3,
    filter: inSession,
    outputFields: ['title'],
  });
  report(
    'SearchByVector',
    byVector,
    byVector.items.map((i) => i.score.toFixed(3)),
  );

  const byId = await index.search.id({ id: first.id, limit: 3, filter: inSession, outputFields: ['title'] });
  report(
    'SearchById',
    byId,
    byId.items.map((i) => i.id),
  );

  const byScalar = await index.search.scalar({
    field: 'score',
    order: 'desc',
    limit: 3,
    filter: inSession,
    outputFields: ['score'],
  });
  report(
    'SearchByScalar',
    byScalar,
    byScalar.items.map((i) => i.fields.score),
  );

  const byKeywords = await index.search.keywords({
    keywords: ['Signal'],
    limit: 3,
    filter: inSession,
    outputFields: ['title'],
  });
  report(
    'SearchByKeywords',
    byKeywords,
    byKeywords.items.map((i) => i.fields.title),
  );

  const random = await index.search.random({ limit: 2, filter: inSession, outputFields: ['title'] });
  report('SearchByRandom', random, random.items.length);

  await collection.delete({ ids: [...new Set(byScalar.items.map((i) => i.id))] });
  return {
    multiModalTop: first.fields.title,
    vectorTopId: byVector.items[0]?.id,
    firstId: first.id,
    scalarScores: byScalar.items.map((i) => i.fields.score),
    keywordsTop: byKeywords.items[0]?.fields.title,
    randomCount: random.items.length,
  };
}
