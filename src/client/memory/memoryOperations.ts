import type { VikingCore } from '../createVikingCore';
import { asArray, asNumber, asRecord, asString } from '../shared/read';
import { camelKeys, snakeKeys, wireKeys } from '../shared/snakeKeys';
import { metaOf } from '../shared/withMeta';
import type { Endpoint } from '../transport/Endpoint';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import type { ResultMeta } from '../vector/types';
import { MEMORY_ENDPOINTS } from './endpoints';
import { memoryLocatorFields } from './memoryLocator';
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

/*
 * Every memory call (api doc §4.1) as a standalone function `(core, collection, params, options?)`, named like the
 * hooks; `client.memory.collection(…)` calls these. Bodies: every key the caller passed, top-level names in snake_case
 * (and those of the filter, metadata, filters and time decay objects); `memory_info`, `profiles` and message content
 * as given. The locator goes on top.
 */

/** Checks `params` with `schema`, then sends `body` (built only from checked params) with the locator. */
function send(
  core: VikingCore,
  collection: MemoryLocator,
  endpoint: Endpoint,
  schema: SchemaSource,
  params: unknown,
  body: () => Record<string, unknown>,
  options: RequestOptions | undefined,
) {
  const where = memoryLocatorFields(collection, endpoint.name);
  assertValid(endpoint.name, schemaIssues(schema, params));
  return core.transport.call(endpoint, { ...body(), ...where }, options);
}

async function write(...args: Parameters<typeof send>): Promise<MemoryWriteResult> {
  const response = await send(...args);
  return { ...metaOf(response), data: asRecord(response.payload) };
}

/** A body of every parameter (a memory call's params are always an object once checked). */
const paramsBody =
  (params: object, nested: readonly string[] = []) =>
  () =>
    wireKeys(params, nested);
const idBody = (key: string, id: string) => () => ({ [key]: id });

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

/** The three memory searches share their parameters' checks and their result. */
async function search(
  core: VikingCore,
  collection: MemoryLocator,
  endpoint: Endpoint,
  params: EventSearchParams,
  options: RequestOptions | undefined,
): Promise<MemorySearchResult> {
  const body = paramsBody(params, ['filter', 'timeDecayConfig']);
  const response = await send(core, collection, endpoint, searchSchema, params, body, options);
  const data = asRecord(response.payload);
  const items = asArray(data['result_list']).map(toMemoryItem);
  return { ...metaOf(response), count: asNumber(data['count']) ?? items.length, items };
}

/**
 * `POST /api/memory/session/add`: stores a conversation; the service extracts events and profiles from it. Without
 * `sessionId` the service generates one: the result's `sessionId` is the one it used (`''` only if it did not say).
 *
 * @example
 * await addSession(viking, 'sdk_test', { sessionId: 's1', messages: [{ role: 'user', content: 'hi' }] });
 */
export async function addSession(
  core: VikingCore,
  collection: MemoryLocator,
  params: AddSessionParams,
  options?: RequestOptions,
): Promise<ResultMeta & { sessionId: string; data: Record<string, unknown> }> {
  const body = () => ({ ...wireKeys(params, ['metadata']), messages: params.messages.map((m) => snakeKeys(m)) });
  const result = await write(core, collection, MEMORY_ENDPOINTS.addSession, addSessionSchema, params, body, options);
  // The service generates a session id when none is given; it is returned either way.
  return { ...result, sessionId: asString(result.data['session_id']) ?? params.sessionId ?? '' };
}

/** `POST /api/memory/session/info`: a stored session with its messages. */
export async function sessionInfo(
  core: VikingCore,
  collection: MemoryLocator,
  sessionId: string,
  options?: RequestOptions,
): Promise<SessionInfo> {
  const endpoint = MEMORY_ENDPOINTS.sessionInfo;
  const response = await send(
    core,
    collection,
    endpoint,
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
}

/** `POST /api/memory/search`: events and profiles together (params default `{}`: the newest matches). */
export function searchMemory(
  core: VikingCore,
  collection: MemoryLocator,
  params: MemorySearchParams = {},
  options?: RequestOptions,
): Promise<MemorySearchResult> {
  return search(core, collection, MEMORY_ENDPOINTS.search, params, options);
}

/** `POST /api/memory/event/search`: events, with optional time decay (params default `{}`). */
export function searchEvents(
  core: VikingCore,
  collection: MemoryLocator,
  params: EventSearchParams = {},
  options?: RequestOptions,
): Promise<MemorySearchResult> {
  return search(core, collection, MEMORY_ENDPOINTS.searchEvents, params, options);
}

/** `POST /api/memory/profile/search`: profiles (params default `{}`). */
export function searchProfiles(
  core: VikingCore,
  collection: MemoryLocator,
  params: MemorySearchParams = {},
  options?: RequestOptions,
): Promise<MemorySearchResult> {
  return search(core, collection, MEMORY_ENDPOINTS.searchProfiles, params, options);
}

/** `POST /api/memory/event/add`: adds an event; answers its `eventId`. Not retried unless the call asks. */
export async function addEvent(
  core: VikingCore,
  collection: MemoryLocator,
  params: AddEventParams,
  options?: RequestOptions,
): Promise<ResultMeta & { eventId: string | undefined; data: Record<string, unknown> }> {
  const endpoint = MEMORY_ENDPOINTS.addEvent;
  const result = await write(core, collection, endpoint, addEventSchema, params, paramsBody(params), options);
  return { ...result, eventId: asString(result.data['event_id']) };
}

/** `POST /api/memory/event/update`: changes an event's `memoryInfo`. */
export function updateEvent(
  core: VikingCore,
  collection: MemoryLocator,
  params: UpdateEventParams,
  options?: RequestOptions,
): Promise<MemoryWriteResult> {
  const endpoint = MEMORY_ENDPOINTS.updateEvent;
  return write(core, collection, endpoint, updateEventSchema, params, paramsBody(params), options);
}

/** `POST /api/memory/event/delete`: deletes one event by id. */
export function deleteEvent(
  core: VikingCore,
  collection: MemoryLocator,
  eventId: string,
  options?: RequestOptions,
): Promise<MemoryWriteResult> {
  return write(core, collection, MEMORY_ENDPOINTS.deleteEvent, idSchema, eventId, idBody('event_id', eventId), options);
}

/** `POST /api/memory/event/batch_delete`: deletes the events matching a filter (params default `{}`). */
export function batchDeleteEvents(
  core: VikingCore,
  collection: MemoryLocator,
  params: EventBatchDeleteParams = {},
  options?: RequestOptions,
): Promise<MemoryWriteResult> {
  const endpoint = MEMORY_ENDPOINTS.batchDeleteEvents;
  return write(core, collection, endpoint, batchDeleteSchema, params, paramsBody(params, ['filter']), options);
}

/**
 * `POST /api/memory/profile/add`: adds a profile; answers its `profileId`. `is_upsert` is always sent (default false,
 * as the Python SDK does). Not retried unless the call asks.
 */
export async function addProfile(
  core: VikingCore,
  collection: MemoryLocator,
  params: AddProfileParams,
  options?: RequestOptions,
): Promise<ResultMeta & { profileId: string | undefined; data: Record<string, unknown> }> {
  const body = () => ({ is_upsert: false, ...wireKeys(params) });
  const result = await write(core, collection, MEMORY_ENDPOINTS.addProfile, addProfileSchema, params, body, options);
  return { ...result, profileId: asString(result.data['profile_id']) };
}

/** `POST /api/memory/profile/update`: changes a profile's `memoryInfo`. */
export function updateProfile(
  core: VikingCore,
  collection: MemoryLocator,
  params: UpdateProfileParams,
  options?: RequestOptions,
): Promise<MemoryWriteResult> {
  const endpoint = MEMORY_ENDPOINTS.updateProfile;
  return write(core, collection, endpoint, updateProfileSchema, params, paramsBody(params), options);
}

/** `POST /api/memory/profile/delete`: deletes one profile by id. */
export function deleteProfile(
  core: VikingCore,
  collection: MemoryLocator,
  profileId: string,
  options?: RequestOptions,
): Promise<MemoryWriteResult> {
  const body = idBody('profile_id', profileId);
  return write(core, collection, MEMORY_ENDPOINTS.deleteProfile, idSchema, profileId, body, options);
}

/** `POST /api/memory/profile/batch_delete`: deletes the profiles matching a filter (params default `{}`). */
export function batchDeleteProfiles(
  core: VikingCore,
  collection: MemoryLocator,
  params: ProfileBatchDeleteParams = {},
  options?: RequestOptions,
): Promise<MemoryWriteResult> {
  const endpoint = MEMORY_ENDPOINTS.batchDeleteProfiles;
  return write(core, collection, endpoint, batchDeleteSchema, params, paramsBody(params, ['filter']), options);
}

/** `POST /api/memory/profile/trigger_update`: asks the service to rebuild profiles (params default `{}`). */
export function triggerProfileUpdate(
  core: VikingCore,
  collection: MemoryLocator,
  params: TriggerProfileUpdateParams = {},
  options?: RequestOptions,
): Promise<MemoryWriteResult> {
  const endpoint = MEMORY_ENDPOINTS.triggerProfileUpdate;
  return write(core, collection, endpoint, triggerUpdateSchema, params, paramsBody(params, ['filters']), options);
}
