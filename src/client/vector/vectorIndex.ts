import type { VikingCore } from '../createVikingCore';
import { ValidationError } from '../errors/ValidationError';
import type { RequestOptions } from '../transport/RequestOptions';
import type { Filter } from './filter';
import { aggregateIndex, fetchInIndex, sortInIndex } from './indexReads';
import { indexFields, type IndexFields, type IndexRef } from './indexRef';
import { searchById, searchKeywords, searchMultiModal, searchRandom, searchScalar, searchVector } from './search';
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

/** Options of `scan`. */
export interface ScanOptions<TFields, K extends FieldName<TFields>> extends RequestOptions {
  filter?: Filter<TFields> | undefined;
  outputFields?: readonly K[] | undefined;
  partition?: string | number | undefined;
  /** Rows per request. Default: 100. */
  pageSize?: number | undefined;
  /**
   * Page in the order of this scalar field (scalar search), which makes paging stable. Default: none — pages come
   * from random search, which the cloud does not promise to keep stable between pages, so rows may be missed;
   * give a unique scalar field for a complete scan.
   */
  orderBy?: { field: FieldName<TFields>; order?: 'asc' | 'desc' | undefined } | undefined;
}

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

export function createVectorIndex<TFields>(
  core: VikingCore,
  collection: CollectionLocator,
  indexName: string,
): VectorIndex<TFields> {
  const ref: IndexRef<TFields> = { collection, index: indexName };
  // Checked now, so a bad locator fails where the index is named rather than at its first call.
  const locator = indexFields(ref, 'vector.index');

  const searchApi: IndexSearch<TFields> = {
    vector: (params, options) => searchVector(core, ref, params, options),
    multiModal: (params, options) => searchMultiModal(core, ref, params, options),
    byId: (params, options) => searchById(core, ref, params, options),
    scalar: (params, options) => searchScalar(core, ref, params, options),
    keywords: (params, options) => searchKeywords(core, ref, params, options),
    random: (params, options) => searchRandom(core, ref, params, options),
  };

  return {
    locator,
    search: searchApi,
    fetch: (ids, options) => fetchInIndex(core, ref, ids, options),
    aggregate: (params, options) => aggregateIndex(core, ref, params, options),
    sort: (params, options) => sortInIndex(core, ref, params, options),
    async *scan(options = {}) {
      const { filter, outputFields, partition, pageSize = 100, orderBy, ...request } = options;
      if (!Number.isInteger(pageSize) || pageSize < 1) {
        throw new ValidationError('vector.scan', [{ path: 'pageSize', message: 'expected a whole number ≥ 1' }]);
      }
      const seen = new Set<PrimaryKey>();
      for (let offset = 0; ; offset += pageSize) {
        request.signal?.throwIfAborted();
        const common = { filter, outputFields, partition, limit: pageSize, offset };
        const page = orderBy
          ? await searchApi.scalar({ ...common, field: orderBy.field, order: orderBy.order }, request)
          : await searchApi.random(common, request);
        for (const item of page.items) {
          request.signal?.throwIfAborted();
          if (seen.has(item.id)) continue;
          seen.add(item.id);
          yield item;
        }
        if (page.items.length < pageSize) return;
      }
    },
  };
}
