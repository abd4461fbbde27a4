/**
 * Every path the engine answers: the 16 vector paths (api doc §3.1), the 15 memory paths (§4.1), the 19 knowledge
 * paths (knowledge api doc §3) and `/ping`.
 * Data paths are POST only; ping paths answer GET (and POST for the vector ping, which Java sends).
 */
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
import type { ApiDomain } from './envelopes';
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

/** One routed API. */
export interface Route {
  domain: ApiDomain;
  /** API name (the vector envelope's `api`). */
  api: string;
  methods: readonly string[];
  /** `undefined` for ping routes (answered without a body). */
  handler: Handler | undefined;
}

const post = ['POST'] as const;

function vector(api: string, handler: Handler): Route {
  return { domain: 'vector', api, methods: post, handler };
}

function memory(api: string, handler: Handler): Route {
  return { domain: 'memory', api, methods: post, handler };
}

function knowledge(api: string, handler: Handler): Route {
  return { domain: 'knowledge', api, methods: post, handler };
}

/** Path → route. */
export const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['/api/vikingdb/data/upsert', vector('UpsertData', upsert)],
  ['/api/vikingdb/data/update', vector('UpdateData', update)],
  ['/api/vikingdb/data/delete', vector('DeleteData', deleteRows)],
  ['/api/vikingdb/data/fetch_in_collection', vector('FetchDataInCollection', fetchInCollection)],
  ['/api/vikingdb/data/fetch_in_index', vector('FetchDataInIndex', fetchInIndex)],
  ['/api/vikingdb/data/search/vector', vector('SearchByVector', searchByVector)],
  ['/api/vikingdb/data/search/multi_modal', vector('SearchByMultiModal', searchByMultiModal)],
  ['/api/vikingdb/data/search/id', vector('SearchById', searchById)],
  ['/api/vikingdb/data/search/scalar', vector('SearchByScalar', searchByScalar)],
  ['/api/vikingdb/data/search/keywords', vector('SearchByKeywords', searchByKeywords)],
  ['/api/vikingdb/data/search/random', vector('SearchByRandom', searchByRandom)],
  ['/api/vikingdb/data/agg', vector('Aggregate', aggregate)],
  ['/api/vikingdb/data/sort', vector('Sort', sort)],
  ['/api/vikingdb/embedding', vector('Embedding', embedding)],
  ['/api/vikingdb/rerank', vector('Rerank', rerank)],
  ['/api/vikingdb/Ping', { domain: 'vector', api: 'Ping', methods: ['GET', 'POST'], handler: undefined }],
  ['/ping', { domain: 'vector', api: 'Ping', methods: ['GET', 'POST'], handler: undefined }],
  ['/api/memory/profile/add', memory('AddProfile', addProfile)],
  ['/api/memory/profile/delete', memory('DeleteProfile', deleteProfile)],
  ['/api/memory/profile/batch_delete', memory('BatchDeleteProfile', batchDeleteProfiles)],
  ['/api/memory/profile/update', memory('UpdateProfile', updateProfile)],
  ['/api/memory/profile/trigger_update', memory('TriggerUpdateProfile', triggerUpdateProfiles)],
  ['/api/memory/event/add', memory('AddEvent', addEvent)],
  ['/api/memory/event/update', memory('UpdateEvent', updateEvent)],
  ['/api/memory/event/delete', memory('DeleteEvent', deleteEvent)],
  ['/api/memory/event/batch_delete', memory('BatchDeleteEvent', batchDeleteEvents)],
  ['/api/memory/session/add', memory('AddSession', addSession)],
  ['/api/memory/session/info', memory('GetSessionInfo', sessionInfo)],
  ['/api/memory/search', memory('SearchMemory', searchMemory)],
  ['/api/memory/event/search', memory('SearchEventMemory', searchEvents)],
  ['/api/memory/profile/search', memory('SearchProfileMemory', searchProfiles)],
  ['/api/memory/ping', { domain: 'memory', api: 'Ping', methods: ['GET'], handler: undefined }],
  ['/api/knowledge/doc/add', knowledge('AddDoc', addDoc)],
  ['/api/knowledge/doc/v2/add', knowledge('AddDocV2', addDocV2)],
  ['/api/knowledge/doc/delete', knowledge('DeleteDoc', deleteDoc)],
  ['/api/knowledge/doc/info', knowledge('GetDocInfo', docInfoHandler)],
  ['/api/knowledge/doc/list', knowledge('ListDocs', listDocs)],
  ['/api/knowledge/doc/v2/list', knowledge('ListDocsV2', listDocsV2)],
  ['/api/knowledge/doc/v2/search_by_filter', knowledge('SearchDocsByFilter', searchDocsByFilter)],
  ['/api/knowledge/doc/update_meta', knowledge('UpdateDocMeta', updateDocMeta)],
  ['/api/knowledge/doc/update', knowledge('UpdateDoc', updateDoc)],
  ['/api/knowledge/point/info', knowledge('GetPointInfo', pointInfoHandler)],
  ['/api/knowledge/point/list', knowledge('ListPoints', listPoints)],
  ['/api/knowledge/point/add', knowledge('AddPoint', addPoint)],
  ['/api/knowledge/point/update', knowledge('UpdatePoint', updatePoint)],
  ['/api/knowledge/point/delete', knowledge('DeletePoint', deletePoint)],
  ['/api/knowledge/collection/search', knowledge('SearchCollection', searchCollection)],
  ['/api/knowledge/collection/search_knowledge', knowledge('SearchKnowledge', searchKnowledge)],
  ['/api/knowledge/service/rerank', knowledge('Rerank', knowledgeRerank)],
  ['/api/knowledge/chat/completions', knowledge('ChatCompletion', chatCompletions)],
  ['/api/knowledge/service/chat', knowledge('ServiceChat', serviceChat)],
]);

/** Normalizes a request path: drops a query string or bare `?` and a trailing slash. */
export function normalizePath(path: string): string {
  const bare = path.split('?')[0] ?? '';
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}

/** True when `path` is `prefix` itself or lies under it (`/api/memory`, `/api/memory/`, `/api/memory/x`). */
function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * The domain whose error envelope a path gets, known or not (trailing slash included): everything under
 * `/api/knowledge` and `/api/memory` answers with the integer-code envelope of its domain, everything else with the
 * vector one.
 */
export function domainOfPath(path: string): ApiDomain {
  if (isUnder(path, '/api/knowledge')) return 'knowledge';
  return isUnder(path, '/api/memory') ? 'memory' : 'vector';
}
