import type { Endpoint } from '../transport/Endpoint';

const post = (name: string, path: string, idempotent = true): Endpoint => ({
  name: `vector.${name}`,
  method: 'POST',
  path: `/api/vikingdb${path}`,
  domain: 'vector',
  idempotent,
});

/*
 * The vector endpoints of api doc §3.1, one constant each so that a bundle keeps only those its app calls. Reads are
 * idempotent; so are upsert, update and delete by primary key. An upsert into an auto-id collection creates new rows
 * on every attempt, so `collection(…, { autoId: true })` uses `UPSERT_AUTO_ID`, which is not retried unless the call
 * opts in.
 */
export const UPSERT = /* @__PURE__ */ post('upsert', '/data/upsert');
export const UPSERT_AUTO_ID = /* @__PURE__ */ post('upsert', '/data/upsert', false);
export const UPDATE = /* @__PURE__ */ post('update', '/data/update');
export const DELETE = /* @__PURE__ */ post('delete', '/data/delete');
export const FETCH_IN_COLLECTION = /* @__PURE__ */ post('fetch', '/data/fetch_in_collection');
export const FETCH_IN_INDEX = /* @__PURE__ */ post('index.fetch', '/data/fetch_in_index');
export const SEARCH_VECTOR = /* @__PURE__ */ post('search.vector', '/data/search/vector');
export const SEARCH_MULTI_MODAL = /* @__PURE__ */ post('search.multiModal', '/data/search/multi_modal');
export const SEARCH_BY_ID = /* @__PURE__ */ post('search.byId', '/data/search/id');
export const SEARCH_SCALAR = /* @__PURE__ */ post('search.scalar', '/data/search/scalar');
export const SEARCH_KEYWORDS = /* @__PURE__ */ post('search.keywords', '/data/search/keywords');
export const SEARCH_RANDOM = /* @__PURE__ */ post('search.random', '/data/search/random');
export const AGGREGATE = /* @__PURE__ */ post('aggregate', '/data/agg');
export const SORT = /* @__PURE__ */ post('sort', '/data/sort');
export const EMBEDDING = /* @__PURE__ */ post('embedding', '/embedding');
export const RERANK = /* @__PURE__ */ post('rerank', '/rerank');

/** Every vector endpoint by name (for tests and tools; operations import the constants above). */
export const VECTOR_ENDPOINTS = {
  upsert: UPSERT,
  upsertAutoId: UPSERT_AUTO_ID,
  update: UPDATE,
  delete: DELETE,
  fetchInCollection: FETCH_IN_COLLECTION,
  fetchInIndex: FETCH_IN_INDEX,
  searchVector: SEARCH_VECTOR,
  searchMultiModal: SEARCH_MULTI_MODAL,
  searchById: SEARCH_BY_ID,
  searchScalar: SEARCH_SCALAR,
  searchKeywords: SEARCH_KEYWORDS,
  searchRandom: SEARCH_RANDOM,
  aggregate: AGGREGATE,
  sort: SORT,
  embedding: EMBEDDING,
  rerank: RERANK,
} as const satisfies Record<string, Endpoint>;
