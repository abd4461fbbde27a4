/**
 * The engine's routes: every path of the endpoint catalog (`src/client/endpoints.ts`) with its handler. The catalog
 * says which paths exist, their domain and methods; this table only adds what the engine does for each (the API name
 * of the vector envelope and the handler), and a path missing on either side fails at load.
 */
import {
  ENDPOINTS,
  KNOWLEDGE_ADD_DOC,
  KNOWLEDGE_ADD_DOC_V2,
  KNOWLEDGE_ADD_POINT,
  KNOWLEDGE_CHAT_COMPLETION,
  KNOWLEDGE_DELETE_DOC,
  KNOWLEDGE_DELETE_POINT,
  KNOWLEDGE_DOC_INFO,
  KNOWLEDGE_LIST_DOCS,
  KNOWLEDGE_LIST_DOCS_V2,
  KNOWLEDGE_LIST_POINTS,
  KNOWLEDGE_PING,
  KNOWLEDGE_POINT_INFO,
  KNOWLEDGE_RERANK,
  KNOWLEDGE_SEARCH_COLLECTION,
  KNOWLEDGE_SEARCH_DOCS_BY_FILTER,
  KNOWLEDGE_SEARCH_KNOWLEDGE,
  KNOWLEDGE_SERVICE_CHAT,
  KNOWLEDGE_UPDATE_DOC,
  KNOWLEDGE_UPDATE_DOC_META,
  KNOWLEDGE_UPDATE_POINT,
  MEMORY_ADD_EVENT,
  MEMORY_ADD_PROFILE,
  MEMORY_ADD_SESSION,
  MEMORY_BATCH_DELETE_EVENTS,
  MEMORY_BATCH_DELETE_PROFILES,
  MEMORY_DELETE_EVENT,
  MEMORY_DELETE_PROFILE,
  MEMORY_PING,
  MEMORY_SEARCH,
  MEMORY_SEARCH_EVENTS,
  MEMORY_SEARCH_PROFILES,
  MEMORY_SESSION_INFO,
  MEMORY_TRIGGER_PROFILE_UPDATE,
  MEMORY_UPDATE_EVENT,
  MEMORY_UPDATE_PROFILE,
  VECTOR_AGGREGATE,
  VECTOR_DELETE,
  VECTOR_EMBEDDING,
  VECTOR_FETCH_IN_COLLECTION,
  VECTOR_FETCH_IN_INDEX,
  VECTOR_PING,
  VECTOR_RERANK,
  VECTOR_SEARCH_BY_ID,
  VECTOR_SEARCH_KEYWORDS,
  VECTOR_SEARCH_MULTI_MODAL,
  VECTOR_SEARCH_RANDOM,
  VECTOR_SEARCH_SCALAR,
  VECTOR_SEARCH_VECTOR,
  VECTOR_SORT,
  VECTOR_UPDATE,
  VECTOR_UPSERT,
  type CatalogEndpoint,
} from '../../../client/endpoints';
import { chatCompletions, serviceChat } from './knowledge/handlers/chat';
import {
  addDoc,
  addDocV2,
  deleteDoc,
  docInfoHandler,
  listDocs,
  listDocsV2,
  searchDocsByFilter,
  updateDoc,
  updateDocMeta,
} from './knowledge/handlers/docs';
import { addPoint, deletePoint, listPoints, pointInfoHandler, updatePoint } from './knowledge/handlers/points';
import { knowledgeRerank } from './knowledge/handlers/rerank';
import { searchCollection, searchKnowledge } from './knowledge/handlers/search';
import { addEvent, batchDeleteEvents, deleteEvent, updateEvent } from './memory/handlers/events';
import {
  addProfile,
  batchDeleteProfiles,
  deleteProfile,
  triggerUpdateProfiles,
  updateProfile,
} from './memory/handlers/profiles';
import { searchEvents, searchMemory, searchProfiles } from './memory/handlers/search';
import { addSession, sessionInfo } from './memory/handlers/sessions';
import type { Handler } from './EngineContext';
import { aggregate } from './vector/handlers/aggregate';
import { deleteRows } from './vector/handlers/deleteRows';
import { embedding } from './vector/handlers/embedding';
import { fetchInCollection } from './vector/handlers/fetchInCollection';
import { fetchInIndex } from './vector/handlers/fetchInIndex';
import { rerank } from './vector/handlers/rerank';
import { searchById } from './vector/handlers/searchById';
import { searchByKeywords } from './vector/handlers/searchByKeywords';
import { searchByMultiModal } from './vector/handlers/searchByMultiModal';
import { searchByRandom } from './vector/handlers/searchByRandom';
import { searchByScalar } from './vector/handlers/searchByScalar';
import { searchByVector } from './vector/handlers/searchByVector';
import { sort } from './vector/handlers/sort';
import { update } from './vector/handlers/update';
import { upsert } from './vector/handlers/upsert';

/** What the engine does on one path: the API name (the vector envelope's `api`) and the handler (none for pings). */
export interface RouteAction {
  api: string;
  /** `undefined` for ping routes (answered without a body). */
  handler: Handler | undefined;
}

/** One routed API: its catalog entry and the engine's action. */
export interface Route extends RouteAction {
  endpoint: CatalogEndpoint;
}

const act = (api: string, handler: Handler | undefined): RouteAction => ({ api, handler });

/** Catalog path → action. Every catalog path has one and nothing else (checked when {@link ROUTES} is built). */
export const ACTIONS: ReadonlyMap<string, RouteAction> = new Map<string, RouteAction>([
  [VECTOR_UPSERT.path, act('UpsertData', upsert)],
  [VECTOR_UPDATE.path, act('UpdateData', update)],
  [VECTOR_DELETE.path, act('DeleteData', deleteRows)],
  [VECTOR_FETCH_IN_COLLECTION.path, act('FetchDataInCollection', fetchInCollection)],
  [VECTOR_FETCH_IN_INDEX.path, act('FetchDataInIndex', fetchInIndex)],
  [VECTOR_SEARCH_VECTOR.path, act('SearchByVector', searchByVector)],
  [VECTOR_SEARCH_MULTI_MODAL.path, act('SearchByMultiModal', searchByMultiModal)],
  [VECTOR_SEARCH_BY_ID.path, act('SearchById', searchById)],
  [VECTOR_SEARCH_SCALAR.path, act('SearchByScalar', searchByScalar)],
  [VECTOR_SEARCH_KEYWORDS.path, act('SearchByKeywords', searchByKeywords)],
  [VECTOR_SEARCH_RANDOM.path, act('SearchByRandom', searchByRandom)],
  [VECTOR_AGGREGATE.path, act('Aggregate', aggregate)],
  [VECTOR_SORT.path, act('Sort', sort)],
  [VECTOR_EMBEDDING.path, act('Embedding', embedding)],
  [VECTOR_RERANK.path, act('Rerank', rerank)],
  [VECTOR_PING.path, act('Ping', undefined)],
  [MEMORY_ADD_PROFILE.path, act('AddProfile', addProfile)],
  [MEMORY_DELETE_PROFILE.path, act('DeleteProfile', deleteProfile)],
  [MEMORY_BATCH_DELETE_PROFILES.path, act('BatchDeleteProfile', batchDeleteProfiles)],
  [MEMORY_UPDATE_PROFILE.path, act('UpdateProfile', updateProfile)],
  [MEMORY_TRIGGER_PROFILE_UPDATE.path, act('TriggerUpdateProfile', triggerUpdateProfiles)],
  [MEMORY_ADD_EVENT.path, act('AddEvent', addEvent)],
  [MEMORY_UPDATE_EVENT.path, act('UpdateEvent', updateEvent)],
  [MEMORY_DELETE_EVENT.path, act('DeleteEvent', deleteEvent)],
  [MEMORY_BATCH_DELETE_EVENTS.path, act('BatchDeleteEvent', batchDeleteEvents)],
  [MEMORY_ADD_SESSION.path, act('AddSession', addSession)],
  [MEMORY_SESSION_INFO.path, act('GetSessionInfo', sessionInfo)],
  [MEMORY_SEARCH.path, act('SearchMemory', searchMemory)],
  [MEMORY_SEARCH_EVENTS.path, act('SearchEventMemory', searchEvents)],
  [MEMORY_SEARCH_PROFILES.path, act('SearchProfileMemory', searchProfiles)],
  [MEMORY_PING.path, act('Ping', undefined)],
  [KNOWLEDGE_ADD_DOC.path, act('AddDoc', addDoc)],
  [KNOWLEDGE_ADD_DOC_V2.path, act('AddDocV2', addDocV2)],
  [KNOWLEDGE_DELETE_DOC.path, act('DeleteDoc', deleteDoc)],
  [KNOWLEDGE_DOC_INFO.path, act('GetDocInfo', docInfoHandler)],
  [KNOWLEDGE_LIST_DOCS.path, act('ListDocs', listDocs)],
  [KNOWLEDGE_LIST_DOCS_V2.path, act('ListDocsV2', listDocsV2)],
  [KNOWLEDGE_SEARCH_DOCS_BY_FILTER.path, act('SearchDocsByFilter', searchDocsByFilter)],
  [KNOWLEDGE_UPDATE_DOC_META.path, act('UpdateDocMeta', updateDocMeta)],
  [KNOWLEDGE_UPDATE_DOC.path, act('UpdateDoc', updateDoc)],
  [KNOWLEDGE_POINT_INFO.path, act('GetPointInfo', pointInfoHandler)],
  [KNOWLEDGE_LIST_POINTS.path, act('ListPoints', listPoints)],
  [KNOWLEDGE_ADD_POINT.path, act('AddPoint', addPoint)],
  [KNOWLEDGE_UPDATE_POINT.path, act('UpdatePoint', updatePoint)],
  [KNOWLEDGE_DELETE_POINT.path, act('DeletePoint', deletePoint)],
  [KNOWLEDGE_SEARCH_COLLECTION.path, act('SearchCollection', searchCollection)],
  [KNOWLEDGE_SEARCH_KNOWLEDGE.path, act('SearchKnowledge', searchKnowledge)],
  [KNOWLEDGE_RERANK.path, act('Rerank', knowledgeRerank)],
  [KNOWLEDGE_CHAT_COMPLETION.path, act('ChatCompletion', chatCompletions)],
  [KNOWLEDGE_SERVICE_CHAT.path, act('ServiceChat', serviceChat)],
  [KNOWLEDGE_PING.path, act('Ping', undefined)],
]);

/** Joins the catalog with {@link ACTIONS}; throws when a path is on one side only (a programming error). */
export function buildRoutes(
  endpoints: readonly CatalogEndpoint[],
  actions: ReadonlyMap<string, RouteAction>,
): ReadonlyMap<string, Route> {
  const unrouted = endpoints.filter((endpoint) => !actions.has(endpoint.path)).map((endpoint) => endpoint.path);
  const known = new Set(endpoints.map((endpoint) => endpoint.path));
  const unknown = [...actions.keys()].filter((path) => !known.has(path));
  if (unrouted.length > 0 || unknown.length > 0) {
    throw new Error(
      `engine routes and endpoint catalog differ: no handler for [${unrouted}], not in the catalog [${unknown}]`,
    );
  }
  return new Map(endpoints.map((endpoint) => [endpoint.path, { ...actions.get(endpoint.path)!, endpoint }]));
}

/** Path → route, for every path of the catalog. */
export const ROUTES: ReadonlyMap<string, Route> = buildRoutes(ENDPOINTS, ACTIONS);

/** Normalizes a request path: drops a query string or bare `?` and a trailing slash. */
export function normalizePath(path: string): string {
  const bare = path.split('?')[0] ?? '';
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}
