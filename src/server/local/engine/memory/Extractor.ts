/**
 * The seam that turns a conversation into memories. `session/add` and `profile/trigger_update` call it; the default
 * is the deterministic {@link createPatternExtractor}. An LLM-backed extractor can implement the same interface.
 */
import type { MemoryCollectionConfig } from '../../config/schema';
import type { ProfileFacts, SessionMessage } from './MemoryRecords';

/** What the extractor sees. */
export interface ExtractionInput {
  collection: MemoryCollectionConfig;
  /** The messages to learn from (for session/add: the messages just added). */
  messages: readonly SessionMessage[];
  /** Facts of the profile this conversation updates, if it exists. */
  previousFacts: ProfileFacts | undefined;
}

/** What the extractor derives. */
export interface Extraction {
  /** Events to add. */
  events: Array<{ event_type: string; memory_info: Record<string, unknown> }>;
  /** The updated profile of the first profile type, or `undefined` when nothing was learned. */
  profile: { profile_type: string; memory_info: Record<string, unknown>; facts: ProfileFacts } | undefined;
}

export interface Extractor {
  extract(input: ExtractionInput): Extraction;
}
