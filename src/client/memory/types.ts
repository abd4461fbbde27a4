import type { ResultMeta } from '../vector/types';

/**
 * Addresses a memory collection: a name (project `default`), `{ collection_name, project_name? }`, or
 * `{ resource_id }`. `project_name` is always sent (default `'default'`), as the Python SDK does.
 */
export type MemoryLocator =
  | string
  | { collection_name: string; project_name?: string | undefined }
  | { resource_id: string; project_name?: string | undefined };

export type MessageRole = 'user' | 'assistant' | 'system';

/** One conversation turn. */
export interface MemoryMessage {
  role: MessageRole;
  content: string;
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

export interface AddSessionParams {
  sessionId: string;
  /** At least one message. */
  messages: readonly MemoryMessage[];
  metadata?: SessionMetadata | undefined;
  /** Profiles to update from this session (passed through). */
  profiles?: readonly unknown[] | undefined;
  storeFile?: unknown;
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

export interface MemorySearchParams {
  /** Semantic query. Without it the newest matching memories come back. */
  query?: string | undefined;
  filter?: MemoryFilter | undefined;
  /** ≥ 1. Default: the service's (10). */
  limit?: number | undefined;
}

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
  /** The payload exactly as sent. */
  raw: Record<string, unknown>;
}

export interface AddEventParams {
  eventType: string;
  memoryInfo: Record<string, unknown>;
  userId?: string | undefined;
  assistantId?: string | undefined;
  groupId?: string | undefined;
  updateProfiles?: unknown;
}

export interface UpdateEventParams {
  eventId: string;
  memoryInfo: Record<string, unknown>;
  userId?: string | undefined;
  assistantId?: string | undefined;
}

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

export interface AddProfileParams {
  profileType: string;
  memoryInfo: Record<string, unknown>;
  /** Replace an existing profile of this type for the same user/assistant. Default: false. */
  isUpsert?: boolean | undefined;
  userId?: string | undefined;
  assistantId?: string | undefined;
  groupId?: string | undefined;
}

export interface UpdateProfileParams {
  profileId: string;
  memoryInfo: Record<string, unknown>;
}

export interface ProfileBatchDeleteParams {
  filter?:
    { profileType?: string | undefined; userId?: string | undefined; assistantId?: string | undefined } | undefined;
}

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
