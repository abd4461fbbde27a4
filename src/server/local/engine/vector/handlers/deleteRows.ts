/**
 * `POST /api/vikingdb/data/delete` (api doc §3.4): `ids` (array of primary keys; ids that do not exist are ignored,
 * as in the Java SDK tests) or `del_all: true` (every row). `async` is accepted and ignored. One atomic commit.
 * Result: none (the envelope has no `result`).
 */
import { missing } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { commitRowChanges, settledRows } from '../commitRowChanges';
import { lookupKeys } from '../primaryKey';
import { resolveCollection } from '../resolveCollection';
import type { RowChange } from '../VectorIndex';

export const deleteRows: Handler = async (context, body) => {
  const collection = resolveCollection(context, body);
  const deleteAll = body.optionalBoolean('del_all') ?? false;
  body.optionalBoolean('async');
  const ids = body.optionalArray('ids');
  if (!deleteAll && ids === undefined) throw missing('ids', 'is required unless del_all is true');
  const parsed = deleteAll ? [] : lookupKeys(ids ?? [], collection.schema.primaryKey.kind, 'ids');
  await context.writes.run(async () => {
    await settledRows(collection);
    const keys = deleteAll
      ? [...collection.rows.keys()]
      : parsed.flatMap((p) => (p && collection.rows.has(p.key) ? [p.key] : []));
    const changes: RowChange[] = [...new Set(keys)].map((key) => ({ key, row: undefined }));
    await commitRowChanges(context, collection, changes);
  });
  return undefined;
};
