/**
 * The default, deterministic {@link Extractor}:
 *
 * - EVENT: when the messages contain at least one user message and the collection has an event type, one event of the
 *   FIRST event type whose `summary` (or the type's first declared string field) is `"User: "` followed by the user
 *   messages joined with `" / "`, cut to 500 characters.
 * - PROFILE: facts matched in user messages by simple patterns —
 *   name: "my name is X", "call me X", "我叫X", "我的名字是X";
 *   location: "I live in X", "I am/I'm from X", "我住在X", "我来自X";
 *   likes: "I like/love/enjoy X" (also "really/also"), "我(很|也|特别|非常)?喜欢X";
 *   dislikes: "I don't/do not like X", "I dislike/hate X", "我不喜欢X".
 *   X runs to the next punctuation or to "and/but/so I". Facts merge into the previous ones (a new like removes the same dislike and vice
 *   versa; at most 20 of each). The profile of the FIRST profile type gets `user_profile` (or its first declared
 *   string field) rendered as "Name: …. Location: …. Likes: a, b. Dislikes: c."
 */
import type { MemoryTypeConfig } from '../../config/schema';
import type { Extraction, ExtractionInput, Extractor } from './Extractor';
import { messageText, type ProfileFacts } from './MemoryRecords';

const STOP = '[^.,!?;:。，！？；：\\n]';
/** A lazy capture of up to `max` characters that ends at punctuation, the end, or "and/but/so I …". */
function capture(max: number): string {
  return `(${STOP}{1,${max}}?)(?=\\s+(?:and|but|so)\\s+I\\b|[.,!?;:。，！？；：\\n]|$)`;
}
const NAME_PATTERNS = [
  new RegExp(`\\bmy name is ${capture(40)}`, 'iu'),
  new RegExp(`\\bcall me ${capture(40)}`, 'iu'),
  new RegExp(`我叫${capture(20)}`, 'u'),
  new RegExp(`我的名字是${capture(20)}`, 'u'),
];
const LOCATION_PATTERNS = [
  new RegExp(`\\bI live in ${capture(60)}`, 'iu'),
  new RegExp(`\\bI(?: am|'m) from ${capture(60)}`, 'iu'),
  new RegExp(`我住在${capture(30)}`, 'u'),
  new RegExp(`我来自${capture(30)}`, 'u'),
];
const LIKE_PATTERNS = [
  new RegExp(`\\bI (?:really |also )?(?:like|love|enjoy) ${capture(80)}`, 'giu'),
  new RegExp(`我(?:很|也|特别|非常)?喜欢${capture(40)}`, 'gu'),
];
const DISLIKE_PATTERNS = [
  new RegExp(`\\bI (?:don't|do not|don’t) (?:really )?like ${capture(80)}`, 'giu'),
  new RegExp(`\\bI (?:dislike|hate) ${capture(80)}`, 'giu'),
  new RegExp(`我不喜欢${capture(40)}`, 'gu'),
];
const MAX_FACTS = 20;
const MAX_SUMMARY = 500;

function firstMatch(patterns: readonly RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const value = pattern.exec(text)?.[1]?.trim();
    if (value) return value;
  }
  return undefined;
}

function allMatches(patterns: readonly RegExp[], text: string): string[] {
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!.trim()).filter(Boolean));
}

function merge(list: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove.map((item) => item.toLowerCase()));
  const result = list.filter((item) => !removed.has(item.toLowerCase()));
  for (const item of add) {
    if (!result.some((existing) => existing.toLowerCase() === item.toLowerCase())) result.push(item);
  }
  return result.slice(-MAX_FACTS);
}

/** The field a derived memory's text goes into. */
function textField(type: MemoryTypeConfig, preferred: string): string {
  if (type.fields.length === 0 || type.fields.some((field) => field.name === preferred)) return preferred;
  return type.fields.find((field) => field.type === 'string')?.name ?? preferred;
}

/** Renders facts as one line of text. */
export function renderFacts(facts: ProfileFacts): string {
  const parts: string[] = [];
  if (facts.name) parts.push(`Name: ${facts.name}.`);
  if (facts.location) parts.push(`Location: ${facts.location}.`);
  if (facts.likes.length > 0) parts.push(`Likes: ${facts.likes.join(', ')}.`);
  if (facts.dislikes.length > 0) parts.push(`Dislikes: ${facts.dislikes.join(', ')}.`);
  return parts.join(' ');
}

/** Creates the pattern extractor (stateless). */
export function createPatternExtractor(): Extractor {
  return {
    extract({ collection, messages, previousFacts }: ExtractionInput): Extraction {
      const userTexts = messages.filter((m) => m.role === 'user').map(messageText);
      const extraction: Extraction = { events: [], profile: undefined };
      const eventType = collection.eventTypes[0];
      if (eventType && userTexts.length > 0) {
        const summary = `User: ${userTexts.join(' / ')}`;
        extraction.events.push({
          event_type: eventType.name,
          memory_info: {
            [textField(eventType, 'summary')]:
              summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary,
          },
        });
      }
      const profileType = collection.profileTypes[0];
      if (!profileType) return extraction;
      const facts: ProfileFacts = {
        likes: [...(previousFacts?.likes ?? [])],
        dislikes: [...(previousFacts?.dislikes ?? [])],
      };
      if (previousFacts?.name !== undefined) facts.name = previousFacts.name;
      if (previousFacts?.location !== undefined) facts.location = previousFacts.location;
      let learned = false;
      for (const text of userTexts) {
        const name = firstMatch(NAME_PATTERNS, text);
        const location = firstMatch(LOCATION_PATTERNS, text);
        const dislikes = allMatches(DISLIKE_PATTERNS, text);
        const likes = allMatches(LIKE_PATTERNS, text).filter((like) => !dislikes.includes(like));
        if (name) facts.name = name;
        if (location) facts.location = location;
        facts.likes = merge(facts.likes, likes, dislikes);
        facts.dislikes = merge(facts.dislikes, dislikes, likes);
        learned ||= Boolean(name || location || likes.length > 0 || dislikes.length > 0);
      }
      if (learned) {
        extraction.profile = {
          profile_type: profileType.name,
          memory_info: { [textField(profileType, 'user_profile')]: renderFacts(facts) },
          facts,
        };
      }
      return extraction;
    },
  };
}
