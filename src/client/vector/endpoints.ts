import type { Endpoint } from '../transport/Endpoint';

const post = (name: string, path: string, idempotent = true): Endpoint => ({
  name: `vector.${name}`,
  method: 'POST',
  path: `/api/vikingdb${path}`,
  domain: 'vector',
  idempotent,
});

/**
 * The vector endpoints of api doc §3.1. Reads are idempotent; so are upsert, update and delete by primary key.
 * An upsert into an auto-id collection creates new rows on every attempt, so `collection(…, { autoId: true })`
 * uses `upsertAutoId`, which is not retried unless the call opts in.
 */
export const VECTOR_ENDPOINTS = {
  upsert: post('upsert', '/data/upsert'),
  upsertAutoId: post('upsert', '/data/upsert', false),
  update: post('update', '/data/update'),
  delete: post('delete', '/data/delete'),
  fetchInCollection: post('fetch', '/data/fetch_in_collection'),
  fetchInIndex: post('index.fetch', '/data/fetch_in_index'),
  searchVector: post('search.vector', '/data/search/vector'),
  searchMultiModal: post('search.multiModal', '/data/search/multi_modal'),
  searchById: post('search.byId', '/data/search/id'),
  searchScalar: post('search.scalar', '/data/search/scalar'),
  searchKeywords: post('search.keywords', '/data/search/keywords'),
  searchRandom: post('search.random', '/data/search/random'),
  aggregate: post('aggregate', '/data/agg'),
  sort: post('sort', '/data/sort'),
  embedding: post('embedding', '/embedding'),
  rerank: post('rerank', '/rerank'),
} as const satisfies Record<string, Endpoint>;
