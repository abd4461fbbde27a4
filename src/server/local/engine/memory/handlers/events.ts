/**
 * Event memories (api doc §4.1/§4.2): `event/add` (`event_type` must be a configured event type; `memory_info`
 * object; optional `user_id`, `assistant_id`, `group_id`; `update_profiles` ignored) → `{event_id}`;
 * `event/update` (`event_id`, `memory_info` merged key by key, optional `user_id`/`assistant_id`) → `{event_id}`;
 * `event/delete` → `{event_id}`; unknown ids → 404 code 1000011. `event/batch_delete`: `delete_type` `"filter"`
 * (default) or `"all"`; filter keys `event_type`, `user_id`, `assistant_id`, `group_id`, `start_time`, `end_time`
 * (no keys = every event) → `{deleted_count}`.
 */
import type { BodyReader } from '../../BodyReader';
import { EngineError, invalid } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { commitChanges } from '../../commitChanges';
import { matchesMemoryFilter, readMemoryFilter } from '../memoryFilter';
import type { MemoryCollection } from '../MemoryCollection';
import type { MemoryItem } from '../MemoryRecords';
import { readMemoryInfo, requireType } from '../readMemoryInfo';
import { resolveMemoryCollection } from '../resolveMemoryCollection';
import { quote } from '../../quote';

function requireEvent(collection: MemoryCollection, body: BodyReader): MemoryItem {
  const id = body.string('event_id');
  const event = collection.events.get(id);
  if (!event) throw new EngineError('dataNotFound', `event ${quote(id)} does not exist`);
  return event;
}

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

export const updateEvent: Handler = async (context, body) => {
  const collection = resolveMemoryCollection(context, body);
  body.string('event_id');
  return context.writes.run(async () => {
    const event = requireEvent(collection, body);
    const type = collection.config.eventTypes.find((t) => t.name === event.memory_type);
    const memoryInfo = readMemoryInfo(body, type);
    const updated: MemoryItem = {
      ...event,
      memory_info: { ...event.memory_info, ...memoryInfo },
      user_id: body.optionalString('user_id') ?? event.user_id,
      assistant_id: body.optionalString('assistant_id') ?? event.assistant_id,
    };
    await commitChanges(context, collection, [{ kind: 'events', key: event.id, value: updated }]);
    return { event_id: event.id };
  });
};

export const deleteEvent: Handler = async (context, body) => {
  const collection = resolveMemoryCollection(context, body);
  body.string('event_id');
  return context.writes.run(async () => {
    const event = requireEvent(collection, body);
    await commitChanges(context, collection, [{ kind: 'events', key: event.id, value: undefined }]);
    return { event_id: event.id };
  });
};

export const batchDeleteEvents: Handler = async (context, body) => {
  const collection = resolveMemoryCollection(context, body);
  const deleteType = body.locator('delete_type') ?? 'filter';
  if (deleteType !== 'filter' && deleteType !== 'all')
    throw invalid(`delete_type must be "filter" or "all" (got ${JSON.stringify(deleteType)})`);
  const filter =
    deleteType === 'all' ? {} : readMemoryFilter(body.optionalObject('filter'), ['event_type', 'memory_type']);
  return context.writes.run(async () => {
    const doomed = [...collection.events.values()].filter((event) => matchesMemoryFilter(event, filter));
    await commitChanges(
      context,
      collection,
      doomed.map((event) => ({ kind: 'events', key: event.id, value: undefined })),
    );
    return { deleted_count: doomed.length };
  });
};
