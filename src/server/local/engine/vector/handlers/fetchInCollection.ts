/**
 * `POST /api/vikingdb/data/fetch_in_collection` (api doc §3.5): rows by primary key, straight from the collection
 * (writes are visible at once, whatever the index delay). `fields` holds every field of the row, dense and sparse
 * vectors included (not the primary key, which is `id`). Ids that do not exist, have expired or cannot be keys of
 * this collection are listed, as given, in `ids_not_exist` (always an array).
 */
import type { Handler } from '../../EngineContext';
import { lookupKeys } from '../primaryKey';
import { resolveCollection } from '../resolveCollection';
import { copyValue } from '../searchBase';

export const fetchInCollection: Handler = async (context, body) => {
  const collection = resolveCollection(context, body);
  const ids = body.array('ids');
  const parsed = lookupKeys(ids, collection.schema.primaryKey.kind, 'ids');
  const now = context.now();
  const visibleFields = [...collection.schema.fields.values()].filter((f) => !f.hidden).map((f) => f.name);
  const fetch: Array<{ id: unknown; fields: Record<string, unknown> }> = [];
  const idsNotExist: unknown[] = [];
  parsed.forEach((key, i) => {
    const row = key && collection.visible(key.key, now);
    if (!row) {
      idsNotExist.push(ids[i]);
      return;
    }
    const fields: Record<string, unknown> = {};
    for (const name of visibleFields) if (name in row.fields) fields[name] = copyValue(row.fields[name]);
    fetch.push({ id: row.id, fields });
  });
  return { fetch, ids_not_exist: idsNotExist };
};
