import type { VikingCore } from '../createVikingCore';
import { asRecordOrUndefined } from '../shared/read';
import { snakeKeys } from '../shared/snakeKeys';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues } from '../transport/validate';
import { EMBEDDING } from './endpoints';
import { toItemsResult } from './results';
import { embeddingSchema } from './schemas';
import type { EmbeddingParams, EmbeddingResult, MultiModalInput, SparseVector } from './types';

/* Every key the caller passed is sent, in snake_case: the model objects' and the inputs' too. */

function inputWire(input: MultiModalInput & { fullModalSeq?: readonly MultiModalInput[] | undefined }) {
  return { ...snakeKeys(input), full_modal_seq: input.fullModalSeq?.map((part) => snakeKeys(part)) };
}

/** Embeds text (and media) with the service's models (`POST /api/vikingdb/embedding`). */
export async function embedding(
  core: VikingCore,
  params: EmbeddingParams,
  options?: RequestOptions,
): Promise<EmbeddingResult> {
  assertValid('vector.embedding', schemaIssues(embeddingSchema, params));
  const body = {
    ...snakeKeys(params),
    data: params.data.map(inputWire),
    dense_model: snakeKeys(params.denseModel),
    sparse_model: snakeKeys(params.sparseModel),
    tensor_model: snakeKeys(params.tensorModel),
  };
  return toItemsResult(await core.transport.call(EMBEDDING, body, options), (item) => ({
    dense: Array.isArray(item['dense']) ? (item['dense'] as number[]) : undefined,
    sparse: asRecordOrUndefined(item['sparse']) as SparseVector | undefined,
    tensor: Array.isArray(item['tensor']) ? (item['tensor'] as number[][]) : undefined,
  }));
}
