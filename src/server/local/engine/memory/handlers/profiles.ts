/**
 * Profile memories (api doc §4.1/§4.2): `profile/add` (`profile_type` configured, `memory_info`, optional
 * `user_id`/`assistant_id`/`group_id`; `is_upsert: true` merges into the existing profile of the same type and
 * owner instead of adding one) → `{profile_id}`; `profile/update` (memory_info merged key by key) and
 * `profile/delete` → `{profile_id}`, unknown id → 404 code 1000011; `profile/batch_delete` (filter keys
 * `profile_type`, `user_id`, `assistant_id`, `group_id`; none = all) → `{deleted_count}`;
 * `profile/trigger_update`: re-derives profiles of `update_profile_type` (string or string[]; default all) from the
 * stored sessions matching `filters` (`user_id`, `assistant_id`, `start_time`, `end_time` on the session time),
 * one profile per (user, assistant, group), sessions in time order → `{profile_ids}`.
 */
import { invalid } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { commitChanges } from '../../commitChanges';
import { matchesMemoryFilter, readMemoryFilter } from '../memoryFilter';
import type { MemoryChange } from '../MemoryCollection';
import type { MemoryItem, SessionRecord } from '../MemoryRecords';
import { readMemoryInfo, requireType } from '../readMemoryInfo';
import { resolveMemoryCollection } from '../resolveMemoryCollection';
import { batchDeleteHandler, deleteHandler, updateHandler, type MemoryItemKind } from './memoryItemHandlers';

const PROFILES: MemoryItemKind = {
  name: 'profile',
  table: 'profiles',
  types: (collection) => collection.config.profileTypes,
  revise: (_profile, _body, context) => ({ time: context.now() }),
  deleteTypes: false,
};

export const addProfile: Handler = async (context, body) => {
  const collection = resolveMemoryCollection(context, body);
  const type = requireType(collection.config.profileTypes, body.string('profile_type'), 'profile_type');
  const memoryInfo = readMemoryInfo(body, type);
  const isUpsert = body.optionalBoolean('is_upsert') ?? false;
  const userId = body.optionalString('user_id') ?? '';
  const assistantId = body.optionalString('assistant_id') ?? '';
  const groupId = body.optionalString('group_id');
  return context.writes.run(async () => {
    const now = context.now();
    const existing = isUpsert
      ? [...collection.profiles.values()].find(
          (p) =>
            p.memory_type === type.name &&
            p.user_id === userId &&
            p.assistant_id === assistantId &&
            p.group_id === groupId,
        )
      : undefined;
    const item: MemoryItem = existing
      ? { ...existing, memory_info: { ...existing.memory_info, ...memoryInfo }, time: now }
      : {
          id: collection.newId('prof', now, context.random),
          kind: 'profile',
          memory_type: type.name,
          user_id: userId,
          assistant_id: assistantId,
          memory_info: memoryInfo,
          time: now,
        };
    if (!existing && groupId !== undefined) item.group_id = groupId;
    await commitChanges(context, collection, [{ kind: 'profiles', key: item.id, value: item }]);
    return { profile_id: item.id };
  });
};

export const updateProfile: Handler = updateHandler(PROFILES);
export const deleteProfile: Handler = deleteHandler(PROFILES);
export const batchDeleteProfiles: Handler = batchDeleteHandler(PROFILES);

function sessionOwner(session: SessionRecord): { user_id: string; assistant_id: string; group_id: string | undefined } {
  const m = session.metadata;
  return {
    user_id: typeof m['default_user_id'] === 'string' ? m['default_user_id'] : '',
    assistant_id: typeof m['default_assistant_id'] === 'string' ? m['default_assistant_id'] : '',
    group_id: typeof m['group_id'] === 'string' ? m['group_id'] : undefined,
  };
}

export const triggerUpdateProfiles: Handler = async (context, body) => {
  const collection = resolveMemoryCollection(context, body);
  const rawTypes = body.raw('update_profile_type');
  const typeNames =
    rawTypes === undefined || rawTypes === ''
      ? collection.config.profileTypes.map((t) => t.name)
      : typeof rawTypes === 'string'
        ? [rawTypes]
        : (body.optionalStringArray('update_profile_type') ?? []);
  typeNames.forEach((name, i) => requireType(collection.config.profileTypes, name, `update_profile_type[${i}]`));
  const filter = readMemoryFilter(body.optionalObject('filters'), []);
  const derivedType = collection.config.profileTypes[0]?.name;
  if (derivedType === undefined || !typeNames.includes(derivedType)) return { profile_ids: [] };
  if (filter.types) throw invalid('filters: use update_profile_type to choose profile types');
  return context.writes.run(async () => {
    const groups = new Map<string, SessionRecord[]>();
    const sessions = [...collection.sessions.values()].sort((a, b) => a.time - b.time);
    for (const session of sessions) {
      const owner = sessionOwner(session);
      const probe: MemoryItem = {
        id: '',
        kind: 'event',
        memory_type: '',
        user_id: owner.user_id,
        assistant_id: owner.assistant_id,
        memory_info: {},
        time: session.time,
      };
      if (owner.group_id !== undefined) probe.group_id = owner.group_id;
      if (!matchesMemoryFilter(probe, filter)) continue;
      const key = JSON.stringify([owner.user_id, owner.assistant_id, owner.group_id ?? null]);
      groups.set(key, [...(groups.get(key) ?? []), session]);
    }
    const changes: MemoryChange[] = [];
    for (const group of groups.values()) {
      const owner = sessionOwner(group[0]!);
      const extraction = context.extractor.extract({
        collection: collection.config,
        messages: group.flatMap((session) => session.messages),
        previousFacts: undefined,
      });
      if (!extraction.profile) continue;
      const existing = [...collection.profiles.values()].find(
        (p) =>
          p.memory_type === derivedType &&
          p.user_id === owner.user_id &&
          p.assistant_id === owner.assistant_id &&
          p.group_id === owner.group_id,
      );
      const item: MemoryItem = {
        id: existing?.id ?? collection.newId('prof', context.now(), context.random),
        kind: 'profile',
        memory_type: derivedType,
        user_id: owner.user_id,
        assistant_id: owner.assistant_id,
        memory_info: { ...existing?.memory_info, ...extraction.profile.memory_info },
        time: context.now(),
        facts: extraction.profile.facts,
      };
      if (owner.group_id !== undefined) item.group_id = owner.group_id;
      changes.push({ kind: 'profiles', key: item.id, value: item });
    }
    await commitChanges(context, collection, changes);
    return { profile_ids: changes.map((c) => c.key) };
  });
};
