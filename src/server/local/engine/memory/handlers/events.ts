/**
 * Event memories (api doc §4.1/§4.2): `event/add` (`event_type` must be a configured event type; `memory_info`
 * object; optional `user_id`, `assistant_id`, `group_id`; `update_profiles` ignored) → `{event_id}`;
 * `event/update` (`event_id`, `memory_info` merged key by key, optional `user_id`/`assistant_id`) → `{event_id}`;
 * `event/delete` → `{event_id}`; unknown ids → 404 code 1000011. `event/batch_delete`: `delete_type` `"filter"`
 * (default) or `"all"`; filter keys `event_type`, `user_id`, `assistant_id`, `group_id`, `start_time`, `end_time`
 * (no keys = every event) → `{deleted_count}`.
 */
import type { Handler } from '../../EngineContext';
import { commitChanges } from '../../commitChanges';
import type { MemoryItem } from '../MemoryRecords';
import { readMemoryInfo, requireType } from '../readMemoryInfo';
import { resolveMemoryCollection } from '../resolveMemoryCollection';
import { batchDeleteHandler, deleteHandler, updateHandler, type MemoryItemKind } from './memoryItemHandlers';

const EVENTS: MemoryItemKind = {
  name: 'event',
  table: 'events',
  types: (collection) => collection.config.eventTypes,
  revise: (event, body) => ({
    user_id: body.optionalString('user_id') ?? event.user_id,
    assistant_id: body.optionalString('assistant_id') ?? event.assistant_id,
  }),
  deleteTypes: true,
};

export const addEvent: Handler = async (context, body) => {
  const collection = resolveMemoryCollection(context, body);
  const type = requireType(collection.config.eventTypes, body.string('event_type'), 'event_type');
  const memoryInfo = readMemoryInfo(body, type);
  const userId = body.optionalString('user_id') ?? '';
  const assistantId = body.optionalString('assistant_id') ?? '';
  const groupId = body.optionalString('group_id');
  return context.writes.run(async () => {
    const now = context.now();
    const item: MemoryItem = {
      id: collection.newId('evt', now, context.random),
      kind: 'event',
      memory_type: type.name,
      user_id: userId,
      assistant_id: assistantId,
      memory_info: memoryInfo,
      time: now,
    };
    if (groupId !== undefined) item.group_id = groupId;
    await commitChanges(context, collection, [{ kind: 'events', key: item.id, value: item }]);
    return { event_id: item.id };
  });
};

export const updateEvent: Handler = updateHandler(EVENTS);
export const deleteEvent: Handler = deleteHandler(EVENTS);
export const batchDeleteEvents: Handler = batchDeleteHandler(EVENTS);
