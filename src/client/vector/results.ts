import type { ApiResponse } from '../transport/transport';
import {
  asArray,
  asId,
  asNumber,
  asRecord,
  asRecordOrUndefined,
  asString,
  readKeys,
  type JsonRecord,
} from '../shared/read';
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

/** A `{ data: [...], token_usage }` result (embedding, rerank): each item read by `item`, with request id and latency. */
export function toItemsResult<T>(response: ApiResponse<unknown>, item: (raw: JsonRecord) => T) {
  const result = asRecord(response.payload);
  return {
    ...metaOf(response),
    items: asArray(result['data']).map((raw) => item(asRecord(raw))),
    tokenUsage: tokenUsageOf(result['token_usage']),
  };
}

export function toSearchResult<TFields, K extends keyof TFields>(
  response: ApiResponse<unknown>,
): SearchResult<TFields, K> {
  const result = asRecord(response.payload);
  const items = asArray(result['data']).map((raw) => {
    const item = asRecord(raw);
    const out: JsonRecord = {
      id: asId(item['id']),
      fields: asRecord(item['fields']),
      score: asNumber(item['score']) ?? 0,
      raw: item,
    };
    readKeys(out, item, 'ann_score origin_score addition_score', asNumber);
    return out as unknown as SearchItem<TFields, K>;
  });
  const out: JsonRecord = { ...metaOf(response), items };
  out['totalReturnCount'] = asNumber(result['total_return_count']) ?? items.length;
  readKeys(
    out,
    result,
    'filter_matched_count embedding_time_cost_ms recall_time_cost_ms rerank_time_cost_ms',
    asNumber,
  );
  readKeys(
    out,
    result,
    'real_text_query rerank_error instruction_for_dense instruction_for_sparse instruction_for_tensor',
    asString,
  );
  readKeys(out, result, 'token_usage schema', asRecordOrUndefined);
  return out as unknown as SearchResult<TFields, K>;
}

export function toFetchResult<TFields, K extends keyof TFields>(
  response: ApiResponse<unknown>,
): FetchResult<FetchedRow<TFields, K>> {
  const result = asRecord(response.payload);
  return {
    ...metaOf(response),
    items: asArray(result['fetch']).map((raw) => {
      const row = asRecord(raw);
      return { id: asId(row['id']), fields: asRecord(row['fields']) as Pick<TFields, K>, raw: row };
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
        raw: row,
      };
    }),
    idsNotExist: asArray(result['ids_not_exist']).map(asId),
  };
}
