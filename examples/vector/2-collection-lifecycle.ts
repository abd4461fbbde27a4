/** Walkthrough 2: upsert → search → update → fetch → delete on the auto-id `text` collection. */
import { f } from 'vikingdb-kit/client';
import type { ChapterFields } from '../shared/chapters';
import { collectionOf, loadEnv, report, sessionTag, waitForIndex, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'text', index: 'text_index' })) {
  const collection = env.client.vector.collection<ChapterFields>(collectionOf(env), { autoId: true });
  const index = env.client.vector.index<ChapterFields>(collectionOf(env), env.index);
  const tag = sessionTag('lifecycle');
  const paragraph = Date.now() % 1_000_000;

  const upsert = await collection.upsert([
    {
      title: `Lifecycle quickstart · ${tag}`,
      paragraph,
      score: 42.5,
      text: `${tag} simple lifecycle payload written inline.`,
    },
  ]);
  report('Upsert', upsert);
  await waitForIndex(env);

  const found = await index.search.multiModal({
    text: `${tag} lifecycle quickstart chapter overview`,
    needInstruction: false,
    limit: 1,
    outputFields: ['title', 'score'],
    filter: f.range('paragraph', { gte: paragraph, lte: paragraph }),
  });
  report('SearchByMultiModal', found, found.items[0]?.fields);
  const hit = found.items[0];
  if (!hit) throw new Error('the upserted chapter was not found');

  const update = await collection.update([{ __AUTO_ID__: hit.id, score: 47 } as Partial<ChapterFields>]);
  report('Update', update);

  const fetched = await collection.fetch([hit.id]);
  const score = fetched.items[0]?.fields.score;
  report('Fetch', fetched, { score });

  const removed = await collection.delete({ ids: [hit.id] });
  report('Delete', removed);
  const afterDelete = await collection.fetch([hit.id]);
  return { id: hit.id, updatedScore: score, goneAfterDelete: afterDelete.idsNotExist.length === 1 };
}
