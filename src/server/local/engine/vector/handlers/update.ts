/**
 * `POST /api/vikingdb/data/update` (api doc §3.3). Changes only the given fields of existing rows.
 *
 * - Each row must carry the primary key (or `__AUTO_ID__`); 1..100 rows.
 * - Updating an id that does not exist (or has expired) is an error: 400 InvalidParameter naming `data[i]`, and the
 *   whole batch is rejected (use upsert to insert).
 * - A changed vectorized text field is re-embedded. `ttl` (seconds, ≤ 1e12) given → new expiry (0 = never); absent →
 *   kept.
 * Result: `{ token_usage }`.
 */
import { invalid, missing } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { commitRowChanges, settledRows } from '../commitRowChanges';
import { parsePrimaryKey } from '../primaryKey';
import { Float32Arena } from '../Float32Arena';
import { readRow } from '../readRow';
import { resolveCollection } from '../resolveCollection';
import type { StoredRow } from '../StoredRow';
import { vectorizeRows } from '../vectorizeRows';
import type { RowChange } from '../VectorIndex';
import { MAX_TTL_SECONDS, MAX_WRITE_ROWS } from './upsert';

export const update: Handler = async (context, body) => {
  const collection = resolveCollection(context, body);
  const schema = collection.schema;
  const data = body.array('data');
  if (data.length === 0 || data.length > MAX_WRITE_ROWS)
    throw invalid(`data must contain 1 to ${MAX_WRITE_ROWS} rows (got ${data.length})`);
  const ttl = body.optionalInteger('ttl', { min: 0, max: MAX_TTL_SECONDS });
  const ignoreUnknown = body.optionalBoolean('ignore_unknown_fields') ?? false;
  const vectors = new Float32Arena();
  const inputs = data.map((raw, i) => {
    const input = readRow(schema, raw, `data[${i}]`, { mode: 'update', ignoreUnknown, vectors });
    if (input.rawKey === undefined) throw missing(`data[${i}].${schema.primaryKey.name}`);
    return {
      ...input,
      parsed: parsePrimaryKey(input.rawKey, schema.primaryKey.kind, `data[${i}].${schema.primaryKey.name}`),
    };
  });
  return context.writes.run(async () => {
    await settledRows(collection);
    const now = context.now();
    const merged = inputs.map((input, i) => {
      const existing = collection.visible(input.parsed.key, now);
      if (!existing)
        throw invalid(
          `data[${i}]: no row with primary key ${JSON.stringify(input.rawKey)} exists in collection '${schema.name}'; update changes existing rows only (use upsert to insert)`,
        );
      return { key: input.parsed.key, existing, fields: { ...existing.fields, ...input.fields }, given: input.fields };
    });
    const textField = schema.vectorize?.textField;
    const toEmbed = merged.filter((row) => textField !== undefined && textField in row.given).map((row) => row.fields);
    const tokenUsage = await vectorizeRows(context, schema, toEmbed);
    const changes: RowChange[] = merged.map(({ key, existing, fields }) => {
      const row: StoredRow = { id: existing.id, fields };
      const expiresAt = ttl === undefined ? existing.expiresAt : ttl > 0 ? now + ttl * 1000 : undefined;
      if (expiresAt !== undefined) row.expiresAt = expiresAt;
      return { key, row };
    });
    await commitRowChanges(context, collection, changes);
    return { token_usage: tokenUsage };
  });
};
