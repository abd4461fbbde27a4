import type { ApiResponse } from '../transport/transport';
import { asArray, asId, asNumber, asRecord, asRecordOrUndefined, asString } from '../shared/read';
import { metaOf } from '../shared/withMeta';
import type {
  FetchedRow,
  FetchResult,
  IndexFetchedRow,
  SearchItem,
  SearchResult,
  SparseVector,
  TokenUsage,
} from './types';

/*
 * Wire results → the typed camelCase results. Row `fields` are passed through as the service sent them
 * (they are the caller's own field names); unknown result keys are ignored, missing ones read as undefined.
 */

function numberArray(value: unknown): number[] | undefined {
  return Array.isArray(value) ? (value as number[]) : undefined;
}

export function tokenUsageOf(value: unknown): TokenUsage | undefined {
  return asRecordOrUndefined(value);
}

export function toSearchResult<TFields, K extends keyof TFields>(
  response: ApiResponse<unknown>,
): SearchResult<TFields, K> {
  const result = asRecord(response.payload);
  const items = asArray(result['data']).map((raw): SearchItem<TFields, K> => {
    const item = asRecord(raw);
    return {
      id: asId(item['id']),
      fields: asRecord(item['fields']) as Pick<TFields, K>,
      score: asNumber(item['score']) ?? 0,
      annScore: asNumber(item['ann_score']),
      originScore: asNumber(item['origin_score']),
      additionScore: asNumber(item['addition_score']),
    };
  });
  return {
    ...metaOf(response),
    items,
    totalReturnCount: asNumber(result['total_return_count']) ?? items.length,
    filterMatchedCount: asNumber(result['filter_matched_count']),
    realTextQuery: asString(result['real_text_query']),
    tokenUsage: tokenUsageOf(result['token_usage']),
    schema: asRecordOrUndefined(result['schema']),
    rerankError: asString(result['rerank_error']),
    instructionForDense: asString(result['instruction_for_dense']),
    instructionForSparse: asString(result['instruction_for_sparse']),
    instructionForTensor: asString(result['instruction_for_tensor']),
    embeddingTimeCostMs: asNumber(result['embedding_time_cost_ms']),
    recallTimeCostMs: asNumber(result['recall_time_cost_ms']),
    rerankTimeCostMs: asNumber(result['rerank_time_cost_ms']),
  };
}

export function toFetchResult<TFields, K extends keyof TFields>(
  response: ApiResponse<unknown>,
): FetchResult<FetchedRow<TFields, K>> {
  const result = asRecord(response.payload);
  return {
    ...metaOf(response),
    items: asArray(result['fetch']).map((raw) => {
      const row = asRecord(raw);
      return { id: asId(row['id']), fields: asRecord(row['fields']) as Pick<TFields, K> };
    }),
    idsNotExist: asArray(result['ids_not_exist']).map(asId),
  };
}

export function toIndexFetchResult<TFields, K extends keyof TFields>(
  response: ApiResponse<unknown>,
): FetchResult<IndexFetchedRow<TFields, K>> {
  const result = asRecord(response.payload);
  return {
    ...metaOf(response),
    items: asArray(result['fetch']).map((raw) => {
      const row = asRecord(raw);
      return {
        id: asId(row['id']),
        fields: asRecord(row['fields']) as Pick<TFields, K>,
        denseVector: numberArray(row['dense_vector']),
        denseDim: asNumber(row['dense_dim']),
        sparseVector: asRecordOrUndefined(row['sparse_vector']) as SparseVector | undefined,
      };
    }),
    idsNotExist: asArray(result['ids_not_exist']).map(asId),
  };
}
