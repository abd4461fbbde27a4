/**
 * `POST /api/vikingdb/data/fetch_in_index` (api doc §3.6): rows by primary key as the index sees them (subject to
 * the index delay), restricted to `partition` when given. Each item: `{id, fields, dense_vector, dense_dim}` plus
 * `sparse_vector` when the index has a sparse field. `output_fields` as in search (absent → all scalar fields).
 */
import type { Handler } from '../../EngineContext';
import { lookupKeys } from '../primaryKey';
import { resolveIndex } from '../resolveCollection';
import { projectFields, readOutputFields, readPartition } from '../searchBase';

export const fetchInIndex: Handler = async (context, body) => {
  const { collection, index } = resolveIndex(context, body);
  const ids = body.array('ids');
  const parsed = lookupKeys(ids, collection.schema.primaryKey.kind, 'ids');
  const outputFields = readOutputFields(body, collection.schema);
  const partition = readPartition(body, index);
  const now = context.now();
  const partitionColumn =
    partition !== undefined && index.schema.partitionField !== undefined
      ? index.column(index.schema.partitionField)
      : undefined;
  const fetch: Array<Record<string, unknown>> = [];
  const idsNotExist: unknown[] = [];
  parsed.forEach((key, i) => {
    const slot = key && index.slotOf(key.key);
    if (
      slot === undefined ||
      index.expiresAt[slot]! <= now ||
      (partitionColumn !== undefined && String(partitionColumn[slot]) !== partition)
    ) {
      idsNotExist.push(ids[i]);
      return;
    }
    const row = index.rows[slot]!;
    const item: Record<string, unknown> = {
      id: row.id,
      fields: projectFields(collection.schema, row, outputFields),
      dense_vector: index.matrix.get(slot),
      dense_dim: index.schema.dim,
    };
    if (index.schema.sparseField !== undefined) item['sparse_vector'] = { ...index.sparse[slot] };
    fetch.push(item);
  });
  return { fetch, ids_not_exist: idsNotExist };
};
