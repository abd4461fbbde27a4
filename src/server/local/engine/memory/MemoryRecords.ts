/** Records of the memory domain as stored (JSON-compatible). */

/**
 * One message of a session: any role name (the extractor reads `user` messages), `content` as a string or a list of
 * parts (`{type:'text', text}`, `{type:'image_url', image_url:{url}}`, …); extra keys the client sent, such as
 * `role_id`, `role_name` or `time`, are kept.
 */
export interface SessionMessage {
  role: string;
  content: string | Array<Record<string, unknown>>;
  [extra: string]: unknown;
}

/** The text of a message: its content, or the text of its text parts joined by newlines. */
export function messageText(message: SessionMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return content
    .map((part) => part['text'])
    .filter((text): text is string => typeof text === 'string')
    .join('\n');
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
