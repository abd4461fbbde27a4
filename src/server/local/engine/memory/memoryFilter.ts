/**
 * The memory filters (api doc §4.2): `user_id`, `assistant_id`, `group_id` (a string or an array of strings:
 * equality / membership), `memory_type` (string or string[]; for batch deletes `event_type`/`profile_type`),
 * `start_time`/`end_time` (epoch ms, inclusive, on the memory's time).
 */
import type { BodyReader } from '../BodyReader';
import { invalid } from '../EngineError';
import type { MemoryItem } from './MemoryRecords';

/** A parsed memory filter; absent keys do not restrict. */
export interface MemoryFilter {
  userIds?: ReadonlySet<string>;
  assistantIds?: ReadonlySet<string>;
  groupIds?: ReadonlySet<string>;
  types?: ReadonlySet<string>;
  startTime?: number;
  endTime?: number;
}

function stringSet(filter: BodyReader, key: string): Set<string> | undefined {
  const raw = filter.raw(key);
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  values.forEach((value, i) => {
    if (typeof value !== 'string')
      throw invalid(`${filter.at(key)}${Array.isArray(raw) ? `[${i}]` : ''} must be a string`);
  });
  return new Set(values as string[]);
}

/** Parses a filter object; `typeKeys` names the keys that restrict the memory type. */
export function readMemoryFilter(filter: BodyReader | undefined, typeKeys: readonly string[]): MemoryFilter {
  if (!filter) return {};
  const result: MemoryFilter = {};
  const userIds = stringSet(filter, 'user_id');
  if (userIds) result.userIds = userIds;
  const assistantIds = stringSet(filter, 'assistant_id');
  if (assistantIds) result.assistantIds = assistantIds;
  const groupIds = stringSet(filter, 'group_id');
  if (groupIds) result.groupIds = groupIds;
  for (const key of typeKeys) {
    const types = stringSet(filter, key);
    if (types) result.types = new Set([...(result.types ?? []), ...types]);
  }
  const start = filter.optionalEpochMs('start_time');
  if (start !== undefined) result.startTime = start;
  const end = filter.optionalEpochMs('end_time');
  if (end !== undefined) result.endTime = end;
  return result;
}

/** True when `item` passes `filter`. */
export function matchesMemoryFilter(item: MemoryItem, filter: MemoryFilter): boolean {
  return (
    (!filter.userIds || filter.userIds.has(item.user_id)) &&
    (!filter.assistantIds || filter.assistantIds.has(item.assistant_id)) &&
    (!filter.groupIds || (item.group_id !== undefined && filter.groupIds.has(item.group_id))) &&
    (!filter.types || filter.types.has(item.memory_type)) &&
    (filter.startTime === undefined || item.time >= filter.startTime) &&
    (filter.endTime === undefined || item.time <= filter.endTime)
  );
}
