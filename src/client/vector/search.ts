import type { VikingCore } from '../createVikingCore';
import type { Endpoint } from '../transport/Endpoint';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import {
  SEARCH_BY_ID,
  SEARCH_KEYWORDS,
  SEARCH_MULTI_MODAL,
  SEARCH_RANDOM,
  SEARCH_SCALAR,
  SEARCH_VECTOR,
} from './endpoints';
import { filterIssues } from './filter';
import { indexFields, type IndexRef } from './indexRef';
import { toSearchResult } from './results';
import {
  idSearchSchema,
  keywordsSearchSchema,
  multiModalSearchSchema,
  scalarSearchSchema,
  searchCommonSchema,
  vectorSearchSchema,
} from './schemas';
import type {
  AnyFields,
  FieldName,
  IdSearchParams,
  KeywordsSearchParams,
  MultiModalSearchParams,
  ScalarSearchParams,
  SearchCommon,
  SearchResult,
  VectorSearchParams,
} from './types';
import { searchWire } from './wire';

/*
 * The six search modes of an index (api doc §3.7–3.12) as standalone functions, named like the Python SDK's
 * `search_by_*`: `client.vector.index(…).search.*` calls these, and an app that imports only the one it uses ships
 * only that one (with `createVikingCore`).
 */

/**
 * Checks a search's (or an aggregation's) parameters: its schema's issues, then its filter's; throws ValidationError
 * (and nothing is sent) when there are any. Keys the schema does not name are not checked, and are sent as given.
 */
export function checkSearchParams(operation: string, schema: SchemaSource, params: { filter?: unknown }): void {
  assertValid(operation, [
    ...schemaIssues(schema, params),
    ...(params.filter === undefined ? [] : filterIssues(params.filter)),
  ]);
}

async function search<TFields, K extends FieldName<TFields>>(
  core: VikingCore,
  ref: IndexRef<TFields>,
  endpoint: Endpoint,
  schema: SchemaSource,
  params: SearchCommon<TFields, K>,
  options: RequestOptions | undefined,
  defaults?: Record<string, unknown>,
): Promise<SearchResult<TFields, K>> {
  const { name } = endpoint;
  const where = indexFields(ref, name);
  checkSearchParams(name, schema, params);
  const body = { ...defaults, ...where, ...searchWire(params) };
  return toSearchResult<TFields, K>(await core.transport.call(endpoint, body, options));
}

/**
 * `POST /api/vikingdb/data/search/vector`: nearest neighbours of a dense (and optional sparse) query vector.
 *
 * @example
 * const hits = await searchByVector(viking, docsIndex, { denseVector: embedding, limit: 10, outputFields: ['title'] });
 */
export function searchByVector<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  params: VectorSearchParams<TFields, K>,
  options?: RequestOptions,
): Promise<SearchResult<TFields, K>> {
  return search(core, index, SEARCH_VECTOR, vectorSearchSchema, params, options);
}

/**
 * `POST /api/vikingdb/data/search/multi_modal`: text, image or video, embedded by the service with the collection's
 * model.
 *
 * @example
 * const hits = await searchByMultiModal(viking, { collection: 'text', index: 'text_index' }, { text: 'hello', limit: 5 });
 */
export function searchByMultiModal<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  params: MultiModalSearchParams<TFields, K>,
  options?: RequestOptions,
): Promise<SearchResult<TFields, K>> {
  return search(core, index, SEARCH_MULTI_MODAL, multiModalSearchSchema, params, options);
}

/** `POST /api/vikingdb/data/search/id`: rows similar to a stored row. */
export function searchById<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  params: IdSearchParams<TFields, K>,
  options?: RequestOptions,
): Promise<SearchResult<TFields, K>> {
  return search(core, index, SEARCH_BY_ID, idSearchSchema, params, options);
}

/** `POST /api/vikingdb/data/search/scalar`: rows ordered by a scalar field (`order` default `'desc'`). */
export function searchByScalar<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  params: ScalarSearchParams<TFields, K>,
  options?: RequestOptions,
): Promise<SearchResult<TFields, K>> {
  return search(core, index, SEARCH_SCALAR, scalarSearchSchema, params, options, { order: 'desc' });
}

/** `POST /api/vikingdb/data/search/keywords`: BM25 full-text ranking. */
export function searchByKeywords<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  params: KeywordsSearchParams<TFields, K>,
  options?: RequestOptions,
): Promise<SearchResult<TFields, K>> {
  return search(core, index, SEARCH_KEYWORDS, keywordsSearchSchema, params, options);
}

/** `POST /api/vikingdb/data/search/random`: random rows, optionally filtered (params default `{}`). */
export function searchByRandom<TFields = AnyFields, const K extends FieldName<TFields> = FieldName<TFields>>(
  core: VikingCore,
  index: IndexRef<TFields>,
  params: SearchCommon<TFields, K> = {},
  options?: RequestOptions,
): Promise<SearchResult<TFields, K>> {
  return search(core, index, SEARCH_RANDOM, searchCommonSchema, params, options);
}

/** @deprecated Renamed {@link searchByVector} (the same function). */
export const searchVector = searchByVector;
/** @deprecated Renamed {@link searchByMultiModal} (the same function). */
export const searchMultiModal = searchByMultiModal;
/** @deprecated Renamed {@link searchByScalar} (the same function). */
export const searchScalar = searchByScalar;
/** @deprecated Renamed {@link searchByKeywords} (the same function). */
export const searchKeywords = searchByKeywords;
/** @deprecated Renamed {@link searchByRandom} (the same function). */
export const searchRandom = searchByRandom;
