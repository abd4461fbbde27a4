import { asRecordOrUndefined } from '../shared/read';
import type { RequestOptions } from '../transport/RequestOptions';
import type { Transport } from '../transport/transport';
import { assertValid, schemaIssues } from '../transport/validate';
import { EMBEDDING } from './endpoints';
import { toItemsResult } from './results';
import { embeddingSchema } from './schemas';
import type { EmbeddingModel, EmbeddingParams, EmbeddingResult, MultiModalInput, SparseVector } from './types';

function modelWire(model: EmbeddingModel | undefined) {
  if (!model) return undefined;
  return {
    name: model.name,
    version: model.version,
    dim: model.dim,
    ndim: model.ndim,
    shape: model.shape,
    instruction: model.instruction,
  };
}

function inputWire(input: MultiModalInput & { fullModalSeq?: readonly MultiModalInput[] | undefined }) {
  return { text: input.text, image: input.image, video: input.video, full_modal_seq: input.fullModalSeq };
}

/** Embeds text (and media) with the service's models (`POST /api/vikingdb/embedding`). */
export async function embedding(
  transport: Transport,
  params: EmbeddingParams,
  options?: RequestOptions,
): Promise<EmbeddingResult> {
  assertValid('vector.embedding', schemaIssues(embeddingSchema, params));
  const body = {
    data: params.data.map(inputWire),
    dense_model: modelWire(params.denseModel),
    sparse_model: modelWire(params.sparseModel),
    tensor_model: modelWire(params.tensorModel),
    project_name: params.projectName,
    max_retry_time: params.maxRetryTime,
  };
  return toItemsResult(await transport.call(EMBEDDING, body, options), (item) => ({
    dense: Array.isArray(item['dense']) ? (item['dense'] as number[]) : undefined,
    sparse: asRecordOrUndefined(item['sparse']) as SparseVector | undefined,
    tensor: Array.isArray(item['tensor']) ? (item['tensor'] as number[][]) : undefined,
  }));
}
