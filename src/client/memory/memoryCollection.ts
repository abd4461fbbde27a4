import { ValidationError } from '../errors/ValidationError';
import { asArray, asNumber, asRecord, asString } from '../shared/read';
import { camelKeys, snakeKeys } from '../shared/snakeKeys';
import { metaOf } from '../shared/withMeta';
import type { Endpoint } from '../transport/Endpoint';
import type { RequestOptions } from '../transport/RequestOptions';
import type { ApiResponse, Transport } from '../transport/transport';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import { MEMORY_ENDPOINTS } from './endpoints';
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
  readonly locator: Readonly<{ collection_name?: string; resource_id?: string; project_name: string }>;
  /** Stores a conversation; the service extracts events and profiles from it (`…/session/add`). */
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

function memoryLocator(locator: MemoryLocator) {
  if (typeof locator === 'string' && locator !== '') return { collection_name: locator, project_name: 'default' };
  if (locator && typeof locator === 'object') {
    const project_name = locator.project_name || 'default';
    if ('collection_name' in locator && locator.collection_name)
      return { collection_name: locator.collection_name, project_name };
    if ('resource_id' in locator && locator.resource_id) return { resource_id: locator.resource_id, project_name };
  }
  throw new ValidationError('memory.collection', [
    { path: 'collection', message: 'give a collection name, or { collection_name, project_name } or { resource_id }' },
  ]);
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

export function createMemoryCollection(transport: Transport, locator: MemoryLocator): MemoryCollection {
  const where = memoryLocator(locator);

  async function send(
    endpoint: Endpoint,
    schema: SchemaSource,
    params: unknown,
    body: Record<string, unknown>,
    options?: RequestOptions,
  ) {
    assertValid(endpoint.name, schemaIssues(schema, params));
    return transport.call(endpoint, { ...body, ...where }, options);
  }

  async function write(
    endpoint: Endpoint,
    schema: SchemaSource,
    params: unknown,
    body: Record<string, unknown>,
    options?: RequestOptions,
  ) {
    const response = await send(endpoint, schema, params, body, options);
    return { ...metaOf(response), data: asRecord(response.payload) };
  }

  const searchBody = (p: EventSearchParams) => ({ query: p.query, filter: snakeKeys(p.filter), limit: p.limit });

  return {
    locator: where,
    async addSession(p, options) {
      const body = {
        session_id: p.sessionId,
        messages: p.messages,
        metadata: snakeKeys(p.metadata),
        profiles: p.profiles,
        store_file: p.storeFile,
      };
      const result = await write(MEMORY_ENDPOINTS.addSession, addSessionSchema, p, body, options);
      return { ...result, sessionId: asString(result.data['session_id']) ?? p.sessionId };
    },
    async sessionInfo(sessionId, options) {
      const response = await send(
        MEMORY_ENDPOINTS.sessionInfo,
        idSchema,
        sessionId,
        { session_id: sessionId },
        options,
      );
      const data = asRecord(response.payload);
      return {
        ...metaOf(response),
        sessionId: asString(data['session_id']) ?? sessionId,
        messages: asArray(data['messages']) as MemoryMessage[],
        metadata: camelKeys(asRecord(data['metadata'])) as SessionMetadata,
        raw: data,
      };
    },
    search: async (p = {}, options) =>
      toSearchResult(await send(MEMORY_ENDPOINTS.search, searchSchema, p, searchBody(p), options)),
    events: {
      async add(p, options) {
        const body = {
          event_type: p.eventType,
          memory_info: p.memoryInfo,
          user_id: p.userId,
          assistant_id: p.assistantId,
          group_id: p.groupId,
          update_profiles: p.updateProfiles,
        };
        const result = await write(MEMORY_ENDPOINTS.addEvent, addEventSchema, p, body, options);
        return { ...result, eventId: asString(result.data['event_id']) };
      },
      update: (p, options) =>
        write(
          MEMORY_ENDPOINTS.updateEvent,
          updateEventSchema,
          p,
          { event_id: p.eventId, memory_info: p.memoryInfo, user_id: p.userId, assistant_id: p.assistantId },
          options,
        ),
      delete: (eventId, options) =>
        write(MEMORY_ENDPOINTS.deleteEvent, idSchema, eventId, { event_id: eventId }, options),
      batchDelete: (p = {}, options) =>
        write(
          MEMORY_ENDPOINTS.batchDeleteEvents,
          batchDeleteSchema,
          p,
          { delete_type: p.deleteType, filter: snakeKeys(p.filter) },
          options,
        ),
      search: async (p = {}, options) =>
        toSearchResult(
          await send(
            MEMORY_ENDPOINTS.searchEvents,
            searchSchema,
            p,
            { ...searchBody(p), time_decay_config: p.timeDecayConfig },
            options,
          ),
        ),
    },
    profiles: {
      async add(p, options) {
        const body = {
          profile_type: p.profileType,
          memory_info: p.memoryInfo,
          is_upsert: p.isUpsert ?? false,
          user_id: p.userId,
          assistant_id: p.assistantId,
          group_id: p.groupId,
        };
        const result = await write(MEMORY_ENDPOINTS.addProfile, addProfileSchema, p, body, options);
        return { ...result, profileId: asString(result.data['profile_id']) };
      },
      update: (p, options) =>
        write(
          MEMORY_ENDPOINTS.updateProfile,
          updateProfileSchema,
          p,
          { profile_id: p.profileId, memory_info: p.memoryInfo },
          options,
        ),
      delete: (profileId, options) =>
        write(MEMORY_ENDPOINTS.deleteProfile, idSchema, profileId, { profile_id: profileId }, options),
      batchDelete: (p = {}, options) =>
        write(MEMORY_ENDPOINTS.batchDeleteProfiles, batchDeleteSchema, p, { filter: snakeKeys(p.filter) }, options),
      triggerUpdate: (p = {}, options) =>
        write(
          MEMORY_ENDPOINTS.triggerProfileUpdate,
          triggerUpdateSchema,
          p,
          { update_profile_type: p.updateProfileType, filters: snakeKeys(p.filters) },
          options,
        ),
      search: async (p = {}, options) =>
        toSearchResult(await send(MEMORY_ENDPOINTS.searchProfiles, searchSchema, p, searchBody(p), options)),
    },
  };
}
