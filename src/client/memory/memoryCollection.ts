import type { VikingCore } from '../createVikingCore';
import type { RequestOptions } from '../transport/RequestOptions';
import type { ResultMeta } from '../vector/types';
import { memoryLocatorFields, type MemoryLocatorFields } from './memoryLocator';
import {
  addEvent,
  addProfile,
  addSession,
  batchDeleteEvents,
  batchDeleteProfiles,
  deleteEvent,
  deleteProfile,
  searchEvents,
  searchMemory,
  searchProfiles,
  sessionInfo,
  triggerProfileUpdate,
  updateEvent,
  updateProfile,
} from './memoryOperations';
import type {
  AddEventParams,
  AddProfileParams,
  AddSessionParams,
  EventBatchDeleteParams,
  EventSearchParams,
  MemoryLocator,
  MemorySearchParams,
  MemorySearchResult,
  MemoryWriteResult,
  ProfileBatchDeleteParams,
  SessionInfo,
  TriggerProfileUpdateParams,
  UpdateEventParams,
  UpdateProfileParams,
} from './types';

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

/** The object form of a memory collection's calls: each method calls its standalone function (memoryOperations). */
export function createMemoryCollection(core: VikingCore, collection: MemoryLocator): MemoryCollection {
  // Checked now, so a bad locator fails where the collection is named rather than at its first call.
  const locator = memoryLocatorFields(collection);
  return {
    locator,
    addSession: (params, options) => addSession(core, collection, params, options),
    sessionInfo: (sessionId, options) => sessionInfo(core, collection, sessionId, options),
    search: (params, options) => searchMemory(core, collection, params, options),
    events: {
      add: (params, options) => addEvent(core, collection, params, options),
      update: (params, options) => updateEvent(core, collection, params, options),
      delete: (eventId, options) => deleteEvent(core, collection, eventId, options),
      batchDelete: (params, options) => batchDeleteEvents(core, collection, params, options),
      search: (params, options) => searchEvents(core, collection, params, options),
    },
    profiles: {
      add: (params, options) => addProfile(core, collection, params, options),
      update: (params, options) => updateProfile(core, collection, params, options),
      delete: (profileId, options) => deleteProfile(core, collection, profileId, options),
      batchDelete: (params, options) => batchDeleteProfiles(core, collection, params, options),
      triggerUpdate: (params, options) => triggerProfileUpdate(core, collection, params, options),
      search: (params, options) => searchProfiles(core, collection, params, options),
    },
  };
}
