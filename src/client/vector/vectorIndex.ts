import { ValidationError, type ValidationIssue } from '../errors/ValidationError';
import { asRecord, asArray, asId, asNumber, asString } from '../shared/read';
import { metaOf } from '../shared/withMeta';
import type { Endpoint } from '../transport/Endpoint';
import type { RequestOptions } from '../transport/RequestOptions';
import type { Transport } from '../transport/transport';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import { VECTOR_ENDPOINTS } from './endpoints';
import { filterIssues, type Filter } from './filter';
import { locatorFields, type LocatorFields } from './locator';
import { toIndexFetchResult, toSearchResult } from './results';
import {
  aggregateSchema,
  idSearchSchema,
  idsSchema,
  keywordsSearchSchema,
  multiModalSearchSchema,
  scalarSearchSchema,
  searchCommonSchema,
  sortSchema,
  vectorSearchSchema,
} from './schemas';
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
import { searchCommonWire, tensorRerankWire } from './wire';

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
  readonly locator: Readonly<LocatorFields & { index_name: string }>;
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

function searchIssues(schema: SchemaSource, params: { filter?: unknown }): ValidationIssue[] {
  return [...schemaIssues(schema, params), ...(params.filter === undefined ? [] : filterIssues(params.filter))];
}

export function createVectorIndex<TFields>(
  transport: Transport,
  collection: CollectionLocator,
  indexName: string,
): VectorIndex<TFields> {
  if (typeof indexName !== 'string' || indexName === '') {
    throw new ValidationError('vector.index', [{ path: 'indexName', message: 'expected a non-empty index name' }]);
  }
  const where = { ...locatorFields(collection, 'vector.index'), index_name: indexName };

  async function search<K extends FieldName<TFields>>(
    endpoint: Endpoint,
    schema: SchemaSource,
    params: SearchCommon<TFields, K>,
    extra: Record<string, unknown>,
    options: RequestOptions | undefined,
  ): Promise<SearchResult<TFields, K>> {
    assertValid(endpoint.name, searchIssues(schema, params));
    const body = { ...where, ...searchCommonWire(params), ...extra };
    return toSearchResult<TFields, K>(await transport.call(endpoint, body, options));
  }

  const searchApi: IndexSearch<TFields> = {
    vector: (p, o) =>
      search(
        VECTOR_ENDPOINTS.searchVector,
        vectorSearchSchema,
        p,
        {
          dense_vector: p.denseVector,
          sparse_vector: p.sparseVector,
          tensor_rerank: tensorRerankWire(p.tensorRerank),
        },
        o,
      ),
    multiModal: (p, o) =>
      search(
        VECTOR_ENDPOINTS.searchMultiModal,
        multiModalSearchSchema,
        p,
        {
          text: p.text,
          image: p.image,
          video: p.video,
          need_instruction: p.needInstruction,
          instruction: p.instruction && { auto_fill: p.instruction.autoFill },
          rerank: p.rerank && {
            model_name: p.rerank.modelName,
            model_version: p.rerank.modelVersion,
            instruction: p.rerank.instruction,
            input_limit: p.rerank.inputLimit,
            score_threshold: p.rerank.scoreThreshold,
            fail_strategy: p.rerank.failStrategy,
            timeout_ms: p.rerank.timeoutMs,
          },
          tensor_rerank: tensorRerankWire(p.tensorRerank),
        },
        o,
      ),
    byId: (p, o) => search(VECTOR_ENDPOINTS.searchById, idSearchSchema, p, { id: p.id }, o),
    scalar: (p, o) =>
      search(VECTOR_ENDPOINTS.searchScalar, scalarSearchSchema, p, { field: p.field, order: p.order ?? 'desc' }, o),
    keywords: (p, o) =>
      search(
        VECTOR_ENDPOINTS.searchKeywords,
        keywordsSearchSchema,
        p,
        {
          keywords: p.keywords,
          query: p.query,
          case_sensitive: p.caseSensitive,
          fields: p.fields,
          bm25_k1: p.bm25K1,
          bm25_b: p.bm25B,
          mode: p.mode,
        },
        o,
      ),
    random: (p = {}, o) => search(VECTOR_ENDPOINTS.searchRandom, searchCommonSchema, p, {}, o),
  };

  return {
    locator: where,
    search: searchApi,
    async fetch(ids, options = {}) {
      const { outputFields, partition, ...request } = options;
      assertValid('vector.index.fetch', schemaIssues(idsSchema, ids, ['ids']));
      const body = { ...where, ids, partition, output_fields: outputFields };
      return toIndexFetchResult(await transport.call(VECTOR_ENDPOINTS.fetchInIndex, body, request));
    },
    async aggregate(params = {}, options) {
      assertValid('vector.aggregate', searchIssues(aggregateSchema, params));
      const body = {
        ...where,
        op: params.op ?? 'count',
        field: params.field,
        cond: params.cond,
        order: params.order,
        filter: params.filter,
        partition: params.partition,
      };
      const response = await transport.call(VECTOR_ENDPOINTS.aggregate, body, options);
      const result = asRecord(response.payload);
      const agg: Record<string, number> = {};
      for (const [key, value] of Object.entries(asRecord(result['agg']))) {
        const count = asNumber(value);
        if (count !== undefined) agg[key] = count;
      }
      return { ...metaOf(response), agg, op: asString(result['op']) ?? body.op, field: asString(result['field']) };
    },
    async sort(params, options) {
      assertValid('vector.sort', schemaIssues(sortSchema, params));
      const body = { ...where, ids: params.ids, query_vector: params.queryVector };
      const response = await transport.call(VECTOR_ENDPOINTS.sort, body, options);
      const result = asRecord(response.payload);
      return {
        ...metaOf(response),
        items: asArray(result['sort']).map((raw) => {
          const item = asRecord(raw);
          return { id: asId(item['id']), score: asNumber(item['score']) ?? 0 };
        }),
        idsNotExist: asArray(result['ids_not_exist']).map(asId),
      };
    },
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
