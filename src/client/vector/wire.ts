import type { SearchAdvance, SearchCommon, TensorRerank } from './types';

/*
 * camelCase parameters → the snake_case wire names of the api doc. Undefined values are left out by
 * JSON.stringify, so optional parameters the caller did not give never reach the wire.
 */

export function advanceWire(advance: SearchAdvance | undefined) {
  if (!advance) return undefined;
  return {
    dense_weight: advance.denseWeight,
    ids_in: advance.idsIn,
    ids_not_in: advance.idsNotIn,
    post_process_ops: advance.postProcessOps,
    post_process_input_limit: advance.postProcessInputLimit,
    scale_k: advance.scaleK,
    filter_pre_ann_limit: advance.filterPreAnnLimit,
    filter_pre_ann_ratio: advance.filterPreAnnRatio,
  };
}

export function tensorRerankWire(tensor: TensorRerank | undefined) {
  if (!tensor) return undefined;
  return { tensor: tensor.tensor, input_limit: tensor.inputLimit, max_similarity_algo: tensor.maxSimilarityAlgo };
}

/** The SearchBase fields every search endpoint takes. */
export function searchCommonWire<TFields, K extends Extract<keyof TFields, string>>(params: SearchCommon<TFields, K>) {
  return {
    filter: params.filter,
    partition: params.partition,
    output_fields: params.outputFields,
    limit: params.limit,
    offset: params.offset,
    advance: advanceWire(params.advance),
    return_schema: params.returnSchema,
    return_download_url: params.returnDownloadUrl,
    return_analyzed_result: params.returnAnalyzedResult,
    return_detail_info: params.returnDetailInfo,
  };
}
