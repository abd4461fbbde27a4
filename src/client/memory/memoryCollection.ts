import { asArray, asNumber, asRecord, asString } from '../shared/read';
import { camelKeys, snakeKeys, wireKeys } from '../shared/snakeKeys';
import { metaOf } from '../shared/withMeta';
import type { Endpoint } from '../transport/Endpoint';
import type { RequestOptions } from '../transport/RequestOptions';
import type { ApiResponse, Transport } from '../transport/transport';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import {
  MEMORY_ADD_EVENT,
  MEMORY_ADD_PROFILE,
  MEMORY_ADD_SESSION,
  MEMORY_BATCH_DELETE_EVENTS,
  MEMORY_BATCH_DELETE_PROFILES,
  MEMORY_DELETE_EVENT,
  MEMORY_DELETE_PROFILE,
  MEMORY_SEARCH,
  MEMORY_SEARCH_EVENTS,
  MEMORY_SEARCH_PROFILES,
  MEMORY_SESSION_INFO,
  MEMORY_TRIGGER_PROFILE_UPDATE,
  MEMORY_UPDATE_EVENT,
  MEMORY_UPDATE_PROFILE,
} from '../endpoints';
import { memoryLocatorFields, type MemoryLocatorFields } from './memoryLocator';
import {
  addEventSchema,
  addProfileSchema,
  addSessionSchema,
  batchDeleteSchema,
  idSchema,
  searchSchema,
  triggerUpdateSchema,
  updateEventSchema,
  updateProfileSchema,
} from './schemas';
import type {
  AddEventParams,
  AddProfileParams,
  AddSessionParams,
  EventBatchDeleteParams,
  EventSearchParams,
  MemoryItem,
  MemoryLocator,
  MemoryMessage,
  MemorySearchParams,
  MemorySearchResult,
  MemoryWriteResult,
  ProfileBatchDeleteParams,
  SessionInfo,
  SessionMetadata,
  TriggerProfileUpdateParams,
  UpdateEventParams,
  UpdateProfileParams,
} from './types';
import type { ResultMeta } from '../vector/types';

/** Events of a memory collection (api doc §4.1 #6–9, #13). */
export interface MemoryEvents {
  add(
    params: AddEventParams,
    options?: RequestOptions,
  ): Promise<ResultMeta & { eventId: string | undefined; data: Record<string, unknown> }>;
  update(params: UpdateEventParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  delete(eventId: string, options?: RequestOptions): Promise<MemoryWriteResult>;
  batchDelete(params?: EventBatchDeleteParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  search(params?: EventSearchParams, options?: RequestOptions): Promise<MemorySearchResult>;
}

/** Profiles of a memory collection (api doc §4.1 #1–5, #14). */
export interface MemoryProfiles {
  add(
    params: AddProfileParams,
    options?: RequestOptions,
  ): Promise<ResultMeta & { profileId: string | undefined; data: Record<string, unknown> }>;
  update(params: UpdateProfileParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  delete(profileId: string, options?: RequestOptions): Promise<MemoryWriteResult>;
  batchDelete(params?: ProfileBatchDeleteParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  triggerUpdate(params?: TriggerProfileUpdateParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  search(params?: MemorySearchParams, options?: RequestOptions): Promise<MemorySearchResult>;
}

/** One memory collection: sessions, memory search, events and profiles. */
export interface MemoryCollection {
  /** The wire fields that address this collection. */
  readonly locator: Readonly<MemoryLocatorFields>;
  /**
   * Stores a conversation; the service extracts events and profiles from it (`…/session/add`). Without `sessionId`
   * the service generates one: the result's `sessionId` is the one it used (`''` only if it did not say).
   */
  addSession(
    params: AddSessionParams,
    options?: RequestOptions,
  ): Promise<ResultMeta & { sessionId: string; data: Record<string, unknown> }>;
  /** A stored session with its messages (`…/session/info`). */
  sessionInfo(sessionId: string, options?: RequestOptions): Promise<SessionInfo>;
  /** Searches events and profiles together (`…/search`). */
  search(params?: MemorySearchParams, options?: RequestOptions): Promise<MemorySearchResult>;
  readonly events: MemoryEvents;
  readonly profiles: MemoryProfiles;
}

function toMemoryItem(raw: unknown): MemoryItem {
  const item = asRecord(raw);
  return {
    id: String(item['id'] ?? item['event_id'] ?? item['profile_id'] ?? ''),
    memoryType: asString(item['memory_type']),
    userId: asString(item['user_id']),
    assistantId: asString(item['assistant_id']),
    groupId: asString(item['group_id']),
    memoryInfo: asRecord(item['memory_info']),
    score: asNumber(item['score']),
    time: asNumber(item['time']),
    raw: item,
  };
}

function toSearchResult(response: ApiResponse<unknown>): MemorySearchResult {
  const data = asRecord(response.payload);
  const items = asArray(data['result_list']).map(toMemoryItem);
  return { ...metaOf(response), count: asNumber(data['count']) ?? items.length, items };
}

/** A message as `sessionInfo` returns it: camelCase names; a multi-part message's text in `content`, its parts in `parts`. */
function toMessage(raw: unknown): MemoryMessage {
  const message = camelKeys(asRecord(raw));
  const { content } = message;
  if (Array.isArray(content)) {
    message['parts'] = content;
    message['content'] = content
      .map((part) => asString(asRecord(part)['text']))
      .filter((text) => text !== undefined)
      .join('\n');
  } else {
    message['content'] = asString(content) ?? '';
  }
  return message as unknown as MemoryMessage;
}

/*
 * Bodies: every key the caller passed, top-level names in snake_case (and those of the filter, metadata, filters and
 * time decay objects); `memory_info`, `profiles` and message content as given. The locator goes on top.
 */

export function createMemoryCollection(transport: Transport, locator: MemoryLocator): MemoryCollection {
  const where = memoryLocatorFields(locator);

  /** Checks `params` with `schema`, then sends `body` (built only from checked params) with the locator. */
  async function send(
    endpoint: Endpoint,
    schema: SchemaSource,
    params: unknown,
    body: () => Record<string, unknown>,
    options?: RequestOptions,
  ) {
    assertValid(endpoint.name, schemaIssues(schema, params));
    return transport.call(endpoint, { ...body(), ...where }, options);
  }

  async function write(
    endpoint: Endpoint,
    schema: SchemaSource,
    params: unknown,
    body: () => Record<string, unknown>,
    options?: RequestOptions,
  ) {
    const response = await send(endpoint, schema, params, body, options);
    return { ...metaOf(response), data: asRecord(response.payload) };
  }

  /** A body of every parameter (a memory call's params are always an object once checked). */
  const paramsBody =
    (p: object, nested: readonly string[] = []) =>
    () =>
      wireKeys(p, nested);
  const idBody = (key: string, id: string) => () => ({ [key]: id });
  const search = async (endpoint: Endpoint, p: EventSearchParams, options?: RequestOptions) =>
    toSearchResult(await send(endpoint, searchSchema, p, paramsBody(p, ['filter', 'timeDecayConfig']), options));

  return {
    locator: where,
    async addSession(p, options) {
      const body = () => ({ ...wireKeys(p, ['metadata']), messages: p.messages.map((m) => snakeKeys(m)) });
      const result = await write(MEMORY_ADD_SESSION, addSessionSchema, p, body, options);
      // The service generates a session id when none is given; it is returned either way.
      return { ...result, sessionId: asString(result.data['session_id']) ?? p.sessionId ?? '' };
    },
    async sessionInfo(sessionId, options) {
      const response = await send(MEMORY_SESSION_INFO, idSchema, sessionId, idBody('session_id', sessionId), options);
      const data = asRecord(response.payload);
      return {
        ...metaOf(response),
        sessionId: asString(data['session_id']) ?? sessionId,
        messages: asArray(data['messages']).map(toMessage),
        metadata: camelKeys(asRecord(data['metadata'])) as SessionMetadata,
      };
    },
    search: (p = {}, options) => search(MEMORY_SEARCH, p, options),
    events: {
      async add(p, options) {
        const result = await write(MEMORY_ADD_EVENT, addEventSchema, p, paramsBody(p), options);
        return { ...result, eventId: asString(result.data['event_id']) };
      },
      update: (p, options) => write(MEMORY_UPDATE_EVENT, updateEventSchema, p, paramsBody(p), options),
      delete: (eventId, options) => write(MEMORY_DELETE_EVENT, idSchema, eventId, idBody('event_id', eventId), options),
      batchDelete: (p = {}, options) =>
        write(MEMORY_BATCH_DELETE_EVENTS, batchDeleteSchema, p, paramsBody(p, ['filter']), options),
      search: (p = {}, options) => search(MEMORY_SEARCH_EVENTS, p, options),
    },
    profiles: {
      async add(p, options) {
        // `is_upsert` is always sent (default false), as the Python SDK does.
        const body = () => ({ is_upsert: false, ...wireKeys(p) });
        const result = await write(MEMORY_ADD_PROFILE, addProfileSchema, p, body, options);
        return { ...result, profileId: asString(result.data['profile_id']) };
      },
      update: (p, options) => write(MEMORY_UPDATE_PROFILE, updateProfileSchema, p, paramsBody(p), options),
      delete: (profileId, options) =>
        write(MEMORY_DELETE_PROFILE, idSchema, profileId, idBody('profile_id', profileId), options),
      batchDelete: (p = {}, options) =>
        write(MEMORY_BATCH_DELETE_PROFILES, batchDeleteSchema, p, paramsBody(p, ['filter']), options),
      triggerUpdate: (p = {}, options) =>
        write(MEMORY_TRIGGER_PROFILE_UPDATE, triggerUpdateSchema, p, paramsBody(p, ['filters']), options),
      search: (p = {}, options) => search(MEMORY_SEARCH_PROFILES, p, options),
    },
  };
}
