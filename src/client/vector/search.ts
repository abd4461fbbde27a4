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

/** The parameters of each search mode, by the mode's name. */
interface SearchParamsByMode<TFields, K extends FieldName<TFields>> {
  vector: VectorSearchParams<TFields, K>;
  multiModal: MultiModalSearchParams<TFields, K>;
  id: IdSearchParams<TFields, K>;
  scalar: ScalarSearchParams<TFields, K>;
  keywords: KeywordsSearchParams<TFields, K>;
  random: SearchCommon<TFields, K>;
}

type SearchMode = keyof SearchParamsByMode<AnyFields, string>;

/** The arguments after the index: the mode's params (optional for `random`, default `{}`), then request options. */
type SearchArgs<TFields, K extends FieldName<TFields>, M extends SearchMode> = M extends 'random'
  ? [params?: SearchCommon<TFields, K>, options?: RequestOptions]
  : [params: SearchParamsByMode<TFields, K>[M], options?: RequestOptions];

/** A standalone search of one mode: `(core, index, params, options?)`, typed by the index's row type. */
type SearchFunction<M extends SearchMode> = <
  TFields = AnyFields,
  const K extends FieldName<TFields> = FieldName<TFields>,
>(
  core: VikingCore,
  index: IndexRef<TFields>,
  ...args: SearchArgs<TFields, K, M>
) => Promise<SearchResult<TFields, K>>;

/** The search function of one mode: its endpoint, its parameters' schema, and the wire defaults it sends. */
function searchIn<M extends SearchMode>(
  endpoint: Endpoint,
  schema: SchemaSource,
  defaults?: Record<string, unknown>,
): SearchFunction<M> {
  const run = <TFields, K extends FieldName<TFields>>(
    core: VikingCore,
    index: IndexRef<TFields>,
    params: SearchCommon<TFields, K> = {},
    options?: RequestOptions,
  ) => search<TFields, K>(core, index, endpoint, schema, params, options, defaults);
  // Every mode's params extend SearchCommon; the mode's own type is the SearchFunction's.
  return run as SearchFunction<M>;
}

/**
 * `POST /api/vikingdb/data/search/vector`: nearest neighbours of a dense (and optional sparse) query vector.
 *
 * @example
 * const hits = await searchByVector(viking, docsIndex, { denseVector: embedding, limit: 10, outputFields: ['title'] });
 */
export const searchByVector: SearchFunction<'vector'> = /* @__PURE__ */ searchIn(SEARCH_VECTOR, vectorSearchSchema);

/**
 * `POST /api/vikingdb/data/search/multi_modal`: text, image or video, embedded by the service with the collection's
 * model.
 *
 * @example
 * const hits = await searchByMultiModal(viking, { collection: 'text', index: 'text_index' }, { text: 'hello', limit: 5 });
 */
export const searchByMultiModal: SearchFunction<'multiModal'> = /* @__PURE__ */ searchIn(
  SEARCH_MULTI_MODAL,
  multiModalSearchSchema,
);

/** `POST /api/vikingdb/data/search/id`: rows similar to a stored row. */
export const searchById: SearchFunction<'id'> = /* @__PURE__ */ searchIn(SEARCH_BY_ID, idSearchSchema);

/** `POST /api/vikingdb/data/search/scalar`: rows ordered by a scalar field (`order` default `'desc'`). */
export const searchByScalar: SearchFunction<'scalar'> = /* @__PURE__ */ searchIn(SEARCH_SCALAR, scalarSearchSchema, {
  order: 'desc',
});

/** `POST /api/vikingdb/data/search/keywords`: BM25 full-text ranking. */
export const searchByKeywords: SearchFunction<'keywords'> = /* @__PURE__ */ searchIn(
  SEARCH_KEYWORDS,
  keywordsSearchSchema,
);

/** `POST /api/vikingdb/data/search/random`: random rows, optionally filtered (params default `{}`). */
export const searchByRandom: SearchFunction<'random'> = /* @__PURE__ */ searchIn(SEARCH_RANDOM, searchCommonSchema);

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
