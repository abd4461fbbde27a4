import type { ResultMeta } from '../vector/types';

/**
 * Addresses a memory collection: a name (project `default`), or `{ collection_name?, resource_id?, project_name? }`
 * with a collection name, a resource id or both (the SDKs send both when given). `project_name` is always sent
 * (default `'default'`), as the Python SDK does.
 */
export type MemoryLocator =
  | string
  | { collection_name: string; resource_id?: string | undefined; project_name?: string | undefined }
  | { resource_id: string; project_name?: string | undefined };

/** The roles the service documents. `addSession` takes any other role name too (see {@link SessionMessageInput}). */
export type MessageRole = 'user' | 'assistant' | 'system';

/** One part of a multi-part message: text, an image by URL, or another part type (sent as given). */
export type MessageContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; [key: string]: unknown } }
  | { type: string & {}; [key: string]: unknown };

/** One conversation turn as `addSession` sends it (keys in camelCase here, snake_case on the wire). */
export interface SessionMessageInput {
  /** A known role, or any other role name (the service judges it). */
  role: MessageRole | (string & {});
  /** The text, or a list of parts (`{ type: 'text', text }`, `{ type: 'image_url', image_url: { url } }`). */
  content: string | readonly MessageContentPart[];
  /** Id of the speaker (`role_id`). Default: none (the session metadata's default user or assistant). */
  roleId?: string | undefined;
  /** Display name of the speaker (`role_name`). Default: none. */
  roleName?: string | undefined;
  /** When the message was sent, epoch ms. Default: the session's time. */
  time?: number | undefined;
}

/** One conversation turn as `sessionInfo` returns it. */
export interface MemoryMessage {
  /** The role as stored: one of the known roles, or another name a session was added with. */
  role: MessageRole;
  /** The text; for a multi-part message, its text parts joined by newlines (the parts are in `parts`). */
  content: string;
  /** The parts of a multi-part message, as sent; `undefined` for a plain-text message. */
  parts?: readonly MessageContentPart[] | undefined;
  roleId?: string | undefined;
  roleName?: string | undefined;
  /** Epoch ms. */
  time?: number | undefined;
}

/** Who and when a session belongs to (`metadata` on the wire, snake_case there). */
export interface SessionMetadata {
  defaultUserId?: string | undefined;
  defaultUserName?: string | undefined;
  defaultAssistantId?: string | undefined;
  defaultAssistantName?: string | undefined;
  groupId?: string | undefined;
  /** Epoch milliseconds. Default: the service's receive time. */
  time?: number | undefined;
}

/**
 * Parameters of `memory.addSession`: messages of one conversation, from which the service extracts events and
 * profiles.
 */
export interface AddSessionParams {
  /** The session to add to. Default: none — the service generates one, returned as the result's `sessionId`. */
  sessionId?: string | undefined;
  /** At least one message. */
  messages: readonly SessionMessageInput[];
  metadata?: SessionMetadata | undefined;
  /** Profiles to update from this session (passed through). */
  profiles?: readonly unknown[] | undefined;
  storeFile?: unknown;
  /** Memory types (event or profile type names) to extract from this session. Default: all of the collection's. */
  extractMemoryType?: string | readonly string[] | undefined;
  /** Expiry of the memories extracted, as an absolute time (epoch ms, `ttl_absolute`). Default: none. */
  ttlAbsolute?: number | undefined;
  /** Expiry of the memories extracted, relative to now (`ttl_relative`). Default: none. */
  ttlRelative?: number | undefined;
}

/** Filters of memory searches (sent snake_case). */
export interface MemoryFilter {
  userId?: string | undefined;
  assistantId?: string | undefined;
  groupId?: string | undefined;
  /** Memory types (event or profile type names) to search, e.g. `['event_v1']`. */
  memoryType?: readonly string[] | undefined;
  /** Epoch ms, inclusive. */
  startTime?: number | undefined;
  /** Epoch ms, inclusive. */
  endTime?: number | undefined;
}

/** Parameters of `memory.search` (events and profiles): a query, a filter and a limit. */
export interface MemorySearchParams {
  /** Semantic query. Without it the newest matching memories come back. */
  query?: string | undefined;
  filter?: MemoryFilter | undefined;
  /** ≥ 1. Default: the service's (10). */
  limit?: number | undefined;
}

/** Parameters of `memory.events.search`: the memory search parameters plus event-only ones. */
export interface EventSearchParams extends MemorySearchParams {
  /** Favour recent events. */
  timeDecayConfig?: { enable?: boolean | undefined; [key: string]: unknown } | undefined;
}

/** A memory (event or profile) found by a search. */
export interface MemoryItem {
  id: string;
  memoryType: string | undefined;
  userId: string | undefined;
  assistantId: string | undefined;
  groupId: string | undefined;
  memoryInfo: Record<string, unknown>;
  score: number | undefined;
  /** Epoch ms. */
  time: number | undefined;
  /** The item exactly as the service sent it, unknown fields included. */
  raw: Record<string, unknown>;
}

export interface MemorySearchResult extends ResultMeta {
  count: number;
  items: MemoryItem[];
}

export interface SessionInfo extends ResultMeta {
  sessionId: string;
  messages: MemoryMessage[];
  metadata: SessionMetadata;
}

/** Parameters of `memory.events.add`: one event of a type, with its fields in `memoryInfo`. */
export interface AddEventParams {
  eventType: string;
  memoryInfo: Record<string, unknown>;
  userId?: string | undefined;
  assistantId?: string | undefined;
  groupId?: string | undefined;
  updateProfiles?: unknown;
}

/** Parameters of `memory.events.update`: the event id and its new `memoryInfo`. */
export interface UpdateEventParams {
  eventId: string;
  memoryInfo: Record<string, unknown>;
  userId?: string | undefined;
  assistantId?: string | undefined;
}

/** Parameters of `memory.events.batchDelete`: which events to delete (by type, user, assistant, time range). */
export interface EventBatchDeleteParams {
  filter?:
    | {
        eventType?: string | undefined;
        userId?: string | undefined;
        assistantId?: string | undefined;
        startTime?: number | undefined;
        endTime?: number | undefined;
      }
    | undefined;
  deleteType?: string | undefined;
}

/** Parameters of `memory.profiles.add`: one profile of a type, with its fields in `memoryInfo`. */
export interface AddProfileParams {
  profileType: string;
  memoryInfo: Record<string, unknown>;
  /** Replace an existing profile of this type for the same user/assistant. Default: false. */
  isUpsert?: boolean | undefined;
  userId?: string | undefined;
  assistantId?: string | undefined;
  groupId?: string | undefined;
}

/** Parameters of `memory.profiles.update`: the profile id and its new `memoryInfo`. */
export interface UpdateProfileParams {
  profileId: string;
  memoryInfo: Record<string, unknown>;
}

/** Parameters of `memory.profiles.batchDelete`: which profiles to delete (by type, user, assistant). */
export interface ProfileBatchDeleteParams {
  filter?:
    { profileType?: string | undefined; userId?: string | undefined; assistantId?: string | undefined } | undefined;
}

/** Parameters of `memory.profiles.triggerUpdate`: which profile types to rebuild from which events. */
export interface TriggerProfileUpdateParams {
  updateProfileType?: string | readonly string[] | undefined;
  /** e.g. `{ userId, endTime }` (sent as `filters`, snake_case). */
  filters?:
    | {
        userId?: string | undefined;
        assistantId?: string | undefined;
        endTime?: number | undefined;
        [key: string]: unknown;
      }
    | undefined;
}

/** Result of a write whose payload the API does not define. */
export interface MemoryWriteResult extends ResultMeta {
  /** The `data` payload as sent. */
  data: Record<string, unknown>;
}
