/** Records of the memory domain as stored (JSON-compatible). */

/** Roles a session message may have. */
export const MESSAGE_ROLES = ['user', 'assistant', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** One message of a session (extra keys the client sent, such as `time` or `name`, are kept). */
export interface SessionMessage {
  role: MessageRole;
  content: string;
  [extra: string]: unknown;
}

/** A conversation added with `session/add`. */
export interface SessionRecord {
  session_id: string;
  messages: SessionMessage[];
  metadata: Record<string, unknown>;
  /** Epoch ms: `metadata.time` of the first add, else the server time. */
  time: number;
}

/** Structured facts behind a derived profile (kept so later sessions can extend them). */
export interface ProfileFacts {
  name?: string;
  location?: string;
  likes: string[];
  dislikes: string[];
}

/** An event or a profile memory. */
export interface MemoryItem {
  id: string;
  kind: 'event' | 'profile';
  /** The event or profile type (`memory_type` in results). */
  memory_type: string;
  user_id: string;
  assistant_id: string;
  group_id?: string;
  session_id?: string;
  memory_info: Record<string, unknown>;
  /** Epoch ms: when the event happened / the profile last changed. */
  time: number;
  /** Facts of a profile derived from sessions. */
  facts?: ProfileFacts;
}
