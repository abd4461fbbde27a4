/**
 * What events and profiles share (api doc §4.1/§4.2): update by id (`memory_info` merged key by key), delete by id
 * (unknown id → 404 code 1000011) and batch delete by filter (`{deleted_count}`). `events.ts` and `profiles.ts` add
 * what differs: how an item is added, and which fields an update may change.
 */
import type { MemoryTypeConfig } from '../../../config/schema';
import type { BodyReader } from '../../BodyReader';
import { EngineError, invalid } from '../../EngineError';
import type { EngineContext, Handler } from '../../EngineContext';
import { commitChanges } from '../../commitChanges';
import { quote } from '../../quote';
import { matchesMemoryFilter, readMemoryFilter } from '../memoryFilter';
import type { MemoryCollection } from '../MemoryCollection';
import type { MemoryItem } from '../MemoryRecords';
import { readMemoryInfo } from '../readMemoryInfo';
import { resolveMemoryCollection } from '../resolveMemoryCollection';

/** One kind of memory item. */
export interface MemoryItemKind {
  /** `event` or `profile`: the id field is `<name>_id`, the filter's type key `<name>_type`. */
  readonly name: 'event' | 'profile';
  /** The collection's map and storage space of these items. */
  readonly table: 'events' | 'profiles';
  /** The configured types of these items. */
  readonly types: (collection: MemoryCollection) => readonly MemoryTypeConfig[];
  /** The fields an update sets besides `memory_info` (e.g. a new time). */
  readonly revise: (item: MemoryItem, body: BodyReader, context: EngineContext) => Partial<MemoryItem>;
  /** Whether batch delete takes `delete_type` (`"filter"`, the default, or `"all"`). */
  readonly deleteTypes: boolean;
}

function requireItem(kind: MemoryItemKind, collection: MemoryCollection, body: BodyReader): MemoryItem {
  const id = body.string(`${kind.name}_id`);
  const item = collection[kind.table].get(id);
  if (!item) throw new EngineError('dataNotFound', `${kind.name} ${quote(id)} does not exist`);
  return item;
}

/** `<kind>/update`: `memory_info` merged key by key, plus the kind's own revisions → `{<kind>_id}`. */
export function updateHandler(kind: MemoryItemKind): Handler {
  return async (context, body) => {
    const collection = resolveMemoryCollection(context, body);
    body.string(`${kind.name}_id`);
    return context.writes.run(async () => {
      const item = requireItem(kind, collection, body);
      const type = kind.types(collection).find((t) => t.name === item.memory_type);
      const memoryInfo = readMemoryInfo(body, type);
      const updated: MemoryItem = {
        ...item,
        memory_info: { ...item.memory_info, ...memoryInfo },
        ...kind.revise(item, body, context),
      };
      await commitChanges(context, collection, [{ kind: kind.table, key: item.id, value: updated }]);
      return { [`${kind.name}_id`]: item.id };
    });
  };
}

/** `<kind>/delete` → `{<kind>_id}`. */
export function deleteHandler(kind: MemoryItemKind): Handler {
  return async (context, body) => {
    const collection = resolveMemoryCollection(context, body);
    body.string(`${kind.name}_id`);
    return context.writes.run(async () => {
      const item = requireItem(kind, collection, body);
      await commitChanges(context, collection, [{ kind: kind.table, key: item.id, value: undefined }]);
      return { [`${kind.name}_id`]: item.id };
    });
  };
}

/** `<kind>/batch_delete`: every item matching `filter` (none = all) → `{deleted_count}`. */
export function batchDeleteHandler(kind: MemoryItemKind): Handler {
  return async (context, body) => {
    const collection = resolveMemoryCollection(context, body);
    const deleteType = kind.deleteTypes ? (body.locator('delete_type') ?? 'filter') : 'filter';
    if (deleteType !== 'filter' && deleteType !== 'all')
      throw invalid(`delete_type must be "filter" or "all" (got ${JSON.stringify(deleteType)})`);
    const filter =
      deleteType === 'all' ? {} : readMemoryFilter(body.optionalObject('filter'), [`${kind.name}_type`, 'memory_type']);
    return context.writes.run(async () => {
      const doomed = [...collection[kind.table].values()].filter((item) => matchesMemoryFilter(item, filter));
      await commitChanges(
        context,
        collection,
        doomed.map((item) => ({ kind: kind.table, key: item.id, value: undefined })),
      );
      return { deleted_count: doomed.length };
    });
  };
}
