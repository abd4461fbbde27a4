import type { VikingCore } from '../createVikingCore';
import type { RequestOptions } from '../transport/RequestOptions';
import { aggregateIndex, fetchInIndex, scanIndex, sortInIndex, type ScanOptions } from './indexReads';
import { indexFields, type IndexFields, type IndexRef } from './indexRef';
import {
  searchById,
  searchByKeywords,
  searchByMultiModal,
  searchByRandom,
  searchByScalar,
  searchByVector,
} from './search';
import type {
  AggregateParams,
  AggregateResult,
  AnyFields,
  CollectionLocator,
  FetchResult,
  FieldName,
  IdSearchParams,
  IndexFetchedRow,
  IndexFetchOptions,
  KeywordsSearchParams,
  MultiModalSearchParams,
  PrimaryKey,
  ScalarSearchParams,
  SearchCommon,
  SearchItem,
  SearchResult,
  SortParams,
  SortResult,
  VectorSearchParams,
} from './types';

export type { ScanOptions } from './indexReads';

/** The six search modes of an index (api doc §3.7–3.12). */
export interface IndexSearch<TFields> {
  /** Nearest neighbours of a dense (and optional sparse) query vector. */
  vector<const K extends FieldName<TFields> = FieldName<TFields>>(
    params: VectorSearchParams<TFields, K>,
    options?: RequestOptions,
  ): Promise<SearchResult<TFields, K>>;
  /** Text, image or video embedded by the service with the collection's model. */
  multiModal<const K extends FieldName<TFields> = FieldName<TFields>>(
    params: MultiModalSearchParams<TFields, K>,
    options?: RequestOptions,
  ): Promise<SearchResult<TFields, K>>;
  /** Rows similar to a stored row. */
  id<const K extends FieldName<TFields> = FieldName<TFields>>(
    params: IdSearchParams<TFields, K>,
    options?: RequestOptions,
  ): Promise<SearchResult<TFields, K>>;
  /** @deprecated Renamed {@link IndexSearch.id} (the same function). */
  byId<const K extends FieldName<TFields> = FieldName<TFields>>(
    params: IdSearchParams<TFields, K>,
    options?: RequestOptions,
  ): Promise<SearchResult<TFields, K>>;
  /** Rows ordered by a scalar field. */
  scalar<const K extends FieldName<TFields> = FieldName<TFields>>(
    params: ScalarSearchParams<TFields, K>,
    options?: RequestOptions,
  ): Promise<SearchResult<TFields, K>>;
  /** BM25 full-text ranking. */
  keywords<const K extends FieldName<TFields> = FieldName<TFields>>(
    params: KeywordsSearchParams<TFields, K>,
    options?: RequestOptions,
  ): Promise<SearchResult<TFields, K>>;
  /** Random rows (optionally filtered). */
  random<const K extends FieldName<TFields> = FieldName<TFields>>(
    params?: SearchCommon<TFields, K>,
    options?: RequestOptions,
  ): Promise<SearchResult<TFields, K>>;
}

/** Read operations on one index of a collection. */
export interface VectorIndex<TFields = AnyFields> {
  readonly locator: IndexFields;
  readonly search: IndexSearch<TFields>;
  /** Rows by id with their vectors (`…/data/fetch_in_index`). */
  fetch<const K extends FieldName<TFields> = FieldName<TFields>>(
    ids: readonly PrimaryKey[],
    options?: IndexFetchOptions<TFields, K> & RequestOptions,
  ): Promise<FetchResult<IndexFetchedRow<TFields, K>>>;
  /** Counts rows, optionally grouped by a field (`…/data/agg`). */
  aggregate(params?: AggregateParams<TFields>, options?: RequestOptions): Promise<AggregateResult>;
  /** Rescores the given ids against a query vector (`…/data/sort`). */
  sort(params: SortParams, options?: RequestOptions): Promise<SortResult>;
  /** Every matching row, page by page (`for await (const row of index.scan({...}))`). */
  scan<const K extends FieldName<TFields> = FieldName<TFields>>(
    options?: ScanOptions<TFields, K>,
  ): AsyncGenerator<SearchItem<TFields, K>, void, undefined>;
}

/** The object form of an index's operations: each method calls its standalone function (search, indexReads). */
export function createVectorIndex<TFields>(
  core: VikingCore,
  collection: CollectionLocator,
  indexName: string,
): VectorIndex<TFields> {
  const ref: IndexRef<TFields> = { collection, index: indexName };
  // Checked now, so a bad locator fails where the index is named rather than at its first call.
  const locator = indexFields(ref, 'vector.index');
  const id: IndexSearch<TFields>['id'] = (params, options) => searchById(core, ref, params, options);
  return {
    locator,
    search: {
      vector: (params, options) => searchByVector(core, ref, params, options),
      multiModal: (params, options) => searchByMultiModal(core, ref, params, options),
      id,
      byId: id,
      scalar: (params, options) => searchByScalar(core, ref, params, options),
      keywords: (params, options) => searchByKeywords(core, ref, params, options),
      random: (params, options) => searchByRandom(core, ref, params, options),
    },
    fetch: (ids, options) => fetchInIndex(core, ref, ids, options),
    aggregate: (params, options) => aggregateIndex(core, ref, params, options),
    sort: (params, options) => sortInIndex(core, ref, params, options),
    scan: (options) => scanIndex(core, ref, options),
  };
}
