/**
 * `POST /api/vikingdb/data/search/scalar` (api doc §3.10): orders candidates by an int64/float32 scalar field of
 * the index. `order` `desc` (default) or `asc`; `score` (and `ann_score`) = the field value.
 */
import { invalid } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { scalarFieldType } from '../CollectionSchema';
import { resolveIndex } from '../resolveCollection';
import { candidateSlots, rank, readSearchBase, searchResult } from '../searchBase';
import { quote } from '../../quote';

export const searchByScalar: Handler = async (context, body) => {
  const { collection, index } = resolveIndex(context, body);
  const base = readSearchBase(body, index);
  const field = body.string('field');
  const type = scalarFieldType(collection.schema, index.schema, field);
  if (type !== 'int64' && type !== 'float32') {
    const sortable = [...index.schema.scalarFields].filter((name) => {
      const fieldType = scalarFieldType(collection.schema, index.schema, name);
      return fieldType === 'int64' || fieldType === 'float32';
    });
    const what = type === undefined ? 'not a scalar field' : `a ${type} field`;
    throw invalid(
      `field: ${quote(field)} is ${what} of index '${index.schema.name}'; scalar search sorts by an int64 or float32 scalar field (sortable fields: ${sortable.join(', ') || 'none'})`,
    );
  }
  const order = body.optionalString('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalid(`order must be "asc" or "desc" (got ${quote(order)})`);
  const column = index.column(field);
  const candidates = candidateSlots(index, base, context.now());
  const ranked = rank(candidates, base, order === 'desc', (slot) => column[slot] as number);
  return searchResult(index, ranked, base, candidates.length);
};
