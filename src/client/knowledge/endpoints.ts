import type { Endpoint } from '../transport/Endpoint';

/*
 * The knowledge endpoints (knowledge contract §3). They live on the memory host and are signed for service `air`
 * (contract §1.1), so they use the memory domain of the transport: its base URL (`memoryBaseUrl` / `memoryHost`), its
 * V4 service name and its `{code:int, data}` envelope. Calls that add something new each time (a doc, a point) are
 * not retried unless the call opts in; reads, updates, deletes, retrieval, rerank and chat are.
 */

const post = (name: string, path: string, idempotent: boolean): Endpoint => ({
  name: `knowledge.${name}`,
  method: 'POST',
  path: `/api/knowledge${path}`,
  domain: 'memory',
  idempotent,
});

export const ADD_DOC = /* @__PURE__ */ post('doc.add', '/doc/add', false);
export const ADD_DOC_V2 = /* @__PURE__ */ post('doc.addV2', '/doc/v2/add', false);
export const DELETE_DOC = /* @__PURE__ */ post('doc.delete', '/doc/delete', true);
export const DOC_INFO = /* @__PURE__ */ post('doc.info', '/doc/info', true);
export const LIST_DOCS = /* @__PURE__ */ post('doc.list', '/doc/list', true);
export const LIST_DOCS_V2 = /* @__PURE__ */ post('doc.listV2', '/doc/v2/list', true);
export const SEARCH_DOCS_BY_FILTER = /* @__PURE__ */ post('doc.searchByFilter', '/doc/v2/search_by_filter', true);
export const UPDATE_DOC_META = /* @__PURE__ */ post('doc.updateMeta', '/doc/update_meta', true);
export const UPDATE_DOC = /* @__PURE__ */ post('doc.update', '/doc/update', true);
export const POINT_INFO = /* @__PURE__ */ post('point.info', '/point/info', true);
export const LIST_POINTS = /* @__PURE__ */ post('point.list', '/point/list', true);
export const ADD_POINT = /* @__PURE__ */ post('point.add', '/point/add', false);
export const UPDATE_POINT = /* @__PURE__ */ post('point.update', '/point/update', true);
export const DELETE_POINT = /* @__PURE__ */ post('point.delete', '/point/delete', true);
export const SEARCH_COLLECTION = /* @__PURE__ */ post('collection.search', '/collection/search', true);
export const SEARCH_KNOWLEDGE = /* @__PURE__ */ post(
  'collection.searchKnowledge',
  '/collection/search_knowledge',
  true,
);
export const RERANK = /* @__PURE__ */ post('rerank', '/service/rerank', true);
export const CHAT_COMPLETION = /* @__PURE__ */ post('chatCompletion', '/chat/completions', true);
export const SERVICE_CHAT = /* @__PURE__ */ post('serviceChat', '/service/chat', true);

/** `GET /ping` on the knowledge (memory) host (contract §3.7). */
export const KNOWLEDGE_PING: Endpoint = {
  name: 'knowledge.ping',
  method: 'GET',
  path: '/ping',
  domain: 'memory',
  idempotent: true,
};
