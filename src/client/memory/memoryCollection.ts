import { asArray, asNumber, asRecord, asString } from '../shared/read';
import { camelKeys, snakeKeys, wireKeys } from '../shared/snakeKeys';
import { metaOf } from '../shared/withMeta';
import type { Endpoint } from '../transport/Endpoint';
import type { RequestOptions } from '../transport/RequestOptions';
import type { ApiResponse, Transport } from '../transport/transport';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import { MEMORY_ENDPOINTS } from './endpoints';
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
  /** `event/add`: adds one event; resolves with its id. */
  add(
    params: AddEventParams,
    options?: RequestOptions,
  ): Promise<ResultMeta & { eventId: string | undefined; data: Record<string, unknown> }>;
  /** `event/update`: replaces the `memoryInfo` of an event. */
  update(params: UpdateEventParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  /** `event/delete`: deletes one event by id. */
  delete(eventId: string, options?: RequestOptions): Promise<MemoryWriteResult>;
  /** `event/batch_delete`: deletes the events the filter matches (all when no filter). */
  batchDelete(params?: EventBatchDeleteParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  /** `event/search`: searches the events (query, filter, limit). */
  search(params?: EventSearchParams, options?: RequestOptions): Promise<MemorySearchResult>;
}

/** Profiles of a memory collection (api doc §4.1 #1–5, #14). */
export interface MemoryProfiles {
  /** `profile/add`: adds one profile (or replaces it with `isUpsert`); resolves with its id. */
  add(
    params: AddProfileParams,
    options?: RequestOptions,
  ): Promise<ResultMeta & { profileId: string | undefined; data: Record<string, unknown> }>;
  /** `profile/update`: replaces the `memoryInfo` of a profile. */
  update(params: UpdateProfileParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  /** `profile/delete`: deletes one profile by id. */
  delete(profileId: string, options?: RequestOptions): Promise<MemoryWriteResult>;
  /** `profile/batch_delete`: deletes the profiles the filter matches (all when no filter). */
  batchDelete(params?: ProfileBatchDeleteParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  /** `profile/trigger_update`: asks the service to rebuild profiles from the events now. */
  triggerUpdate(params?: TriggerProfileUpdateParams, options?: RequestOptions): Promise<MemoryWriteResult>;
  /** `profile/search`: searches the profiles (query, filter, limit). */
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
      const result = await write(MEMORY_ENDPOINTS.addSession, addSessionSchema, p, body, options);
      // The service generates a session id when none is given; it is returned either way.
      return { ...result, sessionId: asString(result.data['session_id']) ?? p.sessionId ?? '' };
    },
    async sessionInfo(sessionId, options) {
      const response = await send(
        MEMORY_ENDPOINTS.sessionInfo,
        idSchema,
        sessionId,
        idBody('session_id', sessionId),
        options,
      );
      const data = asRecord(response.payload);
      return {
        ...metaOf(response),
        sessionId: asString(data['session_id']) ?? sessionId,
        messages: asArray(data['messages']).map(toMessage),
        metadata: camelKeys(asRecord(data['metadata'])) as SessionMetadata,
      };
    },
    search: (p = {}, options) => search(MEMORY_ENDPOINTS.search, p, options),
    events: {
      async add(p, options) {
        const result = await write(MEMORY_ENDPOINTS.addEvent, addEventSchema, p, paramsBody(p), options);
        return { ...result, eventId: asString(result.data['event_id']) };
      },
      update: (p, options) => write(MEMORY_ENDPOINTS.updateEvent, updateEventSchema, p, paramsBody(p), options),
      delete: (eventId, options) =>
        write(MEMORY_ENDPOINTS.deleteEvent, idSchema, eventId, idBody('event_id', eventId), options),
      batchDelete: (p = {}, options) =>
        write(MEMORY_ENDPOINTS.batchDeleteEvents, batchDeleteSchema, p, paramsBody(p, ['filter']), options),
      search: (p = {}, options) => search(MEMORY_ENDPOINTS.searchEvents, p, options),
    },
    profiles: {
      async add(p, options) {
        // `is_upsert` is always sent (default false), as the Python SDK does.
        const body = () => ({ is_upsert: false, ...wireKeys(p) });
        const result = await write(MEMORY_ENDPOINTS.addProfile, addProfileSchema, p, body, options);
        return { ...result, profileId: asString(result.data['profile_id']) };
      },
      update: (p, options) => write(MEMORY_ENDPOINTS.updateProfile, updateProfileSchema, p, paramsBody(p), options),
      delete: (profileId, options) =>
        write(MEMORY_ENDPOINTS.deleteProfile, idSchema, profileId, idBody('profile_id', profileId), options),
      batchDelete: (p = {}, options) =>
        write(MEMORY_ENDPOINTS.batchDeleteProfiles, batchDeleteSchema, p, paramsBody(p, ['filter']), options),
      triggerUpdate: (p = {}, options) =>
        write(MEMORY_ENDPOINTS.triggerProfileUpdate, triggerUpdateSchema, p, paramsBody(p, ['filters']), options),
      search: (p = {}, options) => search(MEMORY_ENDPOINTS.searchProfiles, p, options),
    },
  };
}
