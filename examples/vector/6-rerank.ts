/** Walkthrough 6: rerank candidate passages against a query. */
import { loadEnv, report, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'text', index: 'text_index' })) {
  const candidates = ['This is an apple.', 'My name is John.', 'Apples grow on trees in the orchard.'];
  const result = await env.client.vector.rerank({
    modelName: 'doubao-seed-rerank',
    modelVersion: '251028',
    query: 'apple',
    data: candidates,
    instruction: 'Whether the Document answers the Query or matches the content retrieval intent',
    returnOriginData: true,
  });
  const ranked = [...result.items].sort((a, b) => b.score - a.score);
  report(
    'Rerank',
    result,
    ranked.map((r) => `${candidates[r.index]} → ${r.score.toFixed(3)}`),
  );
  return { top: candidates[ranked[0]?.index ?? -1], scores: ranked.map((r) => r.score) };
}
