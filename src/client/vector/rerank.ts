import type { VikingCore } from '../createVikingCore';
import { asNumber } from '../shared/read';
import { snakeKeys } from '../shared/snakeKeys';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues } from '../transport/validate';
import { RERANK } from './endpoints';
import { toItemsResult } from './results';
import { rerankSchema } from './schemas';
import type { MultiModalInput, RerankParams, RerankResult } from './types';

function parts(value: string | readonly MultiModalInput[]): readonly MultiModalInput[] {
  return typeof value === 'string' ? [{ text: value }] : value;
}

/** Scores candidates against a query with a rerank model (`POST /api/vikingdb/rerank`). */
export async function rerank(core: VikingCore, params: RerankParams, options?: RequestOptions): Promise<RerankResult> {
  assertValid('vector.rerank', schemaIssues(rerankSchema, params));
  // Every key the caller passed is sent (snake_case names); a string query or candidate becomes `[{ text }]`.
  const body = { ...snakeKeys(params), query: parts(params.query), data: params.data.map(parts) };
  return toItemsResult(await core.transport.call(RERANK, body, options), (item) => ({
    index: asNumber(item['id']) ?? -1,
    score: asNumber(item['score']) ?? 0,
    originData: Array.isArray(item['origin_data']) ? (item['origin_data'] as MultiModalInput[]) : undefined,
  }));
}
