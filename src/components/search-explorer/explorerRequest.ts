import type { FilterNode } from '../../client/vector/filter';
import type { AnyFields, CollectionLocator } from '../../client/vector/types';
import type { VectorSearchInput } from '../../hooks';
import { isIntegerText, toPrimaryKey, type ExplorerQuery } from './explorerTypes';
import { parseVector } from './parseVector';

/** A search the explorer sends. */
export type ExplorerSearchRequest = VectorSearchInput<AnyFields>;

/** What every mode's search shares. */
export interface SearchCommon {
  filter: FilterNode | undefined;
  outputFields: readonly string[] | undefined;
  limit: number;
  /** The primary key is an int64: an id that is not an integer is not sent. */
  integerIds: boolean;
}

/** The search to send for a query, or `undefined` while its input is missing or malformed. */
export function requestFor(
  target: { collection: CollectionLocator; index: string },
  query: ExplorerQuery,
  common: SearchCommon,
): ExplorerSearchRequest | undefined {
  const shared = {
    ...target,
    limit: common.limit,
    ...(common.filter ? { filter: common.filter } : {}),
    ...(common.outputFields ? { outputFields: common.outputFields } : {}),
  };
  switch (query.mode) {
    case 'vector': {
      const denseVector = parseVector(query.vector);
      return denseVector ? { ...shared, mode: 'vector', denseVector } : undefined;
    }
    case 'multiModal':
      return query.text.trim() ? { ...shared, mode: 'multiModal', text: query.text.trim() } : undefined;
    case 'id':
      if (!query.id.trim() || (common.integerIds && !isIntegerText(query.id))) return undefined;
      return { ...shared, mode: 'id', id: toPrimaryKey(query.id) };
    case 'keywords':
      return query.keywords.trim() ? { ...shared, mode: 'keywords', query: query.keywords.trim() } : undefined;
    case 'scalar':
      return query.scalarField
        ? { ...shared, mode: 'scalar', field: query.scalarField, order: query.scalarOrder }
        : undefined;
    case 'random':
      return { ...shared, mode: 'random' };
  }
}
