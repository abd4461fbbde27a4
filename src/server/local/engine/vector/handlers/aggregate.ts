/**
 * `POST /api/vikingdb/data/agg` (api doc §3.13). Only `op: "count"`.
 *
 * - `field` (a string/int64/bool/list scalar field of the index; list values count once per element): result
 *   `{agg: {<value>: count}, op: "count", field}`.
 * - no `field`: result `{agg: {"__TOTAL__": count}, op: "count"}` (local choice; the cloud's shape is undocumented).
 * - `cond` `{gt?: n, gte?: n}` keeps only groups whose count passes (HAVING); other keys → 400.
 * - `order` `asc`/`desc` orders groups by count (ties by value). Note: JSON object keys that look like integers are
 *   always serialized in ascending numeric order by JavaScript, so `order` is visible only for non-integer keys.
 * `filter` and `partition` restrict the rows counted.
 */
import { invalid } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { scalarFieldType } from '../CollectionSchema';
import { resolveIndex } from '../resolveCollection';
import { candidateSlots, readFilter, readPartition } from '../searchBase';
import { quote } from '../../quote';

/** Key of the total count when no field is given. */
export const TOTAL_KEY = '__TOTAL__';

export const aggregate: Handler = async (context, body) => {
  const { collection, index } = resolveIndex(context, body);
  const op = body.string('op');
  if (op !== 'count') throw invalid(`op ${quote(op)} is not supported; the only aggregate op is "count"`);
  const field = body.locator('field');
  const cond = body.optionalObject('cond');
  const condition: { gt?: number; gte?: number } = {};
  if (cond) {
    for (const key of Object.keys(cond.value)) {
      if (key !== 'gt' && key !== 'gte') throw invalid(`cond.${key} is not supported (use gt or gte)`);
      const value = cond.optionalNumber(key);
      if (value !== undefined) condition[key] = value;
    }
  }
  const order = body.optionalString('order');
  if (order !== undefined && order !== 'asc' && order !== 'desc')
    throw invalid(`order must be "asc" or "desc" (got ${quote(order)})`);
  if (field !== undefined) {
    const type = scalarFieldType(collection.schema, index.schema, field);
    if (type === undefined || type === 'float32')
      throw invalid(`field: ${quote(field)} is not a string/int64/bool scalar field of index '${index.schema.name}'`);
  }
  const candidates = candidateSlots(
    index,
    { filter: readFilter(body, index), partition: readPartition(body, index) },
    context.now(),
  );
  const counts = new Map<string, number>();
  if (field === undefined) counts.set(TOTAL_KEY, candidates.length);
  else {
    const column = index.column(field);
    for (const slot of candidates) {
      const value = column[slot];
      for (const item of Array.isArray(value) ? value : [value]) {
        const key = String(item);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  let groups = [...counts].filter(
    ([, count]) =>
      (condition.gt === undefined || count > condition.gt) && (condition.gte === undefined || count >= condition.gte),
  );
  if (order !== undefined)
    groups = groups.sort(([ak, a], [bk, b]) => (a !== b ? (order === 'asc' ? a - b : b - a) : ak < bk ? -1 : 1));
  const result: Record<string, unknown> = { agg: Object.fromEntries(groups), op };
  if (field !== undefined) result['field'] = field;
  return result;
};
