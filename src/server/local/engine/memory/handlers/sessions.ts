/**
 * `POST /api/memory/session/add` and `/api/memory/session/info` (api doc §4.2).
 *
 * session/add: `session_id` (non-empty string; generated when absent), `messages` (array of `{role, content}`: any
 * role name, content a string or an array of parts; extra keys such as `role_id`, `role_name`, `time` kept), optional
 * `metadata` (`default_user_id`, `default_assistant_id`, `group_id` strings, `time` epoch ms).
 * Adding to an existing session appends its messages and merges its metadata. The {@link Extractor} then derives
 * memories from the NEW messages (one event, profile facts; see `patternExtractor.ts`), with user/assistant/group
 * from the metadata and time = `metadata.time` or now. Session, events and profile are one atomic commit; memories
 * are searchable immediately (the cloud takes ~30 s). Result `{session_id, event_ids, profile_ids}`.
 *
 * session/info: `{session_id, messages, metadata}`; unknown session → 404 code 1000011.
 */
import type { BodyReader } from '../../BodyReader';
import { isJsonObject } from '../../BodyReader';
import { EngineError, invalid } from '../../EngineError';
import type { EngineContext, Handler } from '../../EngineContext';
import { commitChanges } from '../../commitChanges';
import type { MemoryChange, MemoryCollection } from '../MemoryCollection';
import type { MemoryItem, SessionMessage, SessionRecord } from '../MemoryRecords';
import { resolveMemoryCollection } from '../resolveMemoryCollection';
import { quote } from '../../quote';

function readMessages(body: BodyReader): SessionMessage[] {
  const raw = body.array('messages');
  return raw.map((message, i) => {
    const path = `messages[${i}]`;
    if (!isJsonObject(message)) throw invalid(`${path} must be an object {role, content}`);
    const { role, content } = message;
    if (typeof role !== 'string' || role === '')
      throw invalid(`${path}.role must be a role name such as user, assistant or system`);
    if (typeof content === 'string') return { ...message, role, content };
    if (!Array.isArray(content)) throw invalid(`${path}.content must be a string or an array of parts`);
    content.forEach((part, j) => {
      if (!isJsonObject(part) || typeof part['type'] !== 'string')
        throw invalid(`${path}.content[${j}] must be a part object with a "type"`);
      if (part['type'] === 'text' && typeof part['text'] !== 'string')
        throw invalid(`${path}.content[${j}].text must be a string`);
    });
    return { ...message, role, content: content as Array<Record<string, unknown>> };
  });
}

function readMetadata(body: BodyReader): Record<string, unknown> {
  const metadata = body.optionalObject('metadata');
  if (!metadata) return {};
  for (const key of [
    'default_user_id',
    'default_user_name',
    'default_assistant_id',
    'default_assistant_name',
    'group_id',
  ])
    metadata.optionalString(key);
  metadata.optionalEpochMs('time');
  return { ...metadata.value };
}

/** Applies the extractor to new messages; returns the memory changes. */
export function deriveMemories(
  context: EngineContext,
  collection: MemoryCollection,
  session: SessionRecord,
  messages: readonly SessionMessage[],
  time: number,
): MemoryChange[] {
  const metadata = session.metadata;
  const owner = {
    user_id: typeof metadata['default_user_id'] === 'string' ? metadata['default_user_id'] : '',
    assistant_id: typeof metadata['default_assistant_id'] === 'string' ? metadata['default_assistant_id'] : '',
  };
  const groupId = typeof metadata['group_id'] === 'string' ? metadata['group_id'] : undefined;
  const profileType = collection.config.profileTypes[0]?.name;
  const existing = [...collection.profiles.values()].find(
    (p) =>
      p.memory_type === profileType &&
      p.user_id === owner.user_id &&
      p.assistant_id === owner.assistant_id &&
      p.group_id === groupId,
  );
  const extraction = context.extractor.extract({
    collection: collection.config,
    messages,
    previousFacts: existing?.facts,
  });
  const changes: MemoryChange[] = [];
  for (const event of extraction.events) {
    const item: MemoryItem = {
      id: collection.newId('evt', context.now(), context.random),
      kind: 'event',
      memory_type: event.event_type,
      ...owner,
      session_id: session.session_id,
      memory_info: event.memory_info,
      time,
    };
    if (groupId !== undefined) item.group_id = groupId;
    changes.push({ kind: 'events', key: item.id, value: item });
  }
  if (extraction.profile) {
    const item: MemoryItem = {
      id: existing?.id ?? collection.newId('prof', context.now(), context.random),
      kind: 'profile',
      memory_type: extraction.profile.profile_type,
      ...owner,
      memory_info: { ...existing?.memory_info, ...extraction.profile.memory_info },
      time,
      facts: extraction.profile.facts,
    };
    if (groupId !== undefined) item.group_id = groupId;
    changes.push({ kind: 'profiles', key: item.id, value: item });
  }
  return changes;
}

export const addSession: Handler = async (context, body) => {
  const collection = resolveMemoryCollection(context, body);
  // Without a session_id the service makes one (and returns it), as the cloud does.
  const givenId = body.optionalString('session_id');
  if (givenId === '') throw invalid('session_id must not be empty (leave it out to have one generated)');
  const sessionId = givenId ?? collection.newId('sess', context.now(), context.random);
  const messages = readMessages(body);
  const metadata = readMetadata(body);
  body.optionalArray('profiles');
  return context.writes.run(async () => {
    const previous = collection.sessions.get(sessionId);
    const time = typeof metadata['time'] === 'number' ? metadata['time'] : context.now();
    const session: SessionRecord = {
      session_id: sessionId,
      messages: [...(previous?.messages ?? []), ...messages],
      metadata: { ...previous?.metadata, ...metadata },
      time: previous?.time ?? time,
    };
    const changes: MemoryChange[] = [
      { kind: 'sessions', key: sessionId, value: session },
      ...deriveMemories(context, collection, session, messages, time),
    ];
    await commitChanges(context, collection, changes);
    return {
      session_id: sessionId,
      event_ids: changes.filter((c) => c.kind === 'events').map((c) => c.key),
      profile_ids: changes.filter((c) => c.kind === 'profiles').map((c) => c.key),
    };
  });
};

export const sessionInfo: Handler = async (context, body) => {
  const collection = resolveMemoryCollection(context, body);
  const sessionId = body.string('session_id');
  const session = collection.sessions.get(sessionId);
  if (!session) throw new EngineError('dataNotFound', `session ${quote(sessionId)} does not exist`);
  return { session_id: session.session_id, messages: session.messages, metadata: session.metadata };
};
