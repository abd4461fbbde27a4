/**
 * `POST /api/vikingdb/data/upsert` (api doc §3.2). Inserts or replaces whole rows.
 *
 * - `data`: 1..100 rows. Vectorizing collections also accept up to 100 rows locally (the cloud allows 1 per call;
 *   the local embedder is cheap).
 * - Every row is validated before anything is written; one bad row rejects the batch (400 naming `data[i].field`)
 *   and nothing changes. The accepted batch is one atomic storage commit.
 * - `__AUTO_ID__` collections generate an id when the row has none; a given `__AUTO_ID__` replaces that row.
 * - `ttl` (seconds, integer 0..1e12; 0 = never) sets an expiry; expired rows are invisible and purged on a later
 *   write.
 * - `async` is accepted and ignored (writes are always synchronous); `ignore_unknown_fields` drops unknown fields.
 * Result: `{ token_usage }`.
 */
import { invalid, missing } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { commitRowChanges } from '../commitRowChanges';
import { parsePrimaryKey } from '../primaryKey';
import { Float32Arena } from '../Float32Arena';
import { readRow } from '../readRow';
import { resolveCollection } from '../resolveCollection';
import type { StoredRow } from '../StoredRow';
import { vectorizeRows } from '../vectorizeRows';
import type { RowChange } from '../VectorIndex';

/** Most rows per upsert or update call. */
export const MAX_WRITE_ROWS = 100;
/**
 * Largest `ttl` in seconds (about 31,700 years). Without a bound a huge ttl made the expiry `Infinity`, which storage
 * keeps as `null` (JSON semantics), so the row read as expired after a restart and was purged.
 */
export const MAX_TTL_SECONDS = 1e12;

export const upsert: Handler = async (context, body) => {
  const collection = resolveCollection(context, body);
  const schema = collection.schema;
  const data = body.array('data');
  if (data.length === 0 || data.length > MAX_WRITE_ROWS)
    throw invalid(`data must contain 1 to ${MAX_WRITE_ROWS} rows (got ${data.length})`);
  const ttl = body.optionalInteger('ttl', { min: 0, max: MAX_TTL_SECONDS }) ?? 0;
  const ignoreUnknown = body.optionalBoolean('ignore_unknown_fields') ?? false;
  body.optionalBoolean('async');
  const vectors = new Float32Arena();
  const inputs = data.map((raw, i) => readRow(schema, raw, `data[${i}]`, { mode: 'upsert', ignoreUnknown, vectors }));
  const keys = inputs.map((input, i) => {
    const path = `data[${i}].${schema.primaryKey.name}`;
    if (input.rawKey !== undefined) return parsePrimaryKey(input.rawKey, schema.primaryKey.kind, path);
    if (schema.primaryKey.kind === 'auto') return undefined;
    throw missing(path);
  });
  const tokenUsage = await vectorizeRows(
    context,
    schema,
    inputs.map((input) => input.fields),
  );
  return context.writes.run(async () => {
    const now = context.now();
    const changes: RowChange[] = inputs.map((input, i) => {
      const given = keys[i];
      const generated = given === undefined ? collection.autoIds.next() : undefined;
      const key = given?.key ?? generated!;
      const row: StoredRow = { id: given?.id ?? key, fields: input.fields };
      if (ttl > 0) row.expiresAt = now + ttl * 1000;
      return { key, row };
    });
    await commitRowChanges(context, collection, changes);
    return { token_usage: tokenUsage };
  });
};
