/**
 * `POST /api/memory/search`, `/event/search`, `/profile/search` (api doc §4.2): `query` (optional), `filter`
 * (`user_id`, `assistant_id`, `group_id`, `memory_type` string[] of configured types, `start_time`/`end_time` epoch
 * ms), `limit` (default 10, 1..1000), `time_decay_config` (`{enable, half_life_days?}`). Ranking: see
 * `rankMemories.ts`. Result `{count, result_list: [{id, memory_type, user_id, assistant_id, group_id?, memory_info,
 * score, time}]}` (`count` = length of result_list).
 */
import { invalid } from '../../EngineError';
import type { EngineContext, Handler } from '../../EngineContext';
import type { BodyReader } from '../../BodyReader';
import { matchesMemoryFilter, readMemoryFilter } from '../memoryFilter';
import type { MemoryItem } from '../MemoryRecords';
import { DEFAULT_HALF_LIFE_DAYS, rankMemories } from '../rankMemories';
import { resolveMemoryCollection } from '../resolveMemoryCollection';

/** Default and largest `limit`. */
export const DEFAULT_MEMORY_LIMIT = 10;
export const MAX_MEMORY_LIMIT = 1000;

async function searchIn(
  context: EngineContext,
  body: BodyReader,
  kinds: { events: boolean; profiles: boolean },
): Promise<unknown> {
  const collection = resolveMemoryCollection(context, body);
  const query = body.optionalString('query');
  const limit = body.optionalInteger('limit', { min: 1, max: MAX_MEMORY_LIMIT }) ?? DEFAULT_MEMORY_LIMIT;
  const filter = readMemoryFilter(body.optionalObject('filter'), ['memory_type']);
  const known = [...collection.typeNames.events, ...collection.typeNames.profiles];
  for (const type of filter.types ?? []) {
    if (!known.includes(type))
      throw invalid(`filter.memory_type: unknown type '${type}' (configured: ${known.join(', ') || 'none'})`);
  }
  const decayConfig = body.optionalObject('time_decay_config');
  const decayEnabled = decayConfig?.optionalBoolean('enable') ?? false;
  const halfLife = decayConfig?.optionalNumber('half_life_days', { min: 0.001 }) ?? DEFAULT_HALF_LIFE_DAYS;
  const pool: MemoryItem[] = [
    ...(kinds.events ? collection.events.values() : []),
    ...(kinds.profiles ? collection.profiles.values() : []),
  ].filter((item) => matchesMemoryFilter(item, filter));
  const ranked = await rankMemories(
    pool,
    { query, limit, now: context.now(), decayHalfLifeDays: decayEnabled ? halfLife : undefined },
    context.embedder,
  );
  const resultList = ranked.map(({ item, score }) => {
    const result: Record<string, unknown> = {
      id: item.id,
      memory_type: item.memory_type,
      user_id: item.user_id,
      assistant_id: item.assistant_id,
      memory_info: { ...item.memory_info },
      score,
      time: item.time,
    };
    if (item.group_id !== undefined) result['group_id'] = item.group_id;
    // Which conversation an event came from, so a UI can open the session (not part of the documented shape).
    if (item.session_id !== undefined) result['session_id'] = item.session_id;
    return result;
  });
  return { count: resultList.length, result_list: resultList };
}

export const searchMemory: Handler = (context, body) => searchIn(context, body, { events: true, profiles: true });
export const searchEvents: Handler = (context, body) => searchIn(context, body, { events: true, profiles: false });
export const searchProfiles: Handler = (context, body) => searchIn(context, body, { events: false, profiles: true });
