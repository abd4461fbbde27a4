/** Walkthrough 5: dense and sparse embeddings of text. */
import { loadEnv, report, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'text', index: 'text_index' })) {
  const result = await env.client.vector.embedding({
    denseModel: { name: 'bge-m3' },
    sparseModel: { name: 'bge-m3' },
    data: [{ text: 'Reference dense and sparse embedding request.' }, { text: '向量数据库的稀疏向量示例' }],
  });
  const first = result.items[0];
  report('Embedding', result, { dim: first?.dense?.length, sparseTokens: Object.keys(first?.sparse ?? {}).length });
  return { count: result.items.length, dim: first?.dense?.length ?? 0, hasSparse: first?.sparse !== undefined };
}
